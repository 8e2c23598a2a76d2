// HttpClient against real local servers: requests as received, keep-alive, gzip, redirects.
#include "core/http/http_client.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdlib>
#include <set>

#include "tests/support/local_http_server.h"
#include "tests/support/raw_tcp_server.h"

using namespace manifold::http;
using manifold::testing::LocalHttpServer;
using manifold::testing::RawConnection;
using manifold::testing::RawTcpServer;

namespace {

// HttpRequest is an aggregate; this keeps the tests short without designated initializers,
// which GCC's -Wmissing-field-initializers flags when fields are left out.
HttpRequest makeRequest(std::string url, std::string method = "GET", HttpHeaders headers = {},
                        std::optional<std::string> body = std::nullopt,
                        std::optional<std::chrono::milliseconds> timeout = std::nullopt) {
  HttpRequest r;
  r.url = std::move(url);
  r.method = std::move(method);
  r.headers = std::move(headers);
  r.body = std::move(body);
  r.timeout = timeout;
  return r;
}

std::string gzipCompress(const std::string& input) {
  z_stream zs{};
  deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, input.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
  zs.avail_in = static_cast<uInt>(input.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

HttpClientOptions fastOptions() {
  HttpClientOptions o;
  o.connectTimeout = std::chrono::milliseconds(1000);
  o.totalTimeout = std::chrono::milliseconds(3000);
  return o;
}

}  // namespace

TEST(HttpClient, GetReturnsStatusServerCasedHeadersBodyAndWhatWasSent) {
  LocalHttpServer server;
  server.server().Get("/users", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("X-RateLimit-Remaining", "41");
    res.set_content(R"({"users":[1,2]})", "application/json");
  });
  server.start();
  HttpClient client(fastOptions());
  HttpRequest request;
  request.url = server.baseUrl() + "/users?page=2";
  request.headers = {{"X-Custom", "abc"}, {"Authorization", "Bearer t0ken"}};
  auto r = client.send(request);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, R"({"users":[1,2]})");
  EXPECT_EQ(r->url, server.baseUrl() + "/users?page=2");
  bool exactCase = false;
  for (const auto& [k, v] : r->headers) exactCase = exactCase || (k == "X-RateLimit-Remaining" && v == "41");
  EXPECT_TRUE(exactCase);
  ASSERT_NE(r->header("content-type"), nullptr);
  EXPECT_EQ(*r->header("content-type"), "application/json");
  EXPECT_GT(r->elapsed.count(), 0);

  // The record holds the head as written on the wire, libcurl's own headers included.
  EXPECT_EQ(r->request.method, "GET");
  ASSERT_NE(findHeader(r->request.headers, "Host"), nullptr);
  ASSERT_NE(findHeader(r->request.headers, "Authorization"), nullptr);
  EXPECT_EQ(*findHeader(r->request.headers, "Authorization"), "Bearer t0ken");
  ASSERT_NE(findHeader(r->request.headers, "User-Agent"), nullptr);

  auto received = server.requests();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].method, "GET");
  EXPECT_EQ(received[0].target, "/users?page=2");
  EXPECT_EQ(received[0].header("X-Custom"), "abc");
  EXPECT_EQ(received[0].header("Authorization"), "Bearer t0ken");
  EXPECT_EQ(received[0].header("Expect"), "");
}

