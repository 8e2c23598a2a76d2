// SessionTokenAuthenticator and LegacySessionTokenAuthenticator against a local API with a login
// endpoint: the login request, the token sent as a bearer token or an API key, one login reused
// until expiration_duration has passed, and clear failures.
#include "tests/core/engine/engine_test_support.h"
#include "tests/support/local_http_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;
using manifold::testing::LocalHttpServer;
using manifold::testing::ReceivedRequest;

constexpr const char* kToken = "sess-9f8e7d6c5b4a";

class SessionTokenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.server().Post("/login", [this](const httplib::Request& req, httplib::Response& res) {
      ++logins_;
      const auto body = nlohmann::json::parse(req.body, nullptr, false);
      if (body.is_discarded() || body.value("user", "") != "ada" || body.value("password", "") != "pw-1") {
        res.status = 401;
        res.set_content(R"({"message": "bad credentials"})", "application/json");
        return;
      }
      res.set_content(nlohmann::json{{"session", {{"token", std::string(kToken) + "-" + std::to_string(logins_.load())}}}}.dump(),
                      "application/json");
    });
    server_.server().Get("/items", [this](const httplib::Request& req, httplib::Response& res) {
      const int page = req.has_param("page") ? std::stoi(req.get_param_value("page")) : 1;
      if (page == slowPage_) std::this_thread::sleep_for(std::chrono::milliseconds(1200));
      res.set_content(page < 3 ? R"({"data": [{"id": 1}, {"id": 2}]})" : R"({"data": [{"id": 3}]})", "application/json");
    });
    server_.start();
  }

  std::string manifest(const std::string& authenticator) const {
    return withBase(oneStreamManifest("        type: HttpRequester\n"
                                      "        url_base: BASE\n"
                                      "        path: /items\n"
                                      "        authenticator:\n" + authenticator,
                                      "      paginator:\n"
                                      "        type: DefaultPaginator\n"
                                      "        pagination_strategy: {type: PageIncrement, page_size: 2, start_from_page: 1}\n"
                                      "        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}\n"),
                    server_.baseUrl());
  }

  CollectedRead readWith(const std::string& authenticator, const nlohmann::json& config = {{"user", "ada"}, {"password", "pw-1"}}) {
    source_ = buildSource(manifest(authenticator), config);
    if (!source_) return {};
    return collect(*source_, "items");
  }

  std::vector<ReceivedRequest> requestsTo(const std::string& path) const {
    std::vector<ReceivedRequest> out;
    for (const auto& r : server_.requests()) {
      if (r.path == path) out.push_back(r);
    }
    return out;
  }

  LocalHttpServer server_;
  std::atomic<int> logins_{0};
  int slowPage_ = 0;
  std::shared_ptr<const DeclarativeSource> source_;
};

// A login requester posting JSON credentials; `rest` is the authenticator's other fields.
std::string sessionAuthenticator(const std::string& rest) {
  return "          type: SessionTokenAuthenticator\n"
         "          login_requester:\n"
         "            type: HttpRequester\n"
         "            url_base: BASE\n"
         "            path: /login\n"
         "            http_method: POST\n"
         "            authenticator: {type: NoAuth}\n"
         "            request_body_json:\n"
         "              user: \"{{ config.user }}\"\n"
         "              password: \"{{ config.password }}\"\n"
         "          session_token_path: [session, token]\n" + rest;
}

TEST_F(SessionTokenTest, BearerTokenFromOneLoginReusedUntilItExpires) {
  auto read = readWith(sessionAuthenticator("          expiration_duration: PT1H\n"
                                            "          request_authentication: {type: Bearer}\n"));
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(read.records.size(), 5u);
  EXPECT_EQ(logins_.load(), 1);
  const auto login = requestsTo("/login");
  ASSERT_EQ(login.size(), 1u);
  EXPECT_EQ(login[0].method, "POST");
  EXPECT_EQ(nlohmann::json::parse(login[0].body), (nlohmann::json{{"user", "ada"}, {"password", "pw-1"}}));
  EXPECT_EQ(login[0].header("Content-Type"), "application/json");
  const auto pages = requestsTo("/items");
  ASSERT_EQ(pages.size(), 3u);
  for (const auto& page : pages) EXPECT_EQ(page.header("Authorization"), std::string("Bearer ") + kToken + "-1");
}

TEST_F(SessionTokenTest, ApiKeyInjectionWithTheDefaultTemplate) {
  auto read = readWith(sessionAuthenticator("          expiration_duration: P1D\n"
                                            "          request_authentication:\n"
                                            "            type: ApiKey\n"
                                            "            inject_into: {type: RequestOption, inject_into: header, field_name: X-Session}\n"));
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  const auto pages = requestsTo("/items");
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].header("X-Session"), std::string(kToken) + "-1");
  EXPECT_EQ(pages[0].header("Authorization"), "");
  EXPECT_EQ(logins_.load(), 1);
}

