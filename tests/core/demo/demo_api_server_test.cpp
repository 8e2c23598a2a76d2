// Tests core/demo/demo_api_server over real HTTP: auth, both pagination styles, the incremental
// window, parent/child consistency, determinism, errors, binding and shutdown.
#include "core/demo/demo_api_server.h"
#include "core/demo/demo_openapi.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using manifold::demo::DemoApiServer;
using manifold::demo::kDemoApiKey;
using nlohmann::json;

// Pinned so a change to the generator (which would silently change the tutorial's numbers and
// the bundled connector's README) fails here first.
constexpr std::size_t kCustomers = 57;
constexpr std::size_t kEvents = 230;
constexpr std::size_t kInvoices = 240;

class DemoApi : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto started = server_.start(0);
    ASSERT_TRUE(started.ok()) << started.error().message;
  }

  httplib::Client client(bool withKey = true) const {
    httplib::Client c(server_.baseUrl());
    c.set_connection_timeout(5);
    c.set_read_timeout(5);
    if (withKey) c.set_default_headers({{"X-Api-Key", std::string(kDemoApiKey)}});
    return c;
  }

  // GETs `target` with the key and returns the parsed body, failing the test on a non-200.
  json getJson(const std::string& target) const {
    auto c = client();
    auto res = c.Get(target);
    EXPECT_TRUE(res) << "no response for " << target;
    if (!res) return json();
    EXPECT_EQ(res->status, 200) << target << ": " << res->body;
    return json::parse(res->body);
  }

  DemoApiServer server_;
};

json bodyOf(const httplib::Result& res) {
  EXPECT_TRUE(res);
  return res ? json::parse(res->body, nullptr, false) : json();
}

std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Whether a TCP connection to ip:port is accepted.
bool accepts(const char* ip, int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  ::inet_pton(AF_INET, ip, &addr.sin_addr);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

TEST_F(DemoApi, StartReportsTheBoundLoopbackPort) {
  EXPECT_GT(server_.port(), 0);
  EXPECT_TRUE(server_.running());
  EXPECT_EQ(server_.baseUrl(), "http://127.0.0.1:" + std::to_string(server_.port()));
}

TEST_F(DemoApi, HealthAndOpenApiNeedNoKey) {
  auto c = client(false);
  auto health = c.Get("/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(bodyOf(health)["status"], "ok");
  auto doc = c.Get("/openapi.json");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->status, 200);
}

TEST_F(DemoApi, DataEndpointsAnswer401WithAJsonErrorWithoutTheKey) {
  auto c = client(false);
  for (const char* target : {"/v1/customers", "/v1/events", "/v1/invoices", "/v1/customers/1/orders"}) {
    auto res = c.Get(target);
    ASSERT_TRUE(res) << target;
    EXPECT_EQ(res->status, 401) << target;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
    const json body = bodyOf(res);
    EXPECT_EQ(body["error"]["code"], "unauthorized") << res->body;
    EXPECT_NE(body["error"]["message"].get<std::string>().find("X-Api-Key"), std::string::npos);
  }
}

TEST_F(DemoApi, WrongKeyIsRejectedAndBearerFormIsAccepted) {
  auto c = client(false);
  auto wrong = c.Get("/v1/customers", {{"X-Api-Key", "not-the-key"}});
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  EXPECT_EQ(bodyOf(wrong)["error"]["message"], "invalid API key");
  auto bearer = c.Get("/v1/customers", {{"Authorization", "Bearer " + std::string(kDemoApiKey)}});
  ASSERT_TRUE(bearer);
  EXPECT_EQ(bearer->status, 200);
}

TEST_F(DemoApi, CustomerPagesWalkEveryCustomerExactlyOnce) {
  std::vector<std::size_t> sizes;
  std::set<long long> ids;
  for (int page = 1; page <= 10; ++page) {
    auto c = client();
    auto res = c.Get("/v1/customers?page=" + std::to_string(page) + "&per_page=20");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200);
    const json body = bodyOf(res);
    EXPECT_EQ(body["total"], kCustomers);
    EXPECT_EQ(body["total_pages"], 3);
    EXPECT_EQ(body["page"], page);
    sizes.push_back(body["data"].size());
    for (const auto& customer : body["data"]) ids.insert(customer["id"].get<long long>());
    const bool last = page >= 3;
    EXPECT_EQ(body["next_page"].is_null(), last) << "page " << page;
    EXPECT_EQ(res->has_header("Link"), !last) << "page " << page;
    if (!last) {
      EXPECT_EQ(res->get_header_value("Link"), "<" + server_.baseUrl() + "/v1/customers?page=" +
                                                   std::to_string(page + 1) + "&per_page=20>; rel=\"next\"");
    }
    if (body["data"].empty()) break;
  }
  EXPECT_EQ(sizes, (std::vector<std::size_t>{20, 20, 17, 0}));
  ASSERT_EQ(ids.size(), kCustomers);
  EXPECT_EQ(*ids.begin(), 1);
  EXPECT_EQ(*ids.rbegin(), static_cast<long long>(kCustomers));
}

