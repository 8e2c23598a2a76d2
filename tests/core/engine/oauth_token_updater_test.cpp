// OAuthAuthenticator's refresh_token_updater against a token endpoint that rotates single-use
// refresh tokens: tokens read from and written back to the config paths, one CONNECTOR_CONFIG
// update per refresh, the stored token reused while it is valid, and manifold's read output.
#include "core/engine/source_runner.h"
#include "core/interpolation/datetime_format.h"
#include "tests/core/engine/engine_test_support.h"
#include "tests/support/local_http_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <sstream>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;
using manifold::testing::LocalHttpServer;

class TokenUpdaterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Each refresh token works once; the answer carries the next one.
    server_.server().Post("/oauth/token", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mutex_);
      const std::string expected = "rt-" + std::to_string(generation_);
      if (req.get_param_value("refresh_token") != expected) {
        res.status = 400;
        res.set_content(R"({"error": "invalid_grant"})", "application/json");
        return;
      }
      ++generation_;
      res.set_content(nlohmann::json{{"access_token", "AT-" + std::to_string(generation_)},
                                     {"refresh_token", "rt-" + std::to_string(generation_)},
                                     {"expires_in", 3600}}
                          .dump(),
                      "application/json");
    });
    server_.server().Get("/items", [](const httplib::Request& req, httplib::Response& res) {
      if (req.get_header_value("Authorization").rfind("Bearer AT-", 0) != 0) {
        res.status = 401;
        return;
      }
      res.set_content(R"({"data": [{"id": 1}]})", "application/json");
    });
    server_.start();
  }

  std::string manifest(const std::string& updater = "          refresh_token_updater: {}\n") const {
    return withBase(oneStreamManifest("        type: HttpRequester\n"
                                      "        url_base: BASE\n"
                                      "        path: /items\n"
                                      "        authenticator:\n"
                                      "          type: OAuthAuthenticator\n"
                                      "          token_refresh_endpoint: BASE/oauth/token\n" + updater),
                    server_.baseUrl());
  }

  static nlohmann::json config(const std::string& accessToken, const std::string& expiry) {
    return {{"credentials",
             {{"client_id", "cid"}, {"client_secret", "cs"}, {"refresh_token", "rt-0"}, {"access_token", accessToken},
              {"token_expiry_date", expiry}}}};
  }

  struct Updates {
    std::vector<nlohmann::json> configs;
    std::vector<std::vector<std::string>> tokens;
  };

  StreamReadResult read(const nlohmann::json& cfg, Updates& updates, const std::string& yaml) {
    source_ = buildSource(yaml, cfg);
    if (!source_) return {};
    ReadEvents events;
    events.configUpdate = [&](const nlohmann::json& updated, const std::vector<std::string>& tokens) {
      updates.configs.push_back(updated);
      updates.tokens.push_back(tokens);
    };
    return readStream(*source_, "items", nullptr, events, {}, fastOptions());
  }

  std::vector<manifold::testing::ReceivedRequest> tokenRequests() const {
    std::vector<manifold::testing::ReceivedRequest> out;
    for (const auto& r : server_.requests()) {
      if (r.path == "/oauth/token") out.push_back(r);
    }
    return out;
  }

  LocalHttpServer server_;
  std::mutex mutex_;
  int generation_ = 0;
  std::shared_ptr<const DeclarativeSource> source_;
};

TEST_F(TokenUpdaterTest, EmptyStoredExpiryRefreshesWithTheConfigsTokenAndWritesTheNewOnesBack) {
  Updates updates;
  const auto before = std::chrono::system_clock::now();
  auto result = read(config("", ""), updates, manifest());
  ASSERT_TRUE(result.succeeded()) << result.failure->message;
  const auto token = tokenRequests();
  ASSERT_EQ(token.size(), 1u);
  // Client credentials default to the config's credentials object.
  EXPECT_EQ(token[0].body, "client_id=cid&client_secret=cs&grant_type=refresh_token&refresh_token=rt-0");
  EXPECT_EQ(server_.requests().back().header("Authorization"), "Bearer AT-1");
  ASSERT_EQ(updates.configs.size(), 1u);
  const auto& credentials = updates.configs[0]["credentials"];
  EXPECT_EQ(credentials["access_token"], "AT-1");
  EXPECT_EQ(credentials["refresh_token"], "rt-1");
  EXPECT_EQ(credentials["client_id"], "cid");  // the rest of the config is kept
  // The expiry is str(AirbyteDateTime): ISO 8601 with +00:00, about an hour from now.
  const std::string expiry = credentials["token_expiry_date"];
  EXPECT_EQ(expiry.substr(expiry.size() - 6), "+00:00") << expiry;
  const auto parsed = interpolation::parseIsoDateTime(expiry);
  const auto seconds = parsed.micros / 1'000'000 - std::chrono::duration_cast<std::chrono::seconds>(before.time_since_epoch()).count();
  EXPECT_GE(seconds, 3599);
  EXPECT_LE(seconds, 3700);
  EXPECT_EQ(updates.tokens[0], (std::vector<std::string>{"AT-1", "rt-1"}));
}

