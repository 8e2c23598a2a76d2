// Parsing ConfiguredAirbyteCatalog files, and the errors a wrong one gets.
#include "core/protocol/configured_catalog.h"

#include <gtest/gtest.h>

using nlohmann::json;
using namespace manifold::protocol;

TEST(ConfiguredCatalog, ParsesStreamsModesCursorAndPrimaryKey) {
  auto r = parseConfiguredCatalog(json::parse(R"({"streams":[
    {"stream":{"name":"users","json_schema":{"type":"object"},"supported_sync_modes":["full_refresh","incremental"]},
     "sync_mode":"incremental","destination_sync_mode":"append","cursor_field":["updated_at"],"primary_key":[["id"],["org","id"]]},
    {"stream":{"name":"orgs","namespace":"crm","json_schema":{}},"sync_mode":"full_refresh","destination_sync_mode":"overwrite"}]})"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->streams.size(), 2u);
  const ConfiguredStream& users = r->streams[0];
  EXPECT_EQ(users.stream.name, "users");
  EXPECT_EQ(users.syncMode, SyncMode::Incremental);
  EXPECT_EQ(users.destinationSyncMode, "append");
  EXPECT_EQ(users.cursorField, std::vector<std::string>{"updated_at"});
  ASSERT_EQ(users.primaryKey.size(), 2u);
  EXPECT_EQ(users.primaryKey[1], (std::vector<std::string>{"org", "id"}));
  EXPECT_EQ(users.jsonSchema, json({{"type", "object"}}));
  EXPECT_EQ(users.supportedSyncModes.size(), 2u);
  EXPECT_EQ(r->streams[1].stream.ns, std::optional<std::string>("crm"));
  EXPECT_EQ(r->find("orgs"), &r->streams[1]);
  EXPECT_EQ(r->find("orgs", std::string("other")), nullptr);
  EXPECT_EQ(r->find("missing"), nullptr);
}

TEST(ConfiguredCatalog, ErrorsNameTheFieldAndValue) {
  struct Case {
    const char* input;
    const char* expected;
  };
  const Case cases[] = {
      {R"([])", "catalog: must be a JSON object"},
      {R"({})", "catalog: missing the \"streams\" list"},
      {R"({"streams":{}})", "catalog: streams must be a list"},
      {R"({"streams":[{"sync_mode":"full_refresh"}]})", "catalog: streams[0].stream must be an object"},
      {R"({"streams":[{"stream":{"name":""},"sync_mode":"full_refresh"}]})", "streams[0].stream.name must be a non-empty string"},
      {R"({"streams":[{"stream":{"name":"a"}}]})", "streams[0] (stream 'a') is missing sync_mode"},
      {R"({"streams":[{"stream":{"name":"a"},"sync_mode":"fast"}]})", R"(streams[0].sync_mode must be "full_refresh" or "incremental", got "fast")"},
      {R"({"streams":[{"stream":{"name":"a"},"sync_mode":"incremental","cursor_field":"x"}]})", "streams[0].cursor_field must be a list of strings"},
      {R"({"streams":[{"stream":{"name":"a"},"sync_mode":"incremental","primary_key":[["id", 3]]}]})", "streams[0].primary_key[0][1] must be a string, got 3"},
      {R"({"streams":[{"stream":{"name":"a","json_schema":"x"},"sync_mode":"full_refresh"}]})", "streams[0].stream.json_schema must be an object"},
      {R"({"streams":[{"stream":{"name":"a"},"sync_mode":"full_refresh"},{"stream":{"name":"a"},"sync_mode":"full_refresh"}]})", "streams[1] configures stream 'a' a second time"},
  };
  for (const auto& c : cases) {
    auto r = parseConfiguredCatalog(json::parse(c.input));
    ASSERT_FALSE(r.ok()) << c.input;
    EXPECT_NE(r.error().message.find(c.expected), std::string::npos)
        << "input " << c.input << "\nmessage " << r.error().message;
  }
}