TEST_F(DemoApi, CustomerRecordsCarryTheDocumentedFields) {
  const json first = getJson("/v1/customers?per_page=1")["data"][0];
  for (const char* field : {"id", "name", "email", "country", "plan", "created_at", "updated_at"}) {
    EXPECT_TRUE(first.contains(field)) << field << " missing in " << first.dump();
  }
  EXPECT_EQ(getJson("/v1/customers/1"), first);
}

TEST_F(DemoApi, BadPageParametersGive400) {
  auto c = client();
  for (const char* target : {"/v1/customers?per_page=0", "/v1/customers?per_page=101", "/v1/customers?page=abc",
                             "/v1/customers?page=0", "/v1/events?limit=-1"}) {
    auto res = c.Get(target);
    ASSERT_TRUE(res) << target;
    EXPECT_EQ(res->status, 400) << target;
    EXPECT_EQ(bodyOf(res)["error"]["code"], "invalid_parameter") << target;
  }
}

TEST_F(DemoApi, EventCursorWalkReturnsEveryEventInTimeOrder) {
  std::vector<std::size_t> sizes;
  std::set<std::string> ids;
  std::string previousTime;
  std::string cursor;
  for (int guard = 0; guard < 20; ++guard) {
    const json body = getJson("/v1/events?limit=50" + (cursor.empty() ? std::string() : "&cursor=" + cursor));
    sizes.push_back(body["data"].size());
    for (const auto& event : body["data"]) {
      ids.insert(event["id"].get<std::string>());
      const auto at = event["occurred_at"].get<std::string>();
      EXPECT_LE(previousTime, at);
      previousTime = at;
    }
    EXPECT_EQ(body["has_more"].get<bool>(), !body["next_cursor"].is_null());
    if (!body["has_more"].get<bool>()) break;
    cursor = body["next_cursor"].get<std::string>();
  }
  EXPECT_EQ(sizes, (std::vector<std::size_t>{50, 50, 50, 50, 30}));
  EXPECT_EQ(ids.size(), kEvents);
}

TEST_F(DemoApi, ForgedEventCursorGives400) {
  auto c = client();
  auto res = c.Get("/v1/events?cursor=page-2");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(bodyOf(res)["error"]["code"], "invalid_cursor");
}

TEST_F(DemoApi, InvoiceWindowReturnsExactlyTheRecordsUpdatedInIt) {
  std::vector<json> all;
  for (int page = 1; page <= 3; ++page) {
    const json body = getJson("/v1/invoices?per_page=100&page=" + std::to_string(page));
    EXPECT_EQ(body["total"], kInvoices);
    for (const auto& invoice : body["data"]) all.push_back(invoice);
  }
  ASSERT_EQ(all.size(), kInvoices);

  const std::string since = "2024-03-01T00:00:00Z";
  const std::string before = "2024-06-01T00:00:00Z";
  std::size_t expected = 0;
  for (const auto& invoice : all) {
    const auto at = invoice["updated_at"].get<std::string>();
    if (at >= since && at < before) ++expected;  // same format, so text order is time order
  }
  ASSERT_GT(expected, 0u);
  ASSERT_LT(expected, kInvoices);

  std::size_t received = 0;
  for (int page = 1; page <= 10; ++page) {
    const json body = getJson("/v1/invoices?updated_since=" + since + "&updated_before=" + before +
                              "&per_page=25&page=" + std::to_string(page));
    EXPECT_EQ(body["total"], expected);
    for (const auto& invoice : body["data"]) {
      const auto at = invoice["updated_at"].get<std::string>();
      EXPECT_GE(at, since);
      EXPECT_LT(at, before);
      ++received;
    }
    if (body["next_page"].is_null()) break;
  }
  EXPECT_EQ(received, expected);
}

