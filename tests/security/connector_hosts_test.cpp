// Rules "Schemes" and "Declared hosts" end to end: manifold-cli read on a connector folder.
#include "tests/support/local_http_server.h"
#include "tests/support/process_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace manifold {
namespace {

using testing::LocalHttpServer;
using testing::binaryPath;
using testing::runProcess;

std::string manifestWithUrlBase(const std::string& urlBase) {
  return R"(version: 6.4.0
type: DeclarativeSource
check: {type: CheckStream, stream_names: [items]}
streams:
  - type: DeclarativeStream
    name: items
    primary_key: [id]
    schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
    retriever:
      type: SimpleRetriever
      requester:
        type: HttpRequester
        url_base: ")" + urlBase + R"("
        path: /items
        authenticator: {type: BearerAuthenticator, api_token: "{{ config.token }}"}
      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
spec:
  type: Spec
  connection_specification:
    type: object
    properties:
      base_url: {type: string}
      token: {type: string, airbyte_secret: true}
)";
}

class ConnectorHostsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.server().Get("/items", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(R"({"data": [{"id": 1}, {"id": 2}]})", "application/json");
    });
    server_.start();
    dir_ = std::filesystem::temp_directory_path() /
           ("manifold-hosts-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    write("manifest.yaml", manifestWithUrlBase("{{ config.base_url }}"));
    write("config.json", nlohmann::json{{"base_url", server_.baseUrl()}, {"token", "tok-s3cr3t"}}.dump());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  struct Read {
    int exitCode;
    std::size_t records;
    std::string errors;  // the messages of the error traces
  };
  Read read(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"read", "--manifest", path("manifest.yaml"), "--config", path("config.json")};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto result = runProcess(binaryPath("manifold-cli"), args);
    Read out{result.exitCode, 0, result.err};
    std::istringstream lines(result.out);
    for (std::string line; std::getline(lines, line);) {
      const auto message = nlohmann::json::parse(line, nullptr, false);
      if (message.is_discarded()) continue;
      if (message["type"] == "RECORD") ++out.records;
      if (message["type"] == "TRACE" && message["trace"]["type"] == "ERROR") {
        out.errors += message["trace"]["error"]["message"].get<std::string>() + "\n";
      }
    }
    EXPECT_EQ(result.out.find("tok-s3cr3t"), std::string::npos);
    return out;
  }

  LocalHttpServer server_;
  std::filesystem::path dir_;
};

TEST_F(ConnectorHostsTest, WithoutMetadataEveryHostIsAllowed) {
  const auto result = read();
  EXPECT_EQ(result.exitCode, 0) << result.errors;
  EXPECT_EQ(result.records, 2u);
}

TEST_F(ConnectorHostsTest, AnUndeclaredHostIsRefusedBeforeAnyRequest) {
  write("metadata.yaml", "data:\n  name: items\n  allowedHosts:\n    hosts:\n      - api.example.com\n");
  const auto result = read();
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_EQ(result.records, 0u);
  EXPECT_NE(result.errors.find("allowedHosts"), std::string::npos) << result.errors;
  EXPECT_NE(result.errors.find("127.0.0.1"), std::string::npos) << result.errors;
  EXPECT_TRUE(server_.requests().empty());
}

TEST_F(ConnectorHostsTest, AllowAnyHostTurnsTheCheckOffForDevelopment) {
  write("metadata.yaml", "data:\n  allowedHosts:\n    hosts:\n      - api.example.com\n");
  const auto result = read({"--allow-any-host"});
  EXPECT_EQ(result.exitCode, 0) << result.errors;
  EXPECT_EQ(result.records, 2u);
}

TEST_F(ConnectorHostsTest, PlaceholdersAreFilledFromTheConfig) {
  write("metadata.yaml", "data:\n  allowedHosts:\n    hosts:\n      - \"${base_url}\"\n");
  EXPECT_EQ(read().records, 2u);
  write("metadata.yaml", "data:\n  allowedHosts:\n    hosts:\n      - \"${region}.example.com\"\n");
  const auto missing = read();
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_NE(missing.errors.find("'region'"), std::string::npos) << missing.errors;
  EXPECT_TRUE(server_.requests().size() == 1u);  // only the first, allowed read reached it
}

TEST_F(ConnectorHostsTest, AMalformedAllowedHostsIsAUsageErrorWithItsLine) {
  write("metadata.yaml", "data:\n  name: x\n  allowedHosts: api.example.com\n");
  const auto result = runProcess(binaryPath("manifold-cli"),
                                 {"read", "--manifest", path("manifest.yaml"), "--config", path("config.json")});
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_NE(result.err.find("line 3"), std::string::npos) << result.err;
}

// Rule "Schemes": a url_base on any scheme but http(s) reads nothing and says which field.
TEST_F(ConnectorHostsTest, UrlBasesOnOtherSchemesAreRefusedNamingTheField) {
  for (const std::string url : {"file:///etc", "ftp://127.0.0.1", "gopher://127.0.0.1", "dict://127.0.0.1",
                                "ldap://127.0.0.1", "smb://127.0.0.1", "scp://127.0.0.1", "telnet://127.0.0.1"}) {
    SCOPED_TRACE(url);
    write("manifest.yaml", manifestWithUrlBase(url));
    const auto result = read();
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(result.records, 0u);
    EXPECT_NE(result.errors.find("url_base"), std::string::npos) << result.errors;
    EXPECT_NE(result.errors.find("only http and https are allowed"), std::string::npos) << result.errors;
  }
  EXPECT_TRUE(server_.requests().empty());
}

}  // namespace
}  // namespace manifold
