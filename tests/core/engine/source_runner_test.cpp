// SourceRunner: the protocol messages of spec, check, discover and read, in order and in shape.
#include "core/engine/source_runner.h"
#include "tests/core/engine/engine_test_support.h"
#include "tests/support/local_http_server.h"

#include <gtest/gtest.h>

#include <sstream>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;
using manifold::testing::LocalHttpServer;

const char* kManifest = R"(version: 6.4.0
type: DeclarativeSource
check: {type: CheckStream, stream_names: [users]}
definitions:
  requester:
    type: HttpRequester
    url_base: "{{ config.base_url }}"
    authenticator: {type: BearerAuthenticator, api_token: "{{ config.token }}"}
    error_handler: {type: DefaultErrorHandler, max_retries: 1}
  selector:
    type: RecordSelector
    extractor: {type: DpathExtractor, field_path: [data]}
streams:
  - type: DeclarativeStream
    name: users
    primary_key: [id]
    schema_loader: {type: InlineSchemaLoader, schema: {type: object, properties: {id: {type: integer}}}}
    retriever:
      type: SimpleRetriever
      requester: {$ref: "#/definitions/requester", path: /users}
      record_selector: {$ref: "#/definitions/selector"}
  - type: DeclarativeStream
    name: broken
    primary_key: [id]
    schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
    retriever:
      type: SimpleRetriever
      requester: {$ref: "#/definitions/requester", path: /broken}
      record_selector: {$ref: "#/definitions/selector"}
  - type: DeclarativeStream
    name: teams
    primary_key: [[team, id]]
    schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
    retriever:
      type: SimpleRetriever
      requester: {$ref: "#/definitions/requester", path: /teams}
      record_selector: {$ref: "#/definitions/selector"}
spec:
  type: Spec
  connection_specification:
    type: object
    required: [base_url, token]
    properties:
      base_url: {type: string}
      token: {type: string, airbyte_secret: true}
)";

class SourceRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.server().Get("/users", [](const httplib::Request& req, httplib::Response& res) {
      if (req.get_header_value("Authorization") != "Bearer tok-SECRET-1") {
        res.status = 401;
        res.set_content(R"({"message": "bad token tok-SECRET-1?"})", "application/json");
        return;
      }
      res.set_content(R"({"data": [{"id": 1}, {"id": 2}]})", "application/json");
    });
    server_.server().Get("/broken", [](const httplib::Request&, httplib::Response& res) {
      res.status = 500;
      res.set_content(R"({"error": "db down"})", "application/json");
    });
    server_.server().Get("/teams", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(R"({"data": [{"team": {"id": 9}}]})", "application/json");
    });
    server_.start();
    input_.manifestText = kManifest;
    input_.config = {{"base_url", server_.baseUrl()}, {"token", "tok-SECRET-1"}};
  }

  std::vector<nlohmann::json> messages() const {
    std::vector<nlohmann::json> out;
    std::istringstream lines(text_.str());
    for (std::string line; std::getline(lines, line);) out.push_back(nlohmann::json::parse(line));
    return out;
  }

  LocalHttpServer server_;
  SourceInput input_;
  std::ostringstream text_;
};

TEST_F(SourceRunnerTest, SpecWritesTheConnectionSpecification) {
  {
    protocol::JsonLinesWriter writer(text_);
    EXPECT_EQ(SourceRunner(writer).spec(input_), RunStatus::Ok);
  }
  const auto out = messages();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]["type"], "SPEC");
  EXPECT_EQ(out[0]["spec"]["connectionSpecification"]["required"], nlohmann::json::array({"base_url", "token"}));
}

TEST_F(SourceRunnerTest, CheckSucceedsWithTheRightToken) {
  {
    protocol::JsonLinesWriter writer(text_);
    EXPECT_EQ(SourceRunner(writer).check(input_), RunStatus::Ok);
  }
  const auto out = messages();
  ASSERT_EQ(out.back()["type"], "CONNECTION_STATUS");
  EXPECT_EQ(out.back()["connectionStatus"]["status"], "SUCCEEDED");
  EXPECT_EQ(server_.requestCount(), 1u);
}

TEST_F(SourceRunnerTest, CheckFailsWithAMessageAndNoSecret) {
  input_.config["token"] = "wrong-SECRET-2";
  {
    protocol::JsonLinesWriter writer(text_);
    EXPECT_EQ(SourceRunner(writer).check(input_), RunStatus::Failed);
  }
  const auto out = messages();
  ASSERT_EQ(out.back()["type"], "CONNECTION_STATUS");
  EXPECT_EQ(out.back()["connectionStatus"]["status"], "FAILED");
  const std::string message = out.back()["connectionStatus"]["message"];
  EXPECT_NE(message.find("Unable to connect to stream users"), std::string::npos);
  EXPECT_NE(message.find("401"), std::string::npos);
  EXPECT_EQ(text_.str().find("wrong-SECRET-2"), std::string::npos);
}

