// Rule "Declared hosts": the patterns of metadata.yaml's allowedHosts, and the HTTP client
// refusing every other host, also as a redirect target, before any connection.
#include "core/http/host_allowlist.h"
#include "core/http/http_client.h"
#include "core/manifest/connector_metadata.h"

#include <gtest/gtest.h>

#include "tests/support/local_http_server.h"

namespace manifold {
namespace {

using http::HostAllowlist;
using testing::LocalHttpServer;

HostAllowlist allowlist(const std::vector<std::string>& patterns, const nlohmann::json& config = nlohmann::json::object()) {
  auto built = HostAllowlist::fromPatterns(patterns, config);
  if (auto* error = std::get_if<std::string>(&built)) ADD_FAILURE() << *error;
  return std::get<HostAllowlist>(std::move(built));
}

TEST(HostAllowlist, ExactHostsMatchWithoutRegardToCase) {
  const auto hosts = allowlist({"api.example.com"});
  EXPECT_TRUE(hosts.allows("api.example.com"));
  EXPECT_TRUE(hosts.allows("API.Example.com"));
  EXPECT_FALSE(hosts.allows("example.com"));
  EXPECT_FALSE(hosts.allows("api.example.com.evil.net"));
}

TEST(HostAllowlist, WildcardsMatchSubdomainsOnly) {
  const auto hosts = allowlist({"*.example.com"});
  EXPECT_TRUE(hosts.allows("api.example.com"));
  EXPECT_TRUE(hosts.allows("a.b.example.com"));
  EXPECT_FALSE(hosts.allows("example.com"));
  EXPECT_FALSE(hosts.allows("evilexample.com"));
  EXPECT_TRUE(allowlist({"*"}).allows("anything.at.all"));
}

TEST(HostAllowlist, CidrRangesMatchAddressesInside) {
  const auto hosts = allowlist({"10.0.0.0/8", "192.168.1.0/24"});
  EXPECT_TRUE(hosts.allows("10.200.3.4"));
  EXPECT_TRUE(hosts.allows("192.168.1.77"));
  EXPECT_FALSE(hosts.allows("192.168.2.1"));
  EXPECT_FALSE(hosts.allows("11.0.0.1"));
  EXPECT_FALSE(hosts.allows("ten.example.com"));
}

TEST(HostAllowlist, PlaceholdersTakeConfigValuesAndTheHostOfAUrl) {
  const nlohmann::json config = {{"subdomain", "acme"},
                                 {"credentials", {{"region", "eu"}}},
                                 {"base_url", "https://Data.Example.org:8443/api/v2"}};
  const auto hosts = allowlist({"${subdomain}.zendesk.com", "${config.credentials.region}.api.io", "${base_url}"}, config);
  EXPECT_TRUE(hosts.allows("acme.zendesk.com"));
  EXPECT_TRUE(hosts.allows("eu.api.io"));
  EXPECT_TRUE(hosts.allows("data.example.org"));
  EXPECT_FALSE(hosts.allows("other.zendesk.com"));
}

TEST(HostAllowlist, AMissingPlaceholderValueIsAnErrorNamingTheField) {
  auto built = HostAllowlist::fromPatterns({"${subdomain}.zendesk.com"}, nlohmann::json::object());
  ASSERT_TRUE(std::holds_alternative<std::string>(built));
  EXPECT_NE(std::get<std::string>(built).find("'subdomain'"), std::string::npos) << std::get<std::string>(built);
  auto unclosed = HostAllowlist::fromPatterns({"${subdomain.zendesk.com"}, nlohmann::json{{"subdomain", "a"}});
  EXPECT_TRUE(std::holds_alternative<std::string>(unclosed));
}

TEST(ConnectorMetadata, AllowedHostsAreReadFromData) {
  auto declared = manifest::allowedHostsFromMetadata("data:\n  name: x\n  allowedHosts:\n    hosts:\n      - api.x.com\n      - \"${host}\"\n");
  ASSERT_TRUE(declared.error.empty()) << declared.error;
  ASSERT_TRUE(declared.hosts);
  EXPECT_EQ(*declared.hosts, (std::vector<std::string>{"api.x.com", "${host}"}));
  EXPECT_FALSE(manifest::allowedHostsFromMetadata("data:\n  name: x\n").hosts);
  auto broken = manifest::allowedHostsFromMetadata("data:\n  allowedHosts:\n    hosts: api.x.com\n");
  EXPECT_NE(broken.error.find("line 2"), std::string::npos) << broken.error;
  EXPECT_FALSE(manifest::allowedHostsFromMetadata("data: [unclosed\n").error.empty());
}

TEST(HostAllowlistClient, ARequestToAnUndeclaredHostFailsWithoutConnecting) {
  LocalHttpServer server;
  server.server().Get("/x", [](const httplib::Request&, httplib::Response& res) { res.set_content("{}", "application/json"); });
  server.start();
  http::HttpClientOptions options;
  options.allowedHosts = allowlist({"api.example.com"});
  http::HttpClient client(options);
  http::HttpRequest request;
  request.url = server.baseUrl() + "/x";
  auto result = client.send(request);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, http::HttpErrorKind::HostNotAllowed);
  EXPECT_NE(result.error().message.find("'127.0.0.1'"), std::string::npos) << result.error().message;
  EXPECT_NE(result.error().message.find("api.example.com"), std::string::npos) << result.error().message;
  EXPECT_TRUE(server.requests().empty());
}

TEST(HostAllowlistClient, ARedirectToAnUndeclaredHostIsNotFollowed) {
  LocalHttpServer target;
  target.server().Get("/loot", [](const httplib::Request&, httplib::Response& res) { res.set_content("{}", "application/json"); });
  target.start();
  LocalHttpServer api;
  const std::string elsewhere = "http://localhost:" + std::to_string(target.port()) + "/loot";
  api.server().Get("/start", [&](const httplib::Request&, httplib::Response& res) { res.set_redirect(elsewhere); });
  api.start();

  http::HttpClientOptions options;
  options.allowedHosts = allowlist({"127.0.0.1"});
  http::HttpClient client(options);
  http::HttpRequest request;
  request.url = api.baseUrl() + "/start";
  auto result = client.send(request);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, http::HttpErrorKind::HostNotAllowed);
  EXPECT_NE(result.error().message.find("localhost"), std::string::npos) << result.error().message;
  EXPECT_EQ(api.requests().size(), 1u);
  EXPECT_TRUE(target.requests().empty());
}

}  // namespace
}  // namespace manifold
