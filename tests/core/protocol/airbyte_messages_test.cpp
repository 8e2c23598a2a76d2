// Shapes of the Airbyte messages a source emits, field by field as the protocol names them.
#include "core/protocol/airbyte_messages.h"

#include <gtest/gtest.h>

using nlohmann::json;
using namespace manifold::protocol;

TEST(AirbyteMessages, RecordHasStreamDataAndIntegerEmittedAt) {
  json m = recordMessage({"users", std::nullopt}, json{{"id", 1}}, 1700000000123);
  EXPECT_EQ(m, json::parse(R"({"type":"RECORD","record":{"stream":"users","data":{"id":1},
                                "emitted_at":1700000000123}})"));
  EXPECT_TRUE(m["record"]["emitted_at"].is_number_integer());
}

TEST(AirbyteMessages, RecordCarriesNamespaceOnlyWhenSet) {
  json m = recordMessage({"users", "crm"}, json::object(), 1);
  EXPECT_EQ(m["record"]["namespace"], "crm");
  EXPECT_FALSE(recordMessage({"users", std::nullopt}, json::object(), 1)["record"].contains("namespace"));
}

TEST(AirbyteMessages, StreamStateCarriesDescriptorStateAndFloatRecordCount) {
  json m = streamStateMessage({"users", std::nullopt}, json{{"updated_at", "2024-01-02"}}, 3.0);
  EXPECT_EQ(m, json::parse(R"({"type":"STATE","state":{"type":"STREAM",
      "stream":{"stream_descriptor":{"name":"users"},"stream_state":{"updated_at":"2024-01-02"}},
      "sourceStats":{"recordCount":3.0}}})"));
  EXPECT_TRUE(m["state"]["sourceStats"]["recordCount"].is_number_float());
}

TEST(AirbyteMessages, LogHasLevelAndMessage) {
  EXPECT_EQ(logMessage(LogLevel::Warn, "slow"), json::parse(R"({"type":"LOG","log":{"level":"WARN","message":"slow"}})"));
  EXPECT_EQ(logMessage(LogLevel::Error, "x", std::string("trace"))["log"]["stack_trace"], "trace");
}

TEST(AirbyteMessages, ErrorTraceHasAllFieldsAndFailureType) {
  ErrorTrace e;
  e.message = "Stream 'users' failed: HTTP 401";
  e.internalMessage = "401 Unauthorized";
  e.failureType = FailureType::ConfigError;
  e.stackTrace = "at users page 1";
  e.stream = StreamDescriptor{"users", std::nullopt};
  json m = errorTraceMessage(e, 42);
  EXPECT_EQ(m["type"], "TRACE");
  EXPECT_EQ(m["trace"]["type"], "ERROR");
  EXPECT_EQ(m["trace"]["emitted_at"], 42);
  const json& err = m["trace"]["error"];
  EXPECT_EQ(err["message"], "Stream 'users' failed: HTTP 401");
  EXPECT_EQ(err["internal_message"], "401 Unauthorized");
  EXPECT_EQ(err["failure_type"], "config_error");
  EXPECT_EQ(err["stack_trace"], "at users page 1");
  EXPECT_EQ(err["stream_descriptor"], json::parse(R"({"name":"users"})"));
}

TEST(AirbyteMessages, ErrorTraceNeverHasABlankMessage) {
  ErrorTrace e;
  e.failureType = FailureType::TransientError;
  json err = errorTraceMessage(e, 1)["trace"]["error"];
  EXPECT_FALSE(err["message"].get<std::string>().empty());
  EXPECT_EQ(err["failure_type"], "transient_error");
  EXPECT_FALSE(err.contains("internal_message"));
  EXPECT_FALSE(err.contains("stream_descriptor"));
}

TEST(AirbyteMessages, StreamStatusTraceForEachStatus) {
  const std::pair<StreamStatus, const char*> cases[] = {{StreamStatus::Started, "STARTED"},
                                                        {StreamStatus::Running, "RUNNING"},
                                                        {StreamStatus::Complete, "COMPLETE"},
                                                        {StreamStatus::Incomplete, "INCOMPLETE"}};
  for (auto [status, name] : cases) {
    json m = streamStatusTraceMessage({"users", std::nullopt}, status, 7);
    EXPECT_EQ(m, json({{"type", "TRACE"},
                       {"trace", {{"type", "STREAM_STATUS"}, {"emitted_at", 7},
                                  {"stream_status", {{"stream_descriptor", {{"name", "users"}}},
                                                     {"status", name}}}}}}));
  }
}

TEST(AirbyteMessages, SpecConnectionStatusAndControl) {
  json spec = {{"connectionSpecification", {{"type", "object"}}}, {"documentationUrl", "https://x"}};
  EXPECT_EQ(specMessage(spec), json({{"type", "SPEC"}, {"spec", spec}}));
  EXPECT_EQ(connectionStatusMessage(true), json::parse(R"({"type":"CONNECTION_STATUS","connectionStatus":{"status":"SUCCEEDED"}})"));
  EXPECT_EQ(connectionStatusMessage(false, std::string("HTTP 401 from https://a.io/users"))["connectionStatus"],
            json::parse(R"({"status":"FAILED","message":"HTTP 401 from https://a.io/users"})"));
  json control = connectorConfigControlMessage(json{{"refresh_token", "new"}}, 9);
  EXPECT_EQ(control, json::parse(R"({"type":"CONTROL","control":{"type":"CONNECTOR_CONFIG","emitted_at":9,
                                     "connectorConfig":{"config":{"refresh_token":"new"}}}})"));
}

TEST(AirbyteMessages, CatalogStreamsWithSchemaModesAndPrimaryKey) {
  AirbyteStream s;
  s.name = "users";
  s.jsonSchema = {{"type", "object"}};
  s.supportedSyncModes = {SyncMode::FullRefresh, SyncMode::Incremental};
  s.sourceDefinedCursor = true;
  s.defaultCursorField = {"updated_at"};
  s.sourceDefinedPrimaryKey = {{"id"}};
  json m = catalogMessage({s});
  EXPECT_EQ(m, json::parse(R"({"type":"CATALOG","catalog":{"streams":[{"name":"users",
      "json_schema":{"type":"object"},"supported_sync_modes":["full_refresh","incremental"],
      "source_defined_cursor":true,"default_cursor_field":["updated_at"],
      "source_defined_primary_key":[["id"]]}]}})"));
  AirbyteStream bare;
  bare.name = "b";
  json only = bare.toJson();
  EXPECT_FALSE(only.contains("source_defined_primary_key"));
  EXPECT_EQ(only["supported_sync_modes"], json::parse(R"(["full_refresh"])"));
}

TEST(AirbyteMessages, FailedStreamsTraceListsEachStreamAsTheReferenceDoes) {
  json m = failedStreamsTraceMessage({{"users", "HTTP 500 from /users"}, {"orders", "timed out"}}, 3);
  const json& err = m["trace"]["error"];
  EXPECT_EQ(err["message"],
            "During the sync, the following streams did not sync successfully: users: HTTP 500 from /users\n"
            "orders: timed out");
  EXPECT_EQ(err["failure_type"], "config_error");
  EXPECT_EQ(err["internal_message"], "Concurrent read failure");
  EXPECT_EQ(m["trace"]["type"], "ERROR");
}