TEST_F(TokenUpdaterTest, ValidStoredTokenIsUsedWithoutRefreshOrUpdate) {
  Updates updates;
  auto result = read(config("AT-stored", "2999-01-01T00:00:00+00:00"), updates, manifest());
  ASSERT_TRUE(result.succeeded()) << result.failure->message;
  EXPECT_TRUE(tokenRequests().empty());
  EXPECT_TRUE(updates.configs.empty());
  EXPECT_EQ(server_.requests().back().header("Authorization"), "Bearer AT-stored");
}

TEST_F(TokenUpdaterTest, CustomConfigPathsAndRefreshTokenName) {
  server_.server().Post("/oauth/other", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(nlohmann::json{{"token", {{"access_token", "AT-x"}, {"next_refresh", req.get_param_value("next_refresh") + "-next"}}}}.dump(),
                    "application/json");
  });
  Updates updates;
  const nlohmann::json cfg{{"auth", {{"rt", "start"}}}, {"client_id", "c"}};
  auto result = read(cfg, updates,
                     withBase(oneStreamManifest("        type: HttpRequester\n"
                                                "        url_base: BASE\n"
                                                "        path: /items\n"
                                                "        authenticator:\n"
                                                "          type: OAuthAuthenticator\n"
                                                "          token_refresh_endpoint: BASE/oauth/other\n"
                                                "          client_id: \"{{ config.client_id }}\"\n"
                                                "          client_secret: s\n"
                                                "          refresh_token_updater:\n"
                                                "            refresh_token_name: next_refresh\n"
                                                "            access_token_config_path: [auth, at]\n"
                                                "            refresh_token_config_path: [auth, rt]\n"
                                                "            token_expiry_date_config_path: [auth, expires]\n"),
                              server_.baseUrl()));
  ASSERT_TRUE(result.succeeded()) << result.failure->message;
  ASSERT_EQ(updates.configs.size(), 1u);
  EXPECT_EQ(updates.configs[0]["auth"]["at"], "AT-x");
  EXPECT_EQ(updates.configs[0]["auth"]["rt"], "start-next");
  EXPECT_TRUE(updates.configs[0]["auth"]["expires"].is_string());
  EXPECT_EQ(server_.requests()[0].body, "client_id=c&client_secret=s&grant_type=refresh_token&next_refresh=start");
}

TEST_F(TokenUpdaterTest, ReadPrintsTheNewConfigInAControlMessageAndMasksTheTokensElsewhere) {
  const nlohmann::json cfg = config("", "");
  SourceInput input;
  input.manifestText = manifest();
  input.config = cfg;
  std::ostringstream out;
  {
    protocol::JsonLinesWriter writer(out);
    SourceRunner runner(writer);
    EXPECT_EQ(runner.read(input, {}, fastOptions()), RunStatus::Ok);
  }
  std::istringstream lines(out.str());
  int controls = 0;
  for (std::string line; std::getline(lines, line);) {
    const auto message = nlohmann::json::parse(line);
    if (message["type"] == "CONTROL") {
      ++controls;
      EXPECT_EQ(message["control"]["type"], "CONNECTOR_CONFIG");
      EXPECT_EQ(message["control"]["connectorConfig"]["config"]["credentials"]["refresh_token"], "rt-1");
      EXPECT_EQ(message["control"]["connectorConfig"]["config"]["credentials"]["access_token"], "AT-1");
    } else {
      EXPECT_EQ(line.find("rt-1"), std::string::npos) << line;
      EXPECT_EQ(line.find("AT-1"), std::string::npos) << line;
    }
  }
  EXPECT_EQ(controls, 1);
}

TEST_F(TokenUpdaterTest, UnparseableStoredExpiryIsAConfigError) {
  Updates updates;
  auto result = read(config("AT", "next tuesday"), updates, manifest());
  ASSERT_TRUE(result.failure);
  EXPECT_EQ(result.failure->failureType, protocol::FailureType::ConfigError);
  EXPECT_NE(result.failure->message.find("next tuesday"), std::string::npos) << result.failure->message;
}

}  // namespace
}  // namespace manifold::engine