TEST(HttpClient, NonSuccessStatusIsAResponseNotAnError) {
  LocalHttpServer server;
  server.server().Get("/fail", [](const httplib::Request&, httplib::Response& res) {
    res.status = 503;
    res.set_header("Retry-After", "2");
    res.set_content("busy", "text/plain");
  });
  server.start();
  HttpClient client(fastOptions());
  auto r = client.send(makeRequest(server.baseUrl() + "/fail"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, 503);
  EXPECT_EQ(r->body, "busy");
  EXPECT_EQ(*r->header("Retry-After"), "2");
}

TEST(HttpClient, KeepAliveReusesOneConnectionForSeveralRequests) {
  LocalHttpServer server;
  server.server().set_keep_alive_max_count(100);
  server.server().Get("/n", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("ok", "text/plain");
  });
  server.start();
  HttpClient client(fastOptions());
  for (int i = 0; i < 6; ++i) {
    auto r = client.send(makeRequest(server.baseUrl() + "/n"));
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
  std::set<int> ports;
  for (const auto& req : server.requests()) ports.insert(req.remotePort);
  EXPECT_EQ(server.requestCount(), 6u);
  EXPECT_EQ(ports.size(), 1u) << "each request opened its own connection";
}

TEST(HttpClient, GzipBodyIsDecodedAndGzipIsAdvertised) {
  const std::string payload = std::string(5000, 'a') + R"({"id":1})";
  const std::string compressed = gzipCompress(payload);
  LocalHttpServer server;
  server.server().Get("/gz", [&](const httplib::Request&, httplib::Response& res) {
    // octet-stream: cpp-httplib would gzip a JSON body a second time on its own.
    res.set_header("Content-Encoding", "gzip");
    res.set_content(compressed, "application/octet-stream");
  });
  server.start();
  HttpClient client(fastOptions());
  auto r = client.send(makeRequest(server.baseUrl() + "/gz"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->body, payload);
  ASSERT_NE(r->header("Content-Encoding"), nullptr);
  EXPECT_EQ(*r->header("Content-Encoding"), "gzip");
  EXPECT_NE(server.requests().at(0).header("Accept-Encoding").find("gzip"), std::string::npos);
  EXPECT_NE(server.requests().at(0).header("Accept-Encoding").find("deflate"), std::string::npos);
}

TEST(HttpClient, MethodsAndBodiesReachTheServerAsGiven) {
  LocalHttpServer server;
  auto echo = [](const httplib::Request& req, httplib::Response& res) { res.set_content(req.body, "text/plain"); };
  server.server().Post("/b", echo);
  server.server().Put("/b", echo);
  server.server().Patch("/b", echo);
  server.server().Delete("/b", echo);
  server.server().Get("/b", echo);
  server.start();
  HttpClient client(fastOptions());

  auto post = client.send(makeRequest(server.baseUrl() + "/b", "POST", {}, "a=1&b=2"));
  ASSERT_TRUE(post.ok()) << post.error().message;
  auto json = client.send(makeRequest(server.baseUrl() + "/b", "patch", HttpHeaders{{"Content-Type", "application/json"}}, R"({"x": 1})"));
  ASSERT_TRUE(json.ok()) << json.error().message;
  EXPECT_EQ(json->request.method, "PATCH");
  auto put = client.send(makeRequest(server.baseUrl() + "/b", "PUT", {}, "p"));
  auto del = client.send(makeRequest(server.baseUrl() + "/b", "DELETE"));
  ASSERT_TRUE(put.ok() && del.ok());
  EXPECT_EQ(post->body, "a=1&b=2");

  auto received = server.requests();
  ASSERT_EQ(received.size(), 4u);
  EXPECT_EQ(received[0].method, "POST");
  EXPECT_EQ(received[0].body, "a=1&b=2");
  // A raw body gets no Content-Type, as requests sends it; no 100-continue either.
  EXPECT_EQ(received[0].header("Content-Type"), "");
  EXPECT_EQ(received[0].header("Expect"), "");
  EXPECT_EQ(received[1].method, "PATCH");
  EXPECT_EQ(received[1].header("Content-Type"), "application/json");
  EXPECT_EQ(received[1].body, R"({"x": 1})");
  EXPECT_EQ(received[2].method, "PUT");
  EXPECT_EQ(received[2].body, "p");
  EXPECT_EQ(received[3].method, "DELETE");
  EXPECT_EQ(received[3].body, "");
}

TEST(HttpClient, GetWithABodySendsIt) {
  // cpp-httplib ignores GET bodies, so a raw peer reads this one.
  std::string received;
  RawTcpServer server([&](RawConnection& c) {
    std::string head = c.readRequestHead();
    received = head + c.readBytes(3);
    c.send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    c.waitForClose();
  });
  server.start();
  HttpClient client(fastOptions());
  auto r = client.send(makeRequest(server.baseUrl() + "/search", "GET", {}, "q=1"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->request.method, "GET");
  EXPECT_EQ(received.substr(0, 12), "GET /search ");
  EXPECT_NE(received.find("Content-Length: 3\r\n"), std::string::npos) << received;
  EXPECT_EQ(received.substr(received.size() - 7), "\r\n\r\nq=1");
}

TEST(HttpClient, UrlIsRequotedLikeRequests) {
  LocalHttpServer server;
  server.start();
  HttpClient client(fastOptions());
  auto r = client.send(makeRequest("  " + server.baseUrl() + "/a b/\xc3\xa9?q=x y&ok=%41%2F"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->request.url, server.baseUrl() + "/a%20b/%C3%A9?q=x%20y&ok=A%2F");
  ASSERT_EQ(server.requestCount(), 1u);
  EXPECT_EQ(server.requests()[0].target, "/a%20b/%C3%A9?q=x%20y&ok=A%2F");
}

TEST(HttpClient, SameHostRedirectKeepsAuthorizationAndIsRecorded) {
  LocalHttpServer server;
  server.server().Get("/old", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/new?x=1", 301);
  });
  server.server().Get("/new", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("moved", "text/plain");
  });
  server.start();
  HttpClient client(fastOptions());
  auto r = client.send(makeRequest(server.baseUrl() + "/old", "GET", HttpHeaders{{"Authorization", "Bearer same"}}));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "moved");
  EXPECT_EQ(r->url, server.baseUrl() + "/new?x=1");
  EXPECT_EQ(r->redirects, std::vector<std::string>{server.baseUrl() + "/new?x=1"});
  auto received = server.requests();
  ASSERT_EQ(received.size(), 2u);
  EXPECT_EQ(received[1].header("Authorization"), "Bearer same");
}

TEST(HttpClient, CrossHostRedirectDropsCredentialsButKeepsOtherHeaders) {
  LocalHttpServer other;
  other.server().Get("/landing", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("landed", "text/plain");
  });
  other.start();
  LocalHttpServer api;
  const std::string target = other.baseUrl() + "/landing";
  api.server().Get("/start", [&](const httplib::Request&, httplib::Response& res) { res.set_redirect(target, 302); });
  api.start();

  HttpClient client(fastOptions());
  HttpRequest request;
  request.url = api.baseUrl() + "/start";
  request.headers = {{"Authorization", "Bearer s3cret"},
                     {"Proxy-Authorization", "Basic cHJveHk="},
                     {"Cookie", "session=abc"},
                     {"X-Api-Key", "k3y"},
                     {"X-Trace", "keep-me"}};
  request.credentialHeaders = {"x-api-key"};
  auto r = client.send(request);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->body, "landed");
  ASSERT_EQ(api.requestCount(), 1u);
  EXPECT_EQ(api.requests()[0].header("Authorization"), "Bearer s3cret");
  ASSERT_EQ(other.requestCount(), 1u);
  const auto landed = other.requests().at(0);  // a copy: requests() returns by value
  EXPECT_EQ(landed.header("Authorization"), "");
  EXPECT_EQ(landed.header("Proxy-Authorization"), "");
  EXPECT_EQ(landed.header("Cookie"), "");
  EXPECT_EQ(landed.header("X-Api-Key"), "");
  EXPECT_EQ(landed.header("X-Trace"), "keep-me");
  EXPECT_EQ(findHeader(r->request.headers, "Authorization"), nullptr);
}