TEST_F(DemoApi, MonthlyInvoiceWindowsPartitionTheWholeYear) {
  std::size_t sum = 0;
  for (int month = 1; month <= 12; ++month) {
    char since[32];
    char before[32];
    std::snprintf(since, sizeof since, "2024-%02d-01T00:00:00Z", month);
    if (month == 12) {
      std::snprintf(before, sizeof before, "2025-01-01T00:00:00Z");
    } else {
      std::snprintf(before, sizeof before, "2024-%02d-01T00:00:00Z", month + 1);
    }
    sum += getJson(std::string("/v1/invoices?updated_since=") + since + "&updated_before=" + before)["total"]
               .get<std::size_t>();
  }
  EXPECT_EQ(sum, kInvoices);
}

TEST_F(DemoApi, UpdatedUntilIncludesItsBoundAndUpdatedBeforeExcludesIt) {
  // A record's own updated_at as both bounds: the inclusive window holds exactly it.
  const json invoice = getJson("/v1/invoices?per_page=1&page=100")["data"][0];
  const std::string at = invoice["updated_at"].get<std::string>();
  const json inclusive = getJson("/v1/invoices?updated_since=" + at + "&updated_until=" + at);
  ASSERT_GE(inclusive["data"].size(), 1u);
  for (const auto& record : inclusive["data"]) EXPECT_EQ(record["updated_at"], at);
  const json exclusive = getJson("/v1/invoices?updated_since=" + at + "&updated_before=" + at);
  EXPECT_EQ(exclusive["total"], 0);
}

// What the demo connector does: monthly slices whose inclusive end is a second before the next
// slice's start.
TEST_F(DemoApi, MonthlySlicesWithInclusiveEndsReadEveryInvoiceOnce) {
  std::set<std::string> ids;
  std::size_t records = 0;
  for (int month = 1; month <= 12; ++month) {
    char since[32];
    char until[32];
    std::snprintf(since, sizeof since, "2024-%02d-01T00:00:00Z", month);
    static constexpr int kLastDay[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    std::snprintf(until, sizeof until, "2024-%02d-%02dT23:59:59Z", month, kLastDay[month - 1]);
    for (int page = 1; page <= 10; ++page) {
      const json body = getJson(std::string("/v1/invoices?updated_since=") + since + "&updated_until=" + until +
                                "&per_page=50&page=" + std::to_string(page));
      for (const auto& invoice : body["data"]) {
        ids.insert(invoice["id"].get<std::string>());
        ++records;
      }
      if (body["data"].size() < 50) break;
    }
  }
  EXPECT_EQ(records, kInvoices);
  EXPECT_EQ(ids.size(), kInvoices);
}

TEST_F(DemoApi, MalformedUpdatedSinceGives400) {
  auto c = client();
  auto res = c.Get("/v1/invoices?updated_since=last-week");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_NE(bodyOf(res)["error"]["message"].get<std::string>().find("updated_since"), std::string::npos);
}

TEST_F(DemoApi, EveryOrderBelongsToTheCustomerItIsListedUnder) {
  std::set<long long> orderIds;
  std::size_t customersWithoutOrders = 0;
  for (std::size_t id = 1; id <= kCustomers; ++id) {
    const json body = getJson("/v1/customers/" + std::to_string(id) + "/orders");
    EXPECT_EQ(body["customer_id"], id);
    EXPECT_EQ(body["total"], body["data"].size());
    if (body["data"].empty()) ++customersWithoutOrders;
    for (const auto& order : body["data"]) {
      EXPECT_EQ(order["customer_id"], id) << order.dump();
      EXPECT_TRUE(orderIds.insert(order["id"].get<long long>()).second) << "order listed twice";
    }
  }
  // Order ids are 1..N with none missing: every order is reachable from exactly one parent.
  ASSERT_FALSE(orderIds.empty());
  EXPECT_EQ(*orderIds.begin(), 1);
  EXPECT_EQ(static_cast<std::size_t>(*orderIds.rbegin()), orderIds.size());
  EXPECT_EQ(orderIds.size(), 136u);
  EXPECT_GT(customersWithoutOrders, 0u) << "a substream must meet a parent without children";
}

TEST_F(DemoApi, UnknownCustomerGivesJson404) {
  auto c = client();
  for (const char* target : {"/v1/customers/999/orders", "/v1/customers/0", "/v1/customers/99999999999999999999"}) {
    auto res = c.Get(target);
    ASSERT_TRUE(res) << target;
    EXPECT_EQ(res->status, 404) << target;
    EXPECT_EQ(bodyOf(res)["error"]["code"], "not_found") << target;
  }
}

TEST_F(DemoApi, UnknownPathGivesJson404NamingIt) {
  auto c = client();
  auto res = c.Get("/v1/no-such-thing");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  const json body = bodyOf(res);
  EXPECT_EQ(body["error"]["status"], 404);
  EXPECT_EQ(body["error"]["code"], "not_found");
  EXPECT_EQ(body["error"]["message"], "no endpoint GET /v1/no-such-thing");
  auto post = c.Post("/v1/customers", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 404);
  EXPECT_EQ(bodyOf(post)["error"]["message"], "no endpoint POST /v1/customers");
}

TEST_F(DemoApi, FlakyEndpointAnswers429WithRetryAfterThen200) {
  auto c = client();
  auto first = c.Get("/v1/flaky");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 429);
  EXPECT_EQ(first->get_header_value("Retry-After"), "1");
  EXPECT_EQ(bodyOf(first)["error"]["code"], "rate_limited");
  auto second = c.Get("/v1/flaky");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 200);
}

