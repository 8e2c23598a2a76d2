// End to end: the demo API's own /openapi.json, imported, validated and read with the engine.
#include "core/demo/demo_api_server.h"
#include "core/demo/demo_openapi.h"
#include "core/engine/declarative_source.h"
#include "core/engine/stream_reader.h"
#include "tests/core/openapi/openapi_test_support.h"

#include <algorithm>
#include <initializer_list>
#include <mutex>
#include <set>

namespace manifold::openapi {
namespace {

using namespace manifold::openapi::testing;

class DemoImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.setRequestLogger([this](const demo::DemoRequestLog& log) {
      std::lock_guard lock(mutex_);
      targets_.push_back(log.target);
    });
    auto port = server_.start(0);
    ASSERT_TRUE(port.ok()) << port.error().message;
  }

  std::vector<std::string> targets() {
    std::lock_guard lock(mutex_);
    return targets_;
  }

  demo::DemoApiServer server_;
  std::mutex mutex_;
  std::vector<std::string> targets_;
};

struct Read {
  engine::StreamReadResult result;
  std::vector<nlohmann::json> records;
  std::size_t pages = 0;
};

bool sawRequest(const std::vector<std::string>& seen, const std::string& prefix, std::initializer_list<std::string> parts) {
  return std::any_of(seen.begin(), seen.end(), [&](const std::string& target) {
    if (target.rfind(prefix, 0) != 0) return false;
    return std::all_of(parts.begin(), parts.end(), [&](const std::string& p) { return target.find(p) != std::string::npos; });
  });
}

Read readAll(const engine::DeclarativeSource& source, const std::string& stream) {
  Read out;
  engine::ReadEvents events;
  events.record = [&](const nlohmann::json& r) { out.records.push_back(r); };
  events.httpExchange = [&](const http::HttpExchange&, const engine::ExchangeInfo& info) {
    if (!info.auxiliary) ++out.pages;
  };
  engine::ReadOptions options;
  options.backoffScale = 0.001;
  out.result = engine::readStream(source, stream, nullptr, events, {}, options);
  return out;
}

TEST_F(DemoImportTest, ImportsFromTheServedDocumentAndReadsEveryPage) {
  auto document = loadOpenApi(server_.baseUrl() + "/openapi.json");
  ASSERT_TRUE(document) << document.error().message;
  EXPECT_TRUE(document->fromUrl);
  ImportOptions options;
  options.baseUrl = server_.baseUrl();
  auto plan = planImport(document.value(), options);
  ASSERT_TRUE(plan) << plan.error().message;

  std::vector<std::string> names;
  for (const auto& s : plan->streams) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"customers", "orders", "events", "invoices", "flaky"}));

  auto yaml = writeManifest(plan.value());
  ASSERT_TRUE(yaml) << yaml.error().message;
  EXPECT_EQ(manifestFindings(yaml.value()), "") << yaml.value();

  const auto loaded = manifest::loadManifest(yaml.value());
  nlohmann::json config = {{"api_key", std::string(demo::kDemoApiKey)}};
  auto built = engine::DeclarativeSource::build(loaded.resolved, config);
  ASSERT_TRUE(built) << built.error().describe();
  const auto& source = *built.value();

  auto customers = readAll(source, "customers");
  ASSERT_TRUE(customers.result.succeeded()) << customers.result.failure->message;
  EXPECT_EQ(customers.records.size(), 57u);

  auto events = readAll(source, "events");
  ASSERT_TRUE(events.result.succeeded()) << events.result.failure->message;
  EXPECT_EQ(events.records.size(), 230u);
  EXPECT_EQ(events.pages, 3u);  // 100 per page (the limit's maximum): 100, 100, 30

  auto invoices = readAll(source, "invoices");
  ASSERT_TRUE(invoices.result.succeeded()) << invoices.result.failure->message;
  EXPECT_EQ(invoices.records.size(), 240u);
  std::set<std::string> ids;
  for (const auto& r : invoices.records) ids.insert(r["id"].get<std::string>());
  EXPECT_EQ(ids.size(), 240u);
  EXPECT_EQ(invoices.pages, 3u);

  // The server saw the paginators' parameters.
  const auto seen = targets();
  EXPECT_NE(std::find(seen.begin(), seen.end(), "/v1/events?limit=100"), seen.end());
  EXPECT_TRUE(sawRequest(seen, "/v1/invoices?", {"per_page=100", "page=2"}));
  EXPECT_TRUE(sawRequest(seen, "/v1/invoices?", {"per_page=100", "page=3"}));
  EXPECT_TRUE(sawRequest(seen, "/v1/customers?", {"per_page=100"}));
}

TEST_F(DemoImportTest, OrdersAreReadPerCustomerThroughTheParentStream) {
  auto document = parseOpenApi(demo::demoOpenApiDocument(), "demo_openapi.json");
  ASSERT_TRUE(document) << document.error().message;
  ImportOptions options;
  options.baseUrl = server_.baseUrl();
  auto plan = planImport(document.value(), options);
  ASSERT_TRUE(plan) << plan.error().message;
  auto yaml = writeManifest(plan.value(), {"orders"});
  ASSERT_TRUE(yaml) << yaml.error().message;
  EXPECT_EQ(manifestFindings(yaml.value()), "") << yaml.value();
  const auto loaded = manifest::loadManifest(yaml.value());
  auto built = engine::DeclarativeSource::build(loaded.resolved, {{"api_key", std::string(demo::kDemoApiKey)}});
  ASSERT_TRUE(built) << built.error().describe();

  auto orders = readAll(*built.value(), "orders");
  ASSERT_TRUE(orders.result.succeeded()) << orders.result.failure->message;
  EXPECT_GT(orders.records.size(), 57u);
  std::set<int> customerIds;
  for (const auto& r : orders.records) customerIds.insert(r["customer_id"].get<int>());
  EXPECT_GT(customerIds.size(), 10u);
  std::size_t orderRequests = 0;
  for (const auto& t : targets()) {
    if (t.find("/orders") != std::string::npos) ++orderRequests;
  }
  EXPECT_EQ(orderRequests, 57u);  // one per customer, each customer's id in the path
}

}  // namespace
}  // namespace manifold::openapi
