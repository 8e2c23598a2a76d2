// manifold-cli run exactly as the Airbyte platform runs a source image: `spec`, then
// `check|discover --config /abs/config.json`, `read --config … --catalog … [--state …]`, no
// --manifest (the generic image's manifest comes in the config, the per-connector image's is
// baked in), protocol messages only on stdout, each line valid against the protocol's schema.
#include "core/demo/demo_api_server.h"
#include "core/manifest/manifest_loader.h"
#include "tests/support/json_schema_check.h"
#include "tests/support/process_runner.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>

namespace manifold::cli {
namespace {

using manifold::testing::JsonSchemaCheck;
using manifold::testing::ProcessOptions;
using manifold::testing::ProcessResult;
using manifold::testing::TempDir;
using manifold::testing::binaryPath;
using manifold::testing::runProcess;

const std::filesystem::path kSourceDir = MANIFOLD_SOURCE_DIR;

std::string readText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const JsonSchemaCheck& messageSchema() {
  static const JsonSchemaCheck schema =
      JsonSchemaCheck::fromFile(kSourceDir / "tests/data/airbyte_protocol/airbyte_message.schema.json");
  return schema;
}

// What one run printed: its messages by line, each checked against the protocol schema.
struct CliRun {
  ProcessResult process;
  std::vector<nlohmann::json> messages;

  std::vector<nlohmann::json> ofType(const std::string& type) const {
    std::vector<nlohmann::json> found;
    for (const auto& m : messages) {
      if (m["type"] == type) found.push_back(m);
    }
    return found;
  }
  std::size_t records(const std::string& stream) const {
    std::size_t count = 0;
    for (const auto& m : ofType("RECORD")) count += m["record"]["stream"] == stream ? 1 : 0;
    return count;
  }
};

class AirbyteSourceContract : public ::testing::Test {
 protected:
  void SetUp() override {
    auto port = server_.start(0);
    ASSERT_TRUE(port.ok()) << port.error().message;
    config_ = {{"base_url", server_.baseUrl()}, {"api_key", std::string(demo::kDemoApiKey)},
               {"start_date", "2024-01-01T00:00:00Z"}};
    writeJson("secrets/config.json", config_);
    auto injected = config_;
    const auto loaded = manifest::loadManifest(readText(kSourceDir / "manifests/demo/manifest.yaml"));
    ASSERT_TRUE(loaded.ok());
    injected["__injected_declarative_manifest"] = nlohmann::json::parse(loaded.document.root().dump());
    writeJson("secrets/injected_config.json", injected);
    writeJson("catalog.json", catalog({{"customers", "full_refresh"}, {"invoices", "incremental"}, {"flaky", "full_refresh"}}));
    // No connector baked in unless a test copies one here.
    std::filesystem::create_directories(dir_ / "connector");
  }

  static nlohmann::json catalog(const std::vector<std::pair<std::string, std::string>>& streams) {
    nlohmann::json configured = nlohmann::json::array();
    for (const auto& [name, mode] : streams) {
      configured.push_back({{"stream", {{"name", name}, {"json_schema", nlohmann::json::object()},
                                        {"supported_sync_modes", {"full_refresh", "incremental"}}}},
                            {"sync_mode", mode},
                            {"destination_sync_mode", "append"}});
    }
    return {{"streams", configured}};
  }

  void writeJson(const std::string& relative, const nlohmann::json& value) { dir_.write(relative, value.dump()); }
  std::string path(const std::string& relative) const { return (dir_ / relative).string(); }

  void bakeDemoConnector() {
    for (const char* file : {"manifest.yaml", "metadata.yaml"}) {
      std::filesystem::copy_file(kSourceDir / "manifests/demo" / file, dir_ / "connector" / file);
    }
  }

  // Runs manifold-cli as the platform does and checks the output channel contract. `secret` is
  // the config's secret, which no message may show (SPEC aside: it has no config to mask, and
  // the demo manifest's own texts name the demo key).
  CliRun run(const std::vector<std::string>& args, const std::string& secret = std::string(demo::kDemoApiKey)) {
    ProcessOptions options;
    options.extraEnv = {"MANIFOLD_CONNECTOR_DIR=" + path("connector")};
    CliRun result{runProcess(binaryPath("manifold-cli"), args, options), {}};
    EXPECT_FALSE(result.process.timedOut);
    std::istringstream lines(result.process.out);
    for (std::string line; std::getline(lines, line);) {
      auto message = nlohmann::json::parse(line, nullptr, false);
      if (message.is_discarded()) {
        ADD_FAILURE() << "stdout holds a line that is not JSON: " << line;
        continue;
      }
      for (const auto& error : messageSchema().check(message)) {
        ADD_FAILURE() << "not an Airbyte protocol message (" << error << "): " << line;
      }
      result.messages.push_back(std::move(message));
    }
    for (const auto& message : result.messages) {
      if (message["type"] != "SPEC") {
        EXPECT_EQ(message.dump().find(secret), std::string::npos) << message.dump();
      }
    }
    EXPECT_EQ(result.process.err.find(secret), std::string::npos);
    return result;
  }