TEST_F(DemoApi, FailParameterFailsOnceThenSucceeds) {
  auto c = client();
  auto first = c.Get("/v1/customers?page=2&fail=503");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 503);
  EXPECT_EQ(bodyOf(first)["error"]["code"], "injected_failure");
  auto retry = c.Get("/v1/customers?page=2&fail=503");
  ASSERT_TRUE(retry);
  EXPECT_EQ(retry->status, 200);
  EXPECT_EQ(bodyOf(retry)["page"], 2);
  auto bad = c.Get("/v1/customers?fail=200");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
}

TEST_F(DemoApi, OpenApiDocumentIsTheSourceFileAndCoversEveryEndpoint) {
  auto c = client(false);
  auto res = c.Get("/openapi.json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body, std::string(manifold::demo::demoOpenApiDocument()));
  EXPECT_EQ(res->body, readText(std::string(MANIFOLD_SOURCE_DIR) + "/core/demo/demo_openapi.json"));
  const json doc = json::parse(res->body);
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  std::set<std::string> paths;
  for (const auto& [path, item] : doc["paths"].items()) paths.insert(path);
  EXPECT_EQ(paths, (std::set<std::string>{"/health", "/openapi.json", "/v1/customers", "/v1/customers/{customer_id}",
                                          "/v1/customers/{customer_id}/orders", "/v1/events", "/v1/invoices",
                                          "/v1/flaky"}));
  auto keyed = client();
  for (std::string path : paths) {
    const auto brace = path.find("{customer_id}");
    if (brace != std::string::npos) path.replace(brace, 13, "1");
    auto answer = keyed.Get(path);
    ASSERT_TRUE(answer) << path;
    EXPECT_NE(answer->status, 404) << path;
  }
}

TEST(DemoApiServer, TwoServersRunAtOnceAndServeIdenticalBodies) {
  DemoApiServer a;
  DemoApiServer b;
  ASSERT_TRUE(a.start(0).ok());
  ASSERT_TRUE(b.start(0).ok());
  EXPECT_NE(a.port(), b.port());
  httplib::Client ca(a.baseUrl());
  httplib::Client cb(b.baseUrl());
  const httplib::Headers key{{"X-Api-Key", std::string(kDemoApiKey)}};
  for (const char* target : {"/v1/customers?page=2", "/v1/events?limit=100", "/v1/customers/5/orders",
                             "/v1/invoices?updated_since=2024-02-01&updated_before=2024-04-01", "/openapi.json"}) {
    auto ra = ca.Get(target, key);
    auto rb = cb.Get(target, key);
    ASSERT_TRUE(ra && rb) << target;
    EXPECT_EQ(ra->status, 200) << target;
    EXPECT_EQ(ra->body, rb->body) << target;
  }
}

TEST(DemoApiServer, DataIsPinnedAcrossRuns) {
  DemoApiServer server;
  ASSERT_TRUE(server.start(0).ok());
  httplib::Client c(server.baseUrl());
  auto res = c.Get("/v1/customers/1", {{"X-Api-Key", std::string(kDemoApiKey)}});
  ASSERT_TRUE(res);
  const json customer = json::parse(res->body);
  EXPECT_EQ(customer["name"], "Radia Hamilton");
  EXPECT_EQ(customer["created_at"], "2024-03-13T22:33:23Z");
}

TEST(DemoApiServer, ReportsEachAnsweredRequestToItsLogger) {
  DemoApiServer server;
  std::mutex mutex;
  std::vector<manifold::demo::DemoRequestLog> log;
  server.setRequestLogger([&](const manifold::demo::DemoRequestLog& entry) {
    std::lock_guard lock(mutex);
    log.push_back(entry);
  });
  ASSERT_TRUE(server.start(0).ok());
  httplib::Client c(server.baseUrl());
  ASSERT_TRUE(c.Get("/v1/customers?page=2", {{"X-Api-Key", std::string(kDemoApiKey)}}));
  ASSERT_TRUE(c.Get("/v1/events"));
  server.stop();
  std::lock_guard lock(mutex);
  ASSERT_EQ(log.size(), 2u);
  // httplib logs after the response is sent, on the worker that served it, so the second
  // request can be logged first: compare in a fixed order.
  std::sort(log.begin(), log.end(), [](const auto& a, const auto& b) { return a.target < b.target; });
  EXPECT_EQ(log[0].method, "GET");
  EXPECT_EQ(log[0].target, "/v1/customers?page=2");
  EXPECT_EQ(log[0].status, 200);
  EXPECT_EQ(log[1].target, "/v1/events");
  EXPECT_EQ(log[1].status, 401);
}

TEST(DemoApiServer, ListensOnLoopbackOnly) {
  DemoApiServer server;
  ASSERT_TRUE(server.start(0).ok());
  EXPECT_TRUE(accepts("127.0.0.1", server.port()));
  // Linux routes all of 127/8 to loopback: a wildcard (0.0.0.0) socket would accept this.
  EXPECT_FALSE(accepts("127.0.0.2", server.port()));

  // The kernel's own view: the listening socket's local address is 127.0.0.1.
  std::ifstream tcp("/proc/net/tcp");
  ASSERT_TRUE(tcp) << "no /proc/net/tcp";
  char portHex[8];
  std::snprintf(portHex, sizeof portHex, "%04X", server.port());
  std::string line;
  std::vector<std::string> listeners;
  while (std::getline(tcp, line)) {
    std::istringstream fields(line);
    std::string slot, local, remote, state;
    fields >> slot >> local >> remote >> state;
    if (state == "0A" && local.size() > 9 && local.substr(9) == portHex) listeners.push_back(local);
  }
  EXPECT_EQ(listeners, (std::vector<std::string>{std::string("0100007F:") + portHex}));
}

TEST(DemoApiServer, BusyPortIsReportedNotShared) {
  DemoApiServer first;
  const auto port = first.start(0);
  ASSERT_TRUE(port.ok());
  DemoApiServer second;
  const auto clash = second.start(port.value());
  ASSERT_FALSE(clash.ok());
  EXPECT_NE(clash.error().message.find(std::to_string(port.value())), std::string::npos) << clash.error().message;
  EXPECT_NE(clash.error().message.find("in use"), std::string::npos) << clash.error().message;
  EXPECT_FALSE(second.running());
  EXPECT_EQ(second.port(), 0);
}

TEST(DemoApiServer, StartingTwiceOrOutOfRangeIsAnError) {
  DemoApiServer server;
  EXPECT_FALSE(server.start(70000).ok());
  ASSERT_TRUE(server.start(0).ok());
  const auto again = server.start(0);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message.find("already running"), std::string::npos);
}

