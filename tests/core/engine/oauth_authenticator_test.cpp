// OAuthAuthenticator against a local token endpoint: the refresh request's form, one refresh
// reused by every request, client credentials, and invalid grants.
#include "tests/core/engine/engine_test_support.h"
#include "tests/support/local_http_server.h"

#include <gtest/gtest.h>

#include <atomic>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;
using manifold::testing::LocalHttpServer;

class OAuthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.server().Post("/oauth/token", [this](const httplib::Request& req, httplib::Response& res) {
      ++refreshes_;
      if (req.get_param_value("refresh_token") == "revoked") {
        res.status = 400;
        res.set_content(R"({"error": "invalid_grant"})", "application/json");
        return;
      }
      res.set_content(R"({"data": {"access_token": "AT-fresh-1", "expires_in": 3600}})", "application/json");
    });
    server_.server().Get("/items", [](const httplib::Request& req, httplib::Response& res) {
      if (req.get_header_value("Authorization") != "Bearer AT-fresh-1") {
        res.status = 401;
        return;
      }
      const int page = req.has_param("page") ? std::stoi(req.get_param_value("page")) : 1;
      res.set_content(page < 3 ? R"({"data": [{"id": 1}, {"id": 2}]})" : R"({"data": [{"id": 3}]})", "application/json");
    });
    server_.start();
  }

  CollectedRead readWith(const std::string& authenticator, const nlohmann::json& config) {
    source_ = buildSource(withBase(oneStreamManifest("        type: HttpRequester\n"
                                                     "        url_base: BASE\n"
                                                     "        path: /items\n"
                                                     "        authenticator:\n" + authenticator,
                                                     "      paginator:\n"
                                                     "        type: DefaultPaginator\n"
                                                     "        pagination_strategy: {type: PageIncrement, page_size: 2, start_from_page: 1}\n"
                                                     "        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}\n"),
                                   server_.baseUrl()),
                          config);
    if (!source_) return {};
    return collect(*source_, "items");
  }

  std::vector<manifold::testing::ReceivedRequest> tokenRequests() const {
    std::vector<manifold::testing::ReceivedRequest> out;
    for (const auto& r : server_.requests()) {
      if (r.path == "/oauth/token") out.push_back(r);
    }
    return out;
  }

  LocalHttpServer server_;
  std::atomic<int> refreshes_{0};
  std::shared_ptr<const DeclarativeSource> source_;
};

const char* kRefreshGrant =
    "          type: OAuthAuthenticator\n"
    "          token_refresh_endpoint: BASE/oauth/token\n"
    "          client_id: \"{{ config.client_id }}\"\n"
    "          client_secret: \"{{ config.client_secret }}\"\n"
    "          refresh_token: \"{{ config.refresh_token }}\"\n"
    "          refresh_request_body: {audience: api, grant_type: ignored}\n";

TEST_F(OAuthTest, RefreshesOnceAndReusesTheToken) {
  auto read = readWith(kRefreshGrant, {{"client_id", "cid"}, {"client_secret", "csecret"}, {"refresh_token", "rt-1"}});
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(read.records.size(), 5u);
  EXPECT_EQ(refreshes_.load(), 1);
  const auto token = tokenRequests();
  ASSERT_EQ(token.size(), 1u);
  EXPECT_EQ(token[0].method, "POST");
  EXPECT_EQ(token[0].header("Content-Type"), "application/x-www-form-urlencoded");
  // The standard arguments win over refresh_request_body's grant_type.
  EXPECT_EQ(token[0].body, "audience=api&client_id=cid&client_secret=csecret&grant_type=refresh_token&refresh_token=rt-1");
  // The token refresh is an auxiliary exchange whose response never shows the new token.
  ASSERT_FALSE(read.exchangeInfos.empty());
  EXPECT_TRUE(read.exchangeInfos[0].auxiliary);
  EXPECT_EQ(read.exchangeInfos[0].title, "Refresh token");
  EXPECT_EQ(read.exchanges[0].toJson().dump().find("AT-fresh-1"), std::string::npos);
}

TEST_F(OAuthTest, ClientCredentialsSendsNoRefreshToken) {
  auto read = readWith("          type: OAuthAuthenticator\n"
                       "          token_refresh_endpoint: BASE/oauth/token\n"
                       "          grant_type: client_credentials\n"
                       "          client_id: cid\n"
                       "          client_secret: csecret\n"
                       "          refresh_token: should-not-be-sent\n"
                       "          scopes: [read, write]\n",
                       nlohmann::json::object());
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  const auto token = tokenRequests();
  ASSERT_EQ(token.size(), 1u);
  EXPECT_EQ(token[0].body, "client_id=cid&client_secret=csecret&grant_type=client_credentials&scopes=read&scopes=write");
}

TEST_F(OAuthTest, ValidConfiguredTokenIsUsedWithoutRefresh) {
  auto read = readWith("          type: OAuthAuthenticator\n"
                       "          token_refresh_endpoint: BASE/oauth/token\n"
                       "          client_id: cid\n"
                       "          client_secret: csecret\n"
                       "          refresh_token: rt\n"
                       "          access_token_value: \"{{ config.token }}\"\n"
                       "          token_expiry_date: \"{{ config.expiry }}\"\n",
                       {{"token", "AT-fresh-1"}, {"expiry", "2999-01-01T00:00:00Z"}});
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(refreshes_.load(), 0);
}

TEST_F(OAuthTest, InvalidGrantIsAConfigError) {
  auto read = readWith(kRefreshGrant, {{"client_id", "cid"}, {"client_secret", "csecret"}, {"refresh_token", "revoked"}});
  ASSERT_TRUE(read.result.failure);
  EXPECT_EQ(read.result.failure->failureType, protocol::FailureType::ConfigError);
  EXPECT_NE(read.result.failure->message.find("Refresh token is invalid or expired"), std::string::npos);
}

}  // namespace
}  // namespace manifold::engine
