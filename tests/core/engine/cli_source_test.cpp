// manifold-cli spec|check|discover|read as an Airbyte source image: files in, JSON lines out,
// exit codes, and no secret in any output.
#include "tests/support/local_http_server.h"
#include "tests/support/process_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace manifold::engine {
namespace {

using manifold::testing::LocalHttpServer;
using manifold::testing::binaryPath;
using manifold::testing::runProcess;

const char* kManifest = R"(version: 6.4.0
type: DeclarativeSource
check: {type: CheckStream, stream_names: [users]}
definitions:
  requester:
    type: HttpRequester
    url_base: "{{ config.base_url }}"
    authenticator:
      type: ApiKeyAuthenticator
      api_token: "{{ config.api_key }}"
      inject_into: {type: RequestOption, inject_into: request_parameter, field_name: key}
    error_handler:
      type: DefaultErrorHandler
      max_retries: 1
      backoff_strategies: [{type: ConstantBackoffStrategy, backoff_time_in_seconds: 0}]
streams:
  - type: DeclarativeStream
    name: users
    primary_key: [id]
    schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
    retriever:
      type: SimpleRetriever
      requester: {$ref: "#/definitions/requester", path: /users}
      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
  - type: DeclarativeStream
    name: down
    primary_key: [id]
    schema_loader: {type: JsonFileSchemaLoader, file_path: schemas/down.json}
    retriever:
      type: SimpleRetriever
      requester: {$ref: "#/definitions/requester", path: /down}
      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
spec:
  type: Spec
  connection_specification:
    type: object
    properties:
      base_url: {type: string}
      api_key: {type: string, airbyte_secret: true}
)";

class CliSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.server().Get("/users", [](const httplib::Request& req, httplib::Response& res) {
      if (req.get_param_value("key") != "KEY-s3cr3t") {
        res.status = 403;
        res.set_content(R"({"message": "forbidden for KEY"})", "application/json");
        return;
      }
      res.set_content(R"({"data": [{"id": 1, "name": "Ada"}]})", "application/json");
    });
    server_.server().Get("/down", [](const httplib::Request&, httplib::Response& res) {
      res.status = 503;
      res.set_content("unavailable", "text/plain");
    });
    server_.start();
    dir_ = std::filesystem::temp_directory_path() / ("manifold-cli-source-" + std::to_string(::getpid()) + "-" +
                                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_ / "schemas");
    write("manifest.yaml", kManifest);
    write("schemas/down.json", R"({"type": "object", "properties": {"id": {"type": "integer"}}})");
    write("config.json", nlohmann::json{{"base_url", server_.baseUrl()}, {"api_key", "KEY-s3cr3t"}}.dump());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  static std::vector<nlohmann::json> lines(const std::string& out) {
    std::vector<nlohmann::json> messages;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) {
      auto m = nlohmann::json::parse(line, nullptr, false);
      EXPECT_FALSE(m.is_discarded()) << "not JSON: " << line;
      messages.push_back(m);
    }
    return messages;
  }

  LocalHttpServer server_;
  std::filesystem::path dir_;
};

TEST_F(CliSourceTest, Spec) {
  auto result = runProcess(binaryPath("manifold-cli"), {"spec", "--manifest", path("manifest.yaml")});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  auto out = lines(result.out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]["type"], "SPEC");
  EXPECT_TRUE(out[0]["spec"]["connectionSpecification"]["properties"]["api_key"]["airbyte_secret"].get<bool>());
}

TEST_F(CliSourceTest, CheckSucceedsAndFails) {
  auto ok = runProcess(binaryPath("manifold-cli"), {"check", "--manifest", path("manifest.yaml"), "--config", path("config.json")});
  ASSERT_EQ(ok.exitCode, 0) << ok.err;
  EXPECT_EQ(lines(ok.out).back()["connectionStatus"]["status"], "SUCCEEDED");

  write("bad.json", nlohmann::json{{"base_url", server_.baseUrl()}, {"api_key", "WRONG-s3cr3t"}}.dump());
  auto bad = runProcess(binaryPath("manifold-cli"), {"check", "--manifest", path("manifest.yaml"), "--config", path("bad.json")});
  // A FAILED status is check's answer: the process succeeded, as the reference CDK's does.
  EXPECT_EQ(bad.exitCode, 0);
  const auto status = lines(bad.out).back()["connectionStatus"];
  EXPECT_EQ(status["status"], "FAILED");
  EXPECT_NE(status["message"].get<std::string>().find("403"), std::string::npos);
  EXPECT_EQ(bad.out.find("WRONG-s3cr3t"), std::string::npos);
}