TEST_F(SessionTokenTest, ApiKeyTemplateAndRequestParameter) {
  auto read = readWith(sessionAuthenticator("          expiration_duration: PT10M\n"
                                            "          request_authentication:\n"
                                            "            type: ApiKey\n"
                                            "            api_token: \"Token {{ session_token }}\"\n"
                                            "            inject_into: {type: RequestOption, inject_into: request_parameter, field_name: auth}\n"));
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  const auto pages = requestsTo("/items");
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[1].param("auth"), std::string("Token ") + kToken + "-1");
  EXPECT_EQ(pages[1].param("page"), "2");
}

TEST_F(SessionTokenTest, WithoutExpirationDurationEveryRequestLogsIn) {
  // The reference caches nothing without expiration_duration.
  auto read = readWith(sessionAuthenticator("          request_authentication: {type: Bearer}\n"));
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(logins_.load(), 3);
  const auto pages = requestsTo("/items");
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[2].header("Authorization"), std::string("Bearer ") + kToken + "-3");
}

TEST_F(SessionTokenTest, AnExpiredTokenLogsInAgain) {
  // Page 2 takes 1.2 s, longer than the token's one second: page 3 needs a new login.
  slowPage_ = 2;
  auto read = readWith(sessionAuthenticator("          expiration_duration: PT1S\n"
                                            "          request_authentication: {type: Bearer}\n"));
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(logins_.load(), 2);
  const auto pages = requestsTo("/items");
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[1].header("Authorization"), std::string("Bearer ") + kToken + "-1");
  EXPECT_EQ(pages[2].header("Authorization"), std::string("Bearer ") + kToken + "-2");
}

TEST_F(SessionTokenTest, LoginIsReportedAsAnAuxiliaryExchangeWithTheTokenMasked) {
  auto read = readWith(sessionAuthenticator("          expiration_duration: PT1H\n"
                                            "          request_authentication: {type: Bearer}\n"));
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  ASSERT_EQ(read.exchanges.size(), 4u);
  EXPECT_EQ(read.exchangeInfos[0].title, "Login request");
  EXPECT_TRUE(read.exchangeInfos[0].auxiliary);
  EXPECT_FALSE(read.exchangeInfos[1].auxiliary);
  for (const auto& exchange : read.exchanges) {
    const std::string text = exchange.toJson().dump();
    EXPECT_EQ(text.find(kToken), std::string::npos) << text;
  }
  EXPECT_NE(read.exchanges[0].toJson().dump().find("****"), std::string::npos);
}

TEST_F(SessionTokenTest, FailedLoginFailsTheStreamWithTheLoginError) {
  auto read = readWith(sessionAuthenticator("          expiration_duration: PT1H\n"
                                            "          request_authentication: {type: Bearer}\n"),
                       {{"user", "ada"}, {"password", "wrong"}});
  ASSERT_TRUE(read.result.failure);
  EXPECT_EQ(read.result.failure->failureType, protocol::FailureType::ConfigError);
  EXPECT_EQ(requestsTo("/items").size(), 0u);
  EXPECT_EQ(logins_.load(), 1);  // a 401 is not retried
}

TEST_F(SessionTokenTest, MissingTokenPathSaysWhichPath) {
  auto read = readWith("          type: SessionTokenAuthenticator\n"
                       "          login_requester:\n"
                       "            type: HttpRequester\n"
                       "            url_base: BASE\n"
                       "            path: /login\n"
                       "            http_method: POST\n"
                       "            request_body_json: {user: ada, password: pw-1}\n"
                       "          session_token_path: [session, missing]\n"
                       "          request_authentication: {type: Bearer}\n");
  ASSERT_TRUE(read.result.failure);
  EXPECT_NE(read.result.failure->message.find("['session', 'missing']"), std::string::npos) << read.result.failure->message;
  EXPECT_EQ(requestsTo("/items").size(), 0u);
}

TEST_F(SessionTokenTest, BadExpirationDurationIsABuildError) {
  const std::string error = streamBuildError(manifest(sessionAuthenticator("          expiration_duration: one hour\n"
                                                                           "          request_authentication: {type: Bearer}\n")),
                                             nlohmann::json::object());
  EXPECT_NE(error.find("ISO 8601"), std::string::npos) << error;
  EXPECT_NE(error.find("authenticator"), std::string::npos) << error;
  EXPECT_EQ(logins_.load(), 0);
}