TEST(DemoApiServer, StopIsPromptEvenWithAKeptAliveConnection) {
  DemoApiServer server;
  ASSERT_TRUE(server.start(0).ok());
  const int port = server.port();
  httplib::Client c(server.baseUrl());
  c.set_keep_alive(true);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(c.Get("/health"));
  const auto before = std::chrono::steady_clock::now();
  server.stop();
  const auto took = std::chrono::steady_clock::now() - before;
  EXPECT_LT(took, std::chrono::milliseconds(2500));  // the 1 s keep-alive limit, not httplib's 5 s
  EXPECT_FALSE(server.running());
  EXPECT_EQ(server.port(), 0);
  EXPECT_EQ(server.baseUrl(), "");
  EXPECT_FALSE(accepts("127.0.0.1", port));
  server.stop();  // idempotent
}

TEST(DemoApiServer, RestartsAfterStop) {
  DemoApiServer server;
  ASSERT_TRUE(server.start(0).ok());
  server.stop();
  ASSERT_TRUE(server.start(0).ok());
  httplib::Client c(server.baseUrl());
  auto res = c.Get("/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST(DemoApiServer, DestructorStopsTheServer) {
  int port = 0;
  {
    DemoApiServer server;
    ASSERT_TRUE(server.start(0).ok());
    port = server.port();
  }
  EXPECT_FALSE(accepts("127.0.0.1", port));
}
