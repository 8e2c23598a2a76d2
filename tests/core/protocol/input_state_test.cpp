// Parsing the input state in its per-stream, global and legacy shapes.
#include "core/protocol/input_state.h"

#include <gtest/gtest.h>

using nlohmann::json;
using namespace manifold::protocol;

TEST(InputState, EmptyInputsMeanNoState) {
  for (const char* text : {"null", "[]", "{}"}) {
    auto r = parseInputState(json::parse(text));
    ASSERT_TRUE(r.ok()) << text;
    EXPECT_TRUE(r->streams.empty()) << text;
  }
}

TEST(InputState, PerStreamListGivesEachStreamItsBlob) {
  auto r = parseInputState(json::parse(R"([
    {"type":"STREAM","stream":{"stream_descriptor":{"name":"users"},"stream_state":{"updated_at":"2024-01-02"}}},
    {"type":"STREAM","stream":{"stream_descriptor":{"name":"orgs","namespace":"crm"},"stream_state":{"id":5}},
     "sourceStats":{"recordCount":2.0}},
    {"stream":{"stream_descriptor":{"name":"empty"}}}])"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->streams.size(), 3u);
  ASSERT_NE(r->find("users"), nullptr);
  EXPECT_EQ(*r->find("users"), json({{"updated_at", "2024-01-02"}}));
  EXPECT_EQ(*r->find("orgs", std::string("crm")), json({{"id", 5}}));
  EXPECT_EQ(r->find("orgs", std::string("other")), nullptr);
  EXPECT_TRUE(r->find("empty")->is_null());
  EXPECT_EQ(r->find("absent"), nullptr);
  EXPECT_FALSE(r->legacy);
  EXPECT_FALSE(r->global);
}

TEST(InputState, LegacyDictShapeMapsStreamNamesToState) {
  auto r = parseInputState(json::parse(R"({"users":{"updated_at":"2024-01-02"},"orgs":{"id":3}})"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->legacy);
  EXPECT_EQ(*r->find("users"), json({{"updated_at", "2024-01-02"}}));
  EXPECT_EQ(*r->find("orgs"), json({{"id", 3}}));
}

TEST(InputState, LegacyMessageWithDataAndGlobalMessage) {
  auto legacy = parseInputState(json::parse(R"([{"type":"LEGACY","data":{"users":{"c":1}}}])"));
  ASSERT_TRUE(legacy.ok()) << legacy.error().message;
  EXPECT_EQ(*legacy->find("users"), json({{"c", 1}}));

  auto global = parseInputState(json::parse(R"([{"type":"GLOBAL","global":{"shared_state":{"s":1},
      "stream_states":[{"stream_descriptor":{"name":"users"},"stream_state":{"c":2}}]}}])"));
  ASSERT_TRUE(global.ok()) << global.error().message;
  EXPECT_TRUE(global->global);
  EXPECT_EQ(global->sharedState, json({{"s", 1}}));
  EXPECT_EQ(*global->find("users"), json({{"c", 2}}));
}

TEST(InputState, ErrorsNameTheElementAndField) {
  struct Case {
    const char* input;
    const char* expected;
  };
  const Case cases[] = {
      {R"("x")", "state must be a list of state messages or an object"},
      {R"([1])", "state[0] must be a state message object"},
      {R"([{"type":"STREAM","stream":{"stream_descriptor":{"name":"a"}}},{"type":"STREAM"}])", "state[1] has type STREAM but no \"stream\" field"},
      {R"([{"type":"SHARED"}])", "state[0].type must be STREAM, GLOBAL or LEGACY, got \"SHARED\""},
      {R"([{}])", "state[0] must contain a stream, global or data field"},
      {R"([{"type":"STREAM","stream":{"stream_descriptor":{"name":7}}}])", "state[0].stream.stream_descriptor.name must be a string"},
      {R"([{"type":"STREAM","stream":{"stream_state":{}}}])", "state[0].stream.stream_descriptor must be an object"},
      {R"([{"type":"STREAM","stream":{"stream_descriptor":{"name":"a"},"stream_state":[1]}}])", "state[0].stream.stream_state must be an object, got [1]"},
      {R"([{"type":"GLOBAL","global":{}}])", "state[0].global.stream_states must be a list"},
      {R"({"users":5})", "state[\"users\"] must be a state object, got 5"},
  };
  for (const auto& c : cases) {
    auto r = parseInputState(json::parse(c.input));
    ASSERT_FALSE(r.ok()) << c.input;
    EXPECT_NE(r.error().message.find(c.expected), std::string::npos)
        << "input " << c.input << "\nmessage " << r.error().message;
  }
}
