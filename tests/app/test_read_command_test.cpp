// manifold-cli test-read against the built-in demo API: the StreamRead printed, limits and exit codes.
#include "core/demo/demo_api_server.h"
#include "tests/support/process_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

using manifold::testing::binaryPath;
using manifold::testing::runProcess;
using nlohmann::json;

class TestReadCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server_.start(0).ok());
    dir_ = std::filesystem::temp_directory_path() /
           ("manifold-test-read-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    config_ = (dir_ / "config.json").string();
    std::ofstream(config_) << json{{"base_url", server_.baseUrl()},
                                   {"api_key", std::string(manifold::demo::kDemoApiKey)}}.dump();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  manifold::testing::ProcessResult testRead(const std::vector<std::string>& extra) {
    std::vector<std::string> args{"test-read", "--manifest", manifest_, "--config", config_};
    args.insert(args.end(), extra.begin(), extra.end());
    return runProcess(binaryPath("manifold-cli"), args);
  }

  manifold::demo::DemoApiServer server_;
  std::filesystem::path dir_;
  std::string config_;
  std::string manifest_ = std::string(MANIFOLD_SOURCE_DIR) + "/manifests/demo/manifest.yaml";
};

TEST_F(TestReadCommand, PrintsOneStreamReadWithPagesRecordsAndSchema) {
  const auto r = testRead({"--stream", "customers", "--record-limit", "25"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto read = json::parse(r.out);  // one JSON object and nothing else
  for (const char* key : {"logs", "slices", "test_read_limit_reached", "auxiliary_requests", "inferred_schema",
                          "latest_config_update"}) {
    EXPECT_TRUE(read.contains(key)) << key;
  }
  ASSERT_EQ(read["slices"].size(), 1u);
  const auto& pages = read["slices"][0]["pages"];
  ASSERT_EQ(pages.size(), 2u);  // 20 per page: the limit cuts the second page at 5
  EXPECT_EQ(pages[0]["records"].size(), 20u);
  EXPECT_EQ(pages[1]["records"].size(), 5u);
  for (const auto& page : pages) {
    for (const char* key : {"url", "http_method", "headers", "body"}) EXPECT_TRUE(page["request"].contains(key)) << key;
    for (const char* key : {"status", "headers", "body"}) EXPECT_TRUE(page["response"].contains(key)) << key;
  }
  EXPECT_EQ(pages[0]["response"]["status"], 200);
  EXPECT_EQ(read["test_read_limit_reached"], true);
  EXPECT_EQ(read["inferred_schema"]["type"], "object");
  EXPECT_TRUE(read["inferred_schema"]["properties"].contains("id"));
  EXPECT_EQ(r.out.find(std::string(manifold::demo::kDemoApiKey)), std::string::npos) << "the api key leaked";
}

TEST_F(TestReadCommand, PageLimitIsHonoured) {
  const auto r = testRead({"--stream", "events", "--page-limit", "2"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto read = json::parse(r.out);
  EXPECT_EQ(read["slices"][0]["pages"].size(), 2u);
  EXPECT_EQ(read["test_read_limit_reached"], true);
}

TEST_F(TestReadCommand, UnknownStreamPrintsTheLogAndFails) {
  const auto r = testRead({"--stream", "nope"});
  EXPECT_EQ(r.exitCode, 1);
  const auto read = json::parse(r.out);
  ASSERT_FALSE(read["logs"].empty());
  EXPECT_EQ(read["logs"][0]["level"], "ERROR");
  EXPECT_NE(r.err.find("nope"), std::string::npos) << r.err;
}

TEST_F(TestReadCommand, MissingStreamOrBadLimitIsAUsageError) {
  EXPECT_EQ(testRead({}).exitCode, 2);
  EXPECT_EQ(testRead({"--stream", "customers", "--record-limit", "0"}).exitCode, 2);
  EXPECT_EQ(testRead({"--stream", "customers", "--state", (dir_ / "absent.json").string()}).exitCode, 2);
}

}  // namespace