TEST_F(CliSourceTest, DiscoverReadsSchemaFilesNextToTheManifest) {
  auto result = runProcess(binaryPath("manifold-cli"), {"discover", "--manifest", path("manifest.yaml"), "--config", path("config.json")});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  auto out = lines(result.out);
  ASSERT_EQ(out.back()["type"], "CATALOG");
  EXPECT_EQ(out.back()["catalog"]["streams"][1]["json_schema"]["properties"]["id"]["type"], "integer");
}

TEST_F(CliSourceTest, ReadWithoutCatalogReadsEveryStreamAndFailsForTheBrokenOne) {
  auto result = runProcess(binaryPath("manifold-cli"), {"read", "--manifest", path("manifest.yaml"), "--config", path("config.json")});
  EXPECT_EQ(result.exitCode, 1);
  auto out = lines(result.out);
  std::size_t records = 0;
  bool failedTrace = false;
  for (const auto& m : out) {
    if (m["type"] == "RECORD") {
      ++records;
      EXPECT_EQ(m["record"]["data"]["name"], "Ada");
    }
    if (m["type"] == "TRACE" && m["trace"]["type"] == "ERROR" && m["trace"]["error"].contains("stream_descriptor")) {
      failedTrace = true;
      EXPECT_EQ(m["trace"]["error"]["stream_descriptor"]["name"], "down");
      EXPECT_NE(m["trace"]["error"]["message"].get<std::string>().find("/down"), std::string::npos);
    }
  }
  EXPECT_EQ(records, 1u);
  EXPECT_TRUE(failedTrace);
  // The key travels in the URL: it must not show in logs or traces.
  EXPECT_EQ(result.out.find("KEY-s3cr3t"), std::string::npos);
  EXPECT_EQ(result.err.find("KEY-s3cr3t"), std::string::npos);
}

TEST_F(CliSourceTest, ReadWithInjectedManifestAndCatalog) {
  // The platform's source-declarative-manifest passes the manifest inside the config.
  auto manifest = nlohmann::json::parse(R"({"version": "6.4.0", "type": "DeclarativeSource",
    "check": {"type": "CheckStream", "stream_names": ["users"]},
    "streams": [{"type": "DeclarativeStream", "name": "users", "primary_key": ["id"],
      "schema_loader": {"type": "InlineSchemaLoader", "schema": {}},
      "retriever": {"type": "SimpleRetriever",
        "requester": {"type": "HttpRequester", "url_base": "{{ config.base_url }}", "path": "/users",
          "request_parameters": {"key": "{{ config.api_key }}"}},
        "record_selector": {"type": "RecordSelector", "extractor": {"type": "DpathExtractor", "field_path": ["data"]}}}}]})");
  write("injected.json", nlohmann::json{{"base_url", server_.baseUrl()}, {"api_key", "KEY-s3cr3t"},
                                        {"__injected_declarative_manifest", manifest}}.dump());
  write("catalog.json", R"({"streams": [{"stream": {"name": "users", "json_schema": {}, "supported_sync_modes": ["full_refresh"]},
      "sync_mode": "full_refresh", "destination_sync_mode": "overwrite"}]})");
  auto result = runProcess(binaryPath("manifold-cli"), {"read", "--config", path("injected.json"), "--catalog", path("catalog.json")});
  ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
  std::size_t records = 0;
  for (const auto& m : lines(result.out)) records += m["type"] == "RECORD" ? 1 : 0;
  EXPECT_EQ(records, 1u);
}

TEST_F(CliSourceTest, MissingConfigFileIsAUsageError) {
  auto result = runProcess(binaryPath("manifold-cli"), {"read", "--manifest", path("manifest.yaml"), "--config", path("nope.json")});
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_NE(result.err.find("nope.json"), std::string::npos);
}

}  // namespace
}  // namespace manifold::engine
