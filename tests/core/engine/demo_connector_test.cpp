// The bundled demo connector (manifests/demo) against the built-in demo API, end to end through
// the reader API and the protocol runner.
#include "core/demo/demo_api_server.h"
#include "core/demo/demo_data.h"
#include "core/engine/source_runner.h"
#include "tests/core/engine/engine_test_support.h"
#include "tests/support/process_runner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unistd.h>

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

TEST_F(DemoConnectorTest, OrdersReadEachCustomerPageOnceAndEveryCustomersOrders) {
  auto read = collect(*source_, "orders");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  std::size_t expected = 0;
  for (long long id = 1; id <= static_cast<long long>(demo::DemoData::kCustomerCount); ++id) {
    expected += demo::DemoData::instance().ordersOf(id).size();
  }
  EXPECT_EQ(read.records.size(), expected);
  EXPECT_EQ(read.slices.size(), demo::DemoData::kCustomerCount);
  EXPECT_EQ(read.slices[0], (nlohmann::json{{"customer_id", 1}, {"parent_slice", nlohmann::json::object()}}));
  // Three customer pages (auxiliary, once each) interleaved with one orders request per customer.
  std::vector<std::string> parentUrls;
  std::size_t childRequests = 0;
  for (std::size_t i = 0; i < read.exchanges.size(); ++i) {
    if (read.exchangeInfos[i].parentStream) {
      parentUrls.push_back(read.exchanges[i].request.url);
    } else {
      ++childRequests;
    }
  }
  ASSERT_EQ(parentUrls.size(), 3u);
  EXPECT_NE(parentUrls[2].find("page=3"), std::string::npos);
  EXPECT_EQ(childRequests, demo::DemoData::kCustomerCount);
  for (const auto& record : read.records) ASSERT_TRUE(record.contains("customer_id"));
}

TEST_F(DemoConnectorTest, InvoicesReadMonthlyWindowsAndResumeFromState) {
  auto read = collect(*source_, "invoices");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(read.records.size(), demo::DemoData::kInvoiceCount);
  ASSERT_GE(read.slices.size(), 12u);
  EXPECT_EQ(read.slices[0], (nlohmann::json{{"start_time", "2024-01-01T00:00:00Z"}, {"end_time", "2024-01-31T23:59:59Z"}}));
  EXPECT_EQ(read.slices[1]["start_time"], "2024-02-01T00:00:00Z");
  EXPECT_NE(read.exchanges[0].request.url.find("updated_until=2024-01-31T23%3A59%3A59Z"), std::string::npos)
      << read.exchanges[0].request.url;
  std::string newest;
  for (const auto& r : read.records) newest = std::max(newest, r["updated_at"].get<std::string>());
  ASSERT_EQ(read.states.size(), read.slices.size() + 1);
  EXPECT_EQ(read.states.back(), (nlohmann::json{{"updated_at", newest}}));

  // With that state only the newest invoice (bounds are inclusive) comes back.
  auto next = collect(*source_, "invoices", fastOptions(), {}, read.states.back());
  ASSERT_TRUE(next.result.succeeded()) << next.result.failure->message;
  ASSERT_EQ(next.records.size(), 1u);
  EXPECT_EQ(next.records[0]["updated_at"], newest);
  EXPECT_LT(next.slices.size(), read.slices.size());
}

TEST_F(DemoConnectorTest, CliReadsOrdersAndInvoicesIncrementallyWithState) {
  const auto dir = std::filesystem::temp_directory_path() / ("manifold-demo-cli-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "config.json") << config_.dump();
  std::ofstream(dir / "catalog.json") << R"({"streams": [
      {"stream": {"name": "orders", "json_schema": {}, "supported_sync_modes": ["full_refresh"]},
       "sync_mode": "full_refresh", "destination_sync_mode": "overwrite"},
      {"stream": {"name": "invoices", "json_schema": {}, "supported_sync_modes": ["full_refresh", "incremental"]},
       "sync_mode": "incremental", "destination_sync_mode": "append"}]})";
  const std::string manifest = std::string(MANIFOLD_SOURCE_DIR) + "/manifests/demo/manifest.yaml";
  auto run = [&](const std::vector<std::string>& extra) {
    std::vector<std::string> args{"read", "--manifest", manifest, "--config", (dir / "config.json").string(),
                                  "--catalog", (dir / "catalog.json").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return manifold::testing::runProcess(manifold::testing::binaryPath("manifold-cli"), args);
  };
  struct Tally {
    std::map<std::string, std::size_t> records;
    nlohmann::json lastInvoicesState;
    nlohmann::json lastOrdersState;
  };
  auto tally = [](const std::string& out) {
    Tally t;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
      auto m = nlohmann::json::parse(line);
      if (m["type"] == "RECORD") ++t.records[m["record"]["stream"].get<std::string>()];
      if (m["type"] == "STATE") {
        const auto& stream = m["state"]["stream"];
        (stream["stream_descriptor"]["name"] == "invoices" ? t.lastInvoicesState : t.lastOrdersState) = m["state"];
      }
    }
    return t;
  };
  auto first = run({});
  ASSERT_EQ(first.exitCode, 0) << first.err << first.out.substr(0, 2000);
  const Tally one = tally(first.out);
  EXPECT_EQ(one.records.at("invoices"), demo::DemoData::kInvoiceCount);
  EXPECT_GT(one.records.at("orders"), 0u);
  EXPECT_EQ(one.lastOrdersState["stream"]["stream_state"], (nlohmann::json{{"__ab_no_cursor_state_message", true}}));
  ASSERT_TRUE(one.lastInvoicesState.is_object());

  // Feed the last state messages back: invoices resume, orders (full refresh) start over.
  std::ofstream(dir / "state.json") << nlohmann::json::array({one.lastOrdersState, one.lastInvoicesState}).dump();
  auto second = run({"--state", (dir / "state.json").string()});
  ASSERT_EQ(second.exitCode, 0) << second.err;
  const Tally two = tally(second.out);
  EXPECT_EQ(two.records.at("invoices"), 1u);
  EXPECT_EQ(two.records.at("orders"), one.records.at("orders"));
  EXPECT_EQ(two.lastInvoicesState["stream"]["stream_state"], one.lastInvoicesState["stream"]["stream_state"]);
  EXPECT_EQ(second.out.find(demo::kDemoApiKey), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace manifold::engine