// LegacySessionTokenAuthenticator: url_base + login_url / validate_session_url (concatenated).
class LegacySessionTokenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.server().Get("/api/user/current", [](const httplib::Request& req, httplib::Response& res) {
      if (req.get_header_value("X-App-Session") != "valid-session") {
        res.status = 401;
        return;
      }
      res.set_content(R"({"common_name": "Ada"})", "application/json");
    });
    server_.server().Post("/api/session", [](const httplib::Request& req, httplib::Response& res) {
      const auto body = nlohmann::json::parse(req.body, nullptr, false);
      if (body.is_discarded() || body.value("username", "") != "ada" || body.value("password", "") != "pw") {
        res.status = 401;
        return;
      }
      res.set_content(R"({"id": "new-session-77"})", "application/json");
    });
    server_.server().Get("/api/items", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(R"({"data": [{"id": 1}]})", "application/json");
    });
    server_.start();
  }

  CollectedRead readWith(const nlohmann::json& config) {
    const std::string yaml = withBase(oneStreamManifest("        type: HttpRequester\n"
                                                        "        url_base: BASE/api/\n"
                                                        "        path: items\n"
                                                        "        authenticator:\n"
                                                        "          type: LegacySessionTokenAuthenticator\n"
                                                        "          header: X-App-Session\n"
                                                        "          username: \"{{ config.username }}\"\n"
                                                        "          password: \"{{ config.password }}\"\n"
                                                        "          session_token: \"{{ config.session_token }}\"\n"
                                                        "          session_token_response_key: id\n"
                                                        "          login_url: session\n"
                                                        "          validate_session_url: user/current\n"),
                                      server_.baseUrl());
    source_ = buildSource(yaml, config);
    if (!source_) return {};
    return collect(*source_, "items");
  }

  std::vector<std::string> paths() const {
    std::vector<std::string> out;
    for (const auto& r : server_.requests()) out.push_back(r.method + " " + r.path + " " + r.header("X-App-Session"));
    return out;
  }

  LocalHttpServer server_;
  std::shared_ptr<const DeclarativeSource> source_;
};

TEST_F(LegacySessionTokenTest, ValidConfiguredTokenIsCheckedThenSent) {
  auto read = readWith({{"session_token", "valid-session"}, {"username", ""}, {"password", ""}});
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(paths(), (std::vector<std::string>{"GET /api/user/current valid-session", "GET /api/items valid-session"}));
}

TEST_F(LegacySessionTokenTest, InvalidTokenFallsBackToLoginWithUsernameAndPassword) {
  auto read = readWith({{"session_token", "stale"}, {"username", "ada"}, {"password", "pw"}});
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(paths(), (std::vector<std::string>{"GET /api/user/current stale", "POST /api/session ", "GET /api/items new-session-77"}));
  const auto login = server_.requests()[1];
  EXPECT_EQ(nlohmann::json::parse(login.body), (nlohmann::json{{"username", "ada"}, {"password", "pw"}}));
  EXPECT_EQ(login.header("Content-Type"), "application/json");
  // The new token never shows in what the engine reports.
  for (const auto& exchange : read.exchanges) EXPECT_EQ(exchange.toJson().dump().find("new-session-77"), std::string::npos);
}

TEST_F(LegacySessionTokenTest, ConfigWithoutASessionTokenLogsIn) {
  // {{ config['session_token'] }} of a missing key renders empty, as Jinja's Undefined does.
  auto read = readWith({{"username", "ada"}, {"password", "pw"}});
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(paths(), (std::vector<std::string>{"POST /api/session ", "GET /api/items new-session-77"}));
}

TEST_F(LegacySessionTokenTest, NoTokenAndNoPasswordIsAClearConfigError) {
  auto read = readWith({{"session_token", ""}, {"username", "ada"}, {"password", ""}});
  ASSERT_TRUE(read.result.failure);
  EXPECT_NE(read.result.failure->message.find("Invalid credentials"), std::string::npos) << read.result.failure->message;
  EXPECT_EQ(read.result.failure->failureType, protocol::FailureType::ConfigError);
  EXPECT_EQ(server_.requestCount(), 0u);
}

TEST_F(LegacySessionTokenTest, RejectedLoginNamesTheUrlAndStatus) {
  auto read = readWith({{"session_token", ""}, {"username", "ada"}, {"password", "nope"}});
  ASSERT_TRUE(read.result.failure);
  EXPECT_NE(read.result.failure->message.find("/api/session"), std::string::npos) << read.result.failure->message;
  EXPECT_NE(read.result.failure->message.find("401"), std::string::npos) << read.result.failure->message;
}

}  // namespace
}  // namespace manifold::engine
