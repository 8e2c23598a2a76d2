// The bundled demo connector (manifests/demo) against the built-in demo API, end to end through
// the reader API and the protocol runner.
#include "core/demo/demo_api_server.h"
#include "core/engine/source_runner.h"
#include "tests/core/engine/engine_test_support.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;

std::string demoManifest() {
  std::ifstream in(std::string(MANIFOLD_SOURCE_DIR) + "/manifests/demo/manifest.yaml");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class DemoConnectorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto port = server_.start(0);
    ASSERT_TRUE(port.ok());
    config_ = {{"base_url", server_.baseUrl()}, {"api_key", std::string(demo::kDemoApiKey)}};
    source_ = buildSource(demoManifest(), config_);
    ASSERT_TRUE(source_);
  }

  demo::DemoApiServer server_;
  nlohmann::json config_;
  std::shared_ptr<const DeclarativeSource> source_;
};

TEST_F(DemoConnectorTest, CustomersReadsEveryPage) {
  auto read = collect(*source_, "customers");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(read.records.size(), 57u);
  std::set<int> ids;
  for (const auto& r : read.records) ids.insert(r["id"].get<int>());
  EXPECT_EQ(ids.size(), 57u);
  // 20 per page: pages 1 (no token on the first request), 2 and 3 (short).
  ASSERT_EQ(read.exchanges.size(), 3u);
  EXPECT_NE(read.exchanges[0].request.url.find("per_page=20"), std::string::npos);
  EXPECT_EQ(read.exchanges[0].request.url.find("page=1"), std::string::npos);
  EXPECT_NE(read.exchanges[2].request.url.find("page=3"), std::string::npos);
}

TEST_F(DemoConnectorTest, EventsFollowTheOpaqueCursor) {
  auto read = collect(*source_, "events");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(read.records.size(), 230u);
  EXPECT_EQ(read.exchanges.size(), 5u);  // 50 per page
}

TEST_F(DemoConnectorTest, FlakyRetriesThe429) {
  auto read = collect(*source_, "flaky");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(read.records.size(), 1u);
  ASSERT_GE(read.exchanges.size(), 1u);
  if (read.exchanges.size() == 2u) {
    EXPECT_EQ(read.exchanges[0].status.value_or(0), 429);
  }
}

TEST_F(DemoConnectorTest, ApiKeyNeverAppearsInExchanges) {
  auto read = collect(*source_, "customers");
  for (const auto& exchange : read.exchanges) {
    EXPECT_EQ(exchange.toJson().dump().find(demo::kDemoApiKey), std::string::npos);
  }
}

TEST_F(DemoConnectorTest, WrongKeyFailsWithTheManifestMessage) {
  config_["api_key"] = "nope";
  auto source = buildSource(demoManifest(), config_);
  ASSERT_TRUE(source);
  auto read = collect(*source, "customers");
  ASSERT_TRUE(read.result.failure);
  EXPECT_EQ(read.result.failure->message, "The demo API rejected the API key; the demo key is manifold-demo-key.");
  EXPECT_EQ(read.result.failure->failureType, protocol::FailureType::ConfigError);
}

TEST_F(DemoConnectorTest, ProtocolReadOfTheRunnableStreams) {
  SourceInput input;
  input.manifestText = demoManifest();
  input.config = config_;
  input.catalog = nlohmann::json::parse(R"({"streams": [
      {"stream": {"name": "customers", "json_schema": {}, "supported_sync_modes": ["full_refresh"]},
       "sync_mode": "full_refresh", "destination_sync_mode": "overwrite"},
      {"stream": {"name": "events", "json_schema": {}, "supported_sync_modes": ["full_refresh"]},
       "sync_mode": "full_refresh", "destination_sync_mode": "overwrite"}]})");
  std::ostringstream text;
  ReadOptions options;
  options.backoffScale = 0.01;
  {
    protocol::JsonLinesWriter writer(text);
    EXPECT_EQ(SourceRunner(writer).read(input, {}, options), RunStatus::Ok);
  }
  std::size_t records = 0;
  std::istringstream lines(text.str());
  for (std::string line; std::getline(lines, line);) {
    auto m = nlohmann::json::parse(line);
    if (m["type"] == "RECORD") ++records;
  }
  EXPECT_EQ(records, 57u + 230u);
  EXPECT_EQ(text.str().find(demo::kDemoApiKey), std::string::npos);
}

}  // namespace
}  // namespace manifold::engine