  // Every success prints nothing but protocol messages: logs travel as LOG messages.
  static void expectSuccess(const CliRun& result) {
    EXPECT_EQ(result.process.exitCode, 0) << result.process.err << result.process.out;
    EXPECT_EQ(result.process.err, "");
  }

  // check, discover, read, then read again from the last state: the sequence of a first sync
  // and an incremental one. `configFile` is the only thing the two flavours differ in.
  void runSyncSequence(const std::string& configFile) {
    const auto check = run({"check", "--config", path(configFile)});
    expectSuccess(check);
    ASSERT_EQ(check.ofType("CONNECTION_STATUS").size(), 1u);
    EXPECT_EQ(check.ofType("CONNECTION_STATUS")[0]["connectionStatus"]["status"], "SUCCEEDED");

    const auto discover = run({"discover", "--config", path(configFile)});
    expectSuccess(discover);
    ASSERT_EQ(discover.ofType("CATALOG").size(), 1u);
    std::map<std::string, nlohmann::json> streams;
    const auto catalogs = discover.ofType("CATALOG");
    for (const auto& s : catalogs[0]["catalog"]["streams"]) streams[s["name"].get<std::string>()] = s;
    ASSERT_EQ(streams.size(), 5u);
    EXPECT_EQ(streams["invoices"]["supported_sync_modes"], nlohmann::json({"full_refresh", "incremental"}));
    EXPECT_EQ(streams["invoices"]["default_cursor_field"], nlohmann::json({"updated_at"}));
    EXPECT_EQ(streams["customers"]["json_schema"]["properties"]["id"]["type"], "integer");

    const auto read = run({"read", "--config", path(configFile), "--catalog", path("catalog.json")});
    expectSuccess(read);
    EXPECT_EQ(read.records("customers"), 57u);
    const std::size_t allInvoices = read.records("invoices");
    EXPECT_EQ(allInvoices, 240u);
    EXPECT_GT(read.records("flaky"), 0u);
    // The demo's flaky endpoint answers 429 first: the retry is logged as a LOG message.
    bool retryLogged = false;
    for (const auto& log : read.ofType("LOG")) {
      retryLogged = retryLogged || log["log"]["message"].get<std::string>().find("Retrying") != std::string::npos;
    }
    EXPECT_TRUE(retryLogged);
    std::map<std::string, std::vector<std::string>> statuses;
    for (const auto& trace : read.ofType("TRACE")) {
      ASSERT_EQ(trace["trace"]["type"], "STREAM_STATUS") << trace.dump();
      statuses[trace["trace"]["stream_status"]["stream_descriptor"]["name"]].push_back(trace["trace"]["stream_status"]["status"]);
    }
    for (const char* name : {"customers", "invoices", "flaky"}) {
      ASSERT_FALSE(statuses[name].empty()) << name;
      EXPECT_EQ(statuses[name].front(), "STARTED") << name;
      EXPECT_EQ(statuses[name].back(), "COMPLETE") << name;
    }
    const auto states = read.ofType("STATE");
    nlohmann::json lastInvoiceState;
    for (const auto& s : states) {
      if (s["state"]["stream"]["stream_descriptor"]["name"] == "invoices") lastInvoiceState = s["state"];
    }
    ASSERT_TRUE(lastInvoiceState.is_object());

    // The platform hands the last state back as a list of state messages.
    writeJson("state.json", nlohmann::json::array({lastInvoiceState}));
    writeJson("invoices_catalog.json", catalog({{"invoices", "incremental"}}));
    const auto resumed = run({"read", "--config", path(configFile), "--catalog", path("invoices_catalog.json"),
                              "--state", path("state.json")});
    expectSuccess(resumed);
    EXPECT_LT(resumed.records("invoices"), allInvoices);
    EXPECT_FALSE(resumed.ofType("STATE").empty());
  }