TEST_F(SourceRunnerTest, DiscoverListsStreamsWithSchemasAndKeys) {
  {
    protocol::JsonLinesWriter writer(text_);
    EXPECT_EQ(SourceRunner(writer).discover(input_), RunStatus::Ok);
  }
  const auto out = messages();
  ASSERT_EQ(out.size(), 1u);
  ASSERT_EQ(out[0]["type"], "CATALOG");
  const auto& streams = out[0]["catalog"]["streams"];
  ASSERT_EQ(streams.size(), 3u);
  EXPECT_EQ(streams[0]["name"], "users");
  EXPECT_EQ(streams[0]["json_schema"]["properties"]["id"]["type"], "integer");
  EXPECT_EQ(streams[0]["supported_sync_modes"], nlohmann::json({"full_refresh"}));
  EXPECT_EQ(streams[0]["source_defined_primary_key"], nlohmann::json::parse(R"([["id"]])"));
  EXPECT_EQ(streams[2]["source_defined_primary_key"], nlohmann::json::parse(R"([["team", "id"]])"));
}

TEST_F(SourceRunnerTest, ReadEveryStreamAFailedStreamDoesNotHideTheOthers) {
  ReadOptions options;
  options.backoffScale = 0.001;
  {
    protocol::JsonLinesWriter writer(text_);
    EXPECT_EQ(SourceRunner(writer).read(input_, {}, options), RunStatus::Failed);
  }
  const auto out = messages();
  std::vector<std::string> sequence;
  for (const auto& m : out) {
    std::string item = m["type"];
    if (m["type"] == "RECORD") item += ":" + m["record"]["stream"].get<std::string>();
    if (m["type"] == "STATE") item += ":" + m["state"]["stream"]["stream_descriptor"]["name"].get<std::string>();
    if (m["type"] == "TRACE" && m["trace"]["type"] == "STREAM_STATUS") {
      item = m["trace"]["stream_status"]["stream_descriptor"]["name"].get<std::string>() + ":" +
             m["trace"]["stream_status"]["status"].get<std::string>();
    } else if (m["type"] == "TRACE") {
      item = "ERROR";
    }
    if (m["type"] != "LOG") sequence.push_back(item);
  }
  EXPECT_EQ(sequence, (std::vector<std::string>{
                          "users:STARTED", "users:RUNNING", "RECORD:users", "RECORD:users", "STATE:users",
                          "users:COMPLETE", "broken:STARTED", "ERROR", "broken:INCOMPLETE", "teams:STARTED",
                          "teams:RUNNING", "RECORD:teams", "STATE:teams", "teams:COMPLETE", "ERROR"}));
  // The stream's error trace names the stream and says what failed.
  for (const auto& m : out) {
    if (m["type"] == "TRACE" && m["trace"]["type"] == "ERROR" && m["trace"]["error"].contains("stream_descriptor")) {
      EXPECT_EQ(m["trace"]["error"]["stream_descriptor"]["name"], "broken");
      EXPECT_NE(m["trace"]["error"]["internal_message"].get<std::string>().find("db down"), std::string::npos);
    }
    if (m["type"] == "STATE") {
      EXPECT_EQ(m["state"]["stream"]["stream_state"], nlohmann::json({{"__ab_no_cursor_state_message", true}}));
    }
  }
  EXPECT_EQ(out[2]["record"]["data"], nlohmann::json({{"id", 1}}));
  EXPECT_EQ(text_.str().find("tok-SECRET-1"), std::string::npos);
}

TEST_F(SourceRunnerTest, ReadOnlyTheCatalogStreams) {
  input_.catalog = nlohmann::json::parse(R"({"streams": [{"stream": {"name": "teams", "json_schema": {},
      "supported_sync_modes": ["full_refresh"]}, "sync_mode": "full_refresh", "destination_sync_mode": "overwrite"}]})");
  {
    protocol::JsonLinesWriter writer(text_);
    EXPECT_EQ(SourceRunner(writer).read(input_), RunStatus::Ok);
  }
  std::size_t records = 0;
  for (const auto& m : messages()) {
    if (m["type"] == "RECORD") {
      ++records;
      EXPECT_EQ(m["record"]["stream"], "teams");
      EXPECT_TRUE(m["record"]["emitted_at"].is_number_integer());
    }
  }
  EXPECT_EQ(records, 1u);
  ASSERT_EQ(server_.requestCount(), 1u);
  EXPECT_EQ(server_.requests()[0].path, "/teams");
}

TEST_F(SourceRunnerTest, ManifestFromInjectedConfigKey) {
  input_.manifestText.clear();
  // JSON is the manifest's transport in the platform's config.
  const auto loaded = manifest::loadManifest(kManifest);
  ASSERT_TRUE(loaded.ok());
  input_.config["__injected_declarative_manifest"] = nlohmann::json::parse(loaded.document.root().dump());
  {
    protocol::JsonLinesWriter writer(text_);
    EXPECT_EQ(SourceRunner(writer).spec(input_), RunStatus::Ok);
  }
  EXPECT_EQ(messages()[0]["type"], "SPEC");
}

TEST_F(SourceRunnerTest, InvalidManifestIsAConfigErrorTrace) {
  input_.manifestText = "version: 6.4.0\nstreams: [\n";
  {
    protocol::JsonLinesWriter writer(text_);
    EXPECT_EQ(SourceRunner(writer).read(input_), RunStatus::Failed);
  }
  const auto out = messages();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]["trace"]["error"]["failure_type"], "config_error");
  EXPECT_NE(out[0]["trace"]["error"]["message"].get<std::string>().find("manifest is invalid"), std::string::npos);
}

}  // namespace
}  // namespace manifold::engine