TEST(HttpClient, RedirectMethodRulesFollowRequests) {
  LocalHttpServer server;
  server.server().Post("/found", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/dest", 302); });
  server.server().Post("/temporary", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/dest", 307); });
  auto dest = [](const httplib::Request& req, httplib::Response& res) { res.set_content(req.method + ":" + req.body, "text/plain"); };
  server.server().Get("/dest", dest);
  server.server().Post("/dest", dest);
  server.start();
  HttpClient client(fastOptions());
  auto found = client.send(makeRequest(server.baseUrl() + "/found", "POST", {}, "data"));
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(found->body, "GET:");  // 302 turns POST into GET and drops the body
  auto temporary = client.send(makeRequest(server.baseUrl() + "/temporary", "POST", {}, "data"));
  ASSERT_TRUE(temporary.ok()) << temporary.error().message;
  EXPECT_EQ(temporary->body, "POST:data");  // 307 repeats the request as it was
}

TEST(HttpClient, RedirectLoopStopsAtTheLimit) {
  LocalHttpServer server;
  server.server().Get("/loop", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop", 302); });
  server.start();
  HttpClientOptions options = fastOptions();
  options.maxRedirects = 3;
  HttpClient client(options);
  auto r = client.send(makeRequest(server.baseUrl() + "/loop"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, HttpErrorKind::TooManyRedirects);
  EXPECT_NE(r.error().message.find("/loop"), std::string::npos) << r.error().message;
  EXPECT_EQ(server.requestCount(), 4u);  // the request and three redirects
}

TEST(HttpClient, RedirectsCanBeLeftToTheCaller) {
  LocalHttpServer server;
  server.server().Get("/r", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/elsewhere", 302); });
  server.start();
  HttpClientOptions options = fastOptions();
  options.followRedirects = false;
  HttpClient client(options);
  auto r = client.send(makeRequest(server.baseUrl() + "/r"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, 302);
  EXPECT_EQ(*r->header("Location"), "/elsewhere");
  EXPECT_EQ(server.requestCount(), 1u);
}

TEST(HttpClient, ProxyComesFromTheEnvironment) {
  LocalHttpServer proxy;
  proxy.server().Get(".*", [](const httplib::Request&, httplib::Response& res) { res.set_content("via proxy", "text/plain"); });
  proxy.start();
  const char* savedProxy = std::getenv("http_proxy");
  const char* savedNoProxy = std::getenv("no_proxy");
  const std::string keepProxy = savedProxy ? savedProxy : "";
  const std::string keepNoProxy = savedNoProxy ? savedNoProxy : "";
  ::setenv("http_proxy", proxy.baseUrl().c_str(), 1);
  ::setenv("no_proxy", "", 1);
  HttpClient client(fastOptions());
  auto r = client.send(makeRequest("http://api.example.invalid/v1/items?a=1"));
  if (savedProxy) ::setenv("http_proxy", keepProxy.c_str(), 1); else ::unsetenv("http_proxy");
  if (savedNoProxy) ::setenv("no_proxy", keepNoProxy.c_str(), 1); else ::unsetenv("no_proxy");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(proxy.requestCount(), 1u);
  EXPECT_EQ(proxy.requests()[0].target, "http://api.example.invalid/v1/items?a=1");
  EXPECT_EQ(proxy.requests()[0].header("Host"), "api.example.invalid");
}