  demo::DemoApiServer server_;
  TempDir dir_{"manifold-airbyte-contract"};
  nlohmann::json config_;
};

TEST_F(AirbyteSourceContract, GenericSpecAsksForTheInjectedManifest) {
  const auto spec = run({"spec"});
  expectSuccess(spec);
  ASSERT_EQ(spec.messages.size(), 1u);
  const auto& connection = spec.messages[0]["spec"]["connectionSpecification"];
  EXPECT_EQ(connection["required"], nlohmann::json({"__injected_declarative_manifest"}));
  EXPECT_EQ(connection["properties"]["__injected_declarative_manifest"]["type"], "object");
}

TEST_F(AirbyteSourceContract, GenericImageRunsTheManifestInjectedInTheConfig) {
  runSyncSequence("secrets/injected_config.json");
}

TEST_F(AirbyteSourceContract, PerConnectorImageRunsItsBakedInManifest) {
  bakeDemoConnector();
  const auto spec = run({"spec"});
  expectSuccess(spec);
  ASSERT_EQ(spec.messages.size(), 1u);
  const auto& connection = spec.messages[0]["spec"]["connectionSpecification"];
  EXPECT_TRUE(connection["properties"]["api_key"]["airbyte_secret"].get<bool>());
  EXPECT_EQ(connection["required"], nlohmann::json({"base_url", "api_key"}));
  runSyncSequence("secrets/config.json");
}

TEST_F(AirbyteSourceContract, BakedInConnectorKeepsItsDeclaredHosts) {
  bakeDemoConnector();
  // metadata.yaml beside the baked manifest allows only 127.0.0.1 and localhost.
  auto elsewhere = config_;
  elsewhere["base_url"] = "http://127.0.0.2:9";
  writeJson("secrets/elsewhere.json", elsewhere);
  const auto check = run({"check", "--config", path("secrets/elsewhere.json")});
  EXPECT_EQ(check.process.exitCode, 0) << check.process.err;
  ASSERT_EQ(check.ofType("CONNECTION_STATUS").size(), 1u);
  EXPECT_EQ(check.ofType("CONNECTION_STATUS")[0]["connectionStatus"]["status"], "FAILED");
  EXPECT_NE(check.process.out.find("127.0.0.2"), std::string::npos) << check.process.out;
}

TEST_F(AirbyteSourceContract, SpecOfABakedConnectorNeedsNoConfigForItsHostPlaceholders) {
  bakeDemoConnector();
  // Hosts named from the config: spec runs before any config exists and contacts nothing.
  std::ofstream(dir_ / "connector/metadata.yaml") << "data:\n  name: demo\n  allowedHosts:\n    hosts:\n      - \"${base_url}\"\n";
  const auto spec = run({"spec"});
  expectSuccess(spec);
  ASSERT_EQ(spec.ofType("SPEC").size(), 1u);
  const auto check = run({"check", "--config", path("secrets/config.json")});
  expectSuccess(check);
  EXPECT_EQ(check.ofType("CONNECTION_STATUS")[0]["connectionStatus"]["status"], "SUCCEEDED");
}

TEST_F(AirbyteSourceContract, ConfigKeyTakesPrecedenceOverTheBakedInManifest) {
  bakeDemoConnector();
  // A manifest in the config with one stream only: discover must show that one.
  auto injected = config_;
  auto manifest = nlohmann::json::parse(manifest::loadManifest(readText(kSourceDir / "manifests/demo/manifest.yaml"))
                                            .document.root()
                                            .dump());
  nlohmann::json onlyCustomers = nlohmann::json::array();
  onlyCustomers.push_back(manifest["streams"][0]);
  manifest["streams"] = onlyCustomers;
  injected["__injected_declarative_manifest"] = manifest;
  writeJson("secrets/one_stream.json", injected);
  const auto discover = run({"discover", "--config", path("secrets/one_stream.json")});
  expectSuccess(discover);
  ASSERT_EQ(discover.ofType("CATALOG").size(), 1u);
  EXPECT_EQ(discover.ofType("CATALOG")[0]["catalog"]["streams"].size(), 1u);
}

TEST_F(AirbyteSourceContract, AFailedCheckIsAnAnswerNotAFailure) {
  auto wrong = config_;
  wrong["api_key"] = "not-the-demo-key";
  wrong["__injected_declarative_manifest"] =
      nlohmann::json::parse(manifest::loadManifest(readText(kSourceDir / "manifests/demo/manifest.yaml")).document.root().dump());
  writeJson("secrets/wrong.json", wrong);
  const auto check = run({"check", "--config", path("secrets/wrong.json")}, "not-the-demo-key");
  EXPECT_EQ(check.process.exitCode, 0) << check.process.err;
  ASSERT_EQ(check.ofType("CONNECTION_STATUS").size(), 1u);
  const auto status = check.ofType("CONNECTION_STATUS")[0]["connectionStatus"];
  EXPECT_EQ(status["status"], "FAILED");
  EXPECT_NE(status["message"].get<std::string>().find("rejected the API key"), std::string::npos) << status.dump();
  EXPECT_EQ(check.process.out.find("not-the-demo-key"), std::string::npos);

  // read with the same config fails: a non-zero exit and an error trace saying why.
  const auto read = run({"read", "--config", path("secrets/wrong.json"), "--catalog", path("catalog.json")}, "not-the-demo-key");
  EXPECT_NE(read.process.exitCode, 0);
  bool configError = false;
  for (const auto& trace : read.ofType("TRACE")) {
    configError = configError || (trace["trace"]["type"] == "ERROR" && trace["trace"]["error"]["failure_type"] == "config_error");
  }
  EXPECT_TRUE(configError) << read.process.out;
  EXPECT_EQ(read.process.out.find("not-the-demo-key"), std::string::npos);
}

TEST_F(AirbyteSourceContract, UnreadableInputsFailWithAnErrorTrace) {
  const auto missing = run({"read", "--config", path("secrets/absent.json"), "--catalog", path("catalog.json")});
  EXPECT_EQ(missing.process.exitCode, 2);
  ASSERT_EQ(missing.ofType("TRACE").size(), 1u);
  EXPECT_NE(missing.ofType("TRACE")[0]["trace"]["error"]["message"].get<std::string>().find("absent.json"), std::string::npos);
  EXPECT_NE(missing.process.err.find("absent.json"), std::string::npos);

  // A config without a manifest in the generic image (nothing baked in).
  const auto noManifest = run({"check", "--config", path("secrets/config.json")});
  EXPECT_EQ(noManifest.process.exitCode, 2);
  ASSERT_EQ(noManifest.ofType("TRACE").size(), 1u);
  EXPECT_NE(noManifest.ofType("TRACE")[0]["trace"]["error"]["message"].get<std::string>().find("__injected_declarative_manifest"),
            std::string::npos);
}

TEST_F(AirbyteSourceContract, HelpNamesTheBakedInManifestPath) {
  // packaging/airbyte/Dockerfile copies the connector to the path the CLI reads by default;
  // the Dockerfile's test compares the two through this help text.
  const auto help = runProcess(binaryPath("manifold-cli"), {"read", "--help"});
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_NE(help.out.find("/airbyte/integration_code/connector/manifest.yaml"), std::string::npos) << help.out;
}

// The schema must reject what the platform would reject, or the checks above prove nothing.
TEST(AirbyteMessageSchema, RejectsMalformedMessages) {
  const auto& schema = messageSchema();
  EXPECT_TRUE(schema.check(nlohmann::json::parse(R"({"type":"RECORD","record":{"stream":"s","data":{},"emitted_at":1}})")).empty());
  EXPECT_TRUE(schema.check(nlohmann::json::parse(R"({"type":"LOG","log":{"level":"INFO","message":"m"}})")).empty());
  for (const char* bad : {
           R"({"type":"RECORD","record":{"stream":"s","data":{}}})",                     // no emitted_at
           R"({"type":"RECORD","record":{"stream":"s","data":[],"emitted_at":1}})",      // data not an object
           R"({"type":"RECORD"})",                                                       // no payload
           R"({"type":"LOG","log":{"level":"NOTICE","message":"m"}})",                   // unknown level
           R"({"type":"STATE","state":{"type":"STREAM"}})",                              // no stream state
           R"({"type":"TRACE","trace":{"type":"ERROR","emitted_at":1}})",                // no error
           R"({"type":"TRACE","trace":{"type":"ERROR","emitted_at":1,"error":{"message":"m","failure_type":"oops"}}})",
           R"({"type":"CONNECTION_STATUS","connectionStatus":{"status":"OK"}})",
           R"({"type":"CATALOG","catalog":{"streams":[{"name":"s","json_schema":{},"supported_sync_modes":[]}]}})",
           R"({"type":"SPEC","spec":{"documentationUrl":"x"}})",
           R"({"type":"HELLO"})",
       }) {
    EXPECT_FALSE(schema.check(nlohmann::json::parse(bad)).empty()) << bad;
  }
}

}  // namespace
}  // namespace manifold::cli
