// The raw record path of `manifold-cli read`: RawRecordExtractor selects exactly the records
// JsonDecoder and DpathExtractor select, and readStream uses it only where nothing changes them.
#include "core/engine/decode/bounded_json.h"
#include "core/engine/selection/dpath_extractor.h"
#include "core/engine/selection/raw_record_extractor.h"
#include "tests/core/engine/engine_test_support.h"
#include "tests/support/local_http_server.h"

#include <gtest/gtest.h>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;
using manifold::testing::LocalHttpServer;
using Json = nlohmann::json;

// What the DOM path selects: JsonDecoder's bodies, then DpathExtractor.
std::vector<Json> domRecords(const std::string& body, const std::vector<std::string>& path) {
  auto parsed = parseBoundedJson(body).value;
  std::vector<Json> bodies;
  if (parsed.is_discarded() || parsed.is_null() || (parsed.is_array() && parsed.empty())) {
    bodies.emplace_back(Json::object());
  } else if (parsed.is_array()) {
    for (auto& item : parsed) bodies.push_back(item);
  } else {
    bodies.push_back(parsed);
  }
  std::vector<Json> records;
  DpathExtractor extractor(path);
  for (const auto& b : bodies) extractor.extract(b, records);
  return records;
}

TEST(RawRecordExtractor, SelectsWhatTheDomPathSelects) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {R"({"data": [{"id": 1, "name": "caf\u00e9 \"q\" \\ /"}, {"id": 2, "n": [1, 2.5, -3e2, null, true]}]})", {"data"}},
      {"{\n  \"data\": [\n    {\"id\": 1,\n     \"nested\": {\"a\": [ ]}}\n  ]\n}", {"data"}},
      {R"([{"id": 1}, {"id": 2}])", {}},
      {R"([{"data": [{"id": 1}]}, {"data": [{"id": 2}, {"id": 3}]}])", {"data"}},
      {R"({"a": [{"b": [{"id": 9}]}]})", {"a", "0", "b"}},
      {R"({"item": {"id": 1}})", {"item"}},
      {R"({"item": {}})", {"item"}},
      {R"({"item": 0})", {"item"}},
      {R"({"item": "text"})", {"item"}},
      {R"({"data": [1, "two", null, {"x": 1}]})", {"data"}},
      {R"({"other": []})", {"data"}},
      {"[]", {"data"}},
      {"null", {}},
      {R"({"id": 7, "u": "\ud83d\ude00 Zürich"})", {}},
  };
  for (const auto& [body, path] : cases) {
    RawRecordExtractor extractor(path);
    std::vector<std::string_view> raw;
    ASSERT_TRUE(extractor.extract(body, raw)) << body;
    std::vector<Json> parsed;
    for (auto text : raw) {
      EXPECT_EQ(text.find('\n'), std::string_view::npos) << "a record spans lines: " << text;
      parsed.push_back(Json::parse(text));
    }
    EXPECT_EQ(parsed, domRecords(body, path)) << body;
  }
}

TEST(RawRecordExtractor, LeavesBodiesItCannotReadToTheDomPath) {
  RawRecordExtractor extractor({"data"});
  std::vector<std::string_view> raw;
  EXPECT_FALSE(extractor.extract(R"({"data": [{"id": 1}, )", raw));  // truncated
  EXPECT_FALSE(extractor.extract("<html>oops</html>", raw));
  EXPECT_FALSE(extractor.extract("{\"data\": [\"\xff\"]}", raw));  // not UTF-8
  EXPECT_FALSE(extractor.extract("", raw));
  EXPECT_TRUE(extractor.extract(R"({"data": [{"id": 1}]})", raw));  // reusable after failures
  EXPECT_EQ(raw.size(), 1u);
}

class RawReadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.server().Get("/items", [this](const httplib::Request& req, httplib::Response& res) {
      const int page = req.has_param("page") ? std::stoi(req.get_param_value("page")) : 1;
      if (page == 2 && brokenSecondPage_) {
        res.set_content("{\"data\": [oops", "application/json");
        return;
      }
      Json data = Json::array();
      const int count = page == 1 ? 3 : 1;
      for (int i = 0; i < count; ++i) data.push_back({{"id", page * 10 + i}, {"name", "n\"" + std::to_string(i)}});
      res.set_content(Json{{"data", data}}.dump(2), "application/json");
    });
    server_.start();
  }

  std::shared_ptr<const DeclarativeSource> build(const std::string& selectorExtra) {
    return buildSource(withBase(oneStreamManifest("        type: HttpRequester\n        url_base: BASE\n        path: /items\n",
                                                  selectorExtra +
                                                      "      paginator:\n"
                                                      "        type: DefaultPaginator\n"
                                                      "        pagination_strategy: {type: PageIncrement, page_size: 3, start_from_page: 1}\n"
                                                      "        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}\n"),
                                server_.baseUrl()));
  }

  struct Collected {
    std::vector<Json> dom;
    std::vector<Json> raw;
    std::vector<std::string> logs;
    StreamReadResult result;
  };
  Collected read(const DeclarativeSource& source, ReadOptions options = fastOptions()) {
    Collected out;
    ReadEvents events;
    events.record = [&](const Json& record) { out.dom.push_back(record); };
    events.rawRecord = [&](std::string_view text) { out.raw.push_back(Json::parse(text)); };
    events.log = [&](protocol::LogLevel, const std::string& message) { out.logs.push_back(message); };
    out.result = readStream(source, "items", nullptr, events, {}, options);
    return out;
  }

  LocalHttpServer server_;
  bool brokenSecondPage_ = false;
};

TEST_F(RawReadTest, UntouchedRecordsGoOutAsTextWithTheDomPathsValues) {
  auto source = build("");
  ASSERT_TRUE(source);
  auto raw = read(*source);
  ASSERT_TRUE(raw.result.succeeded()) << raw.result.failure->message;
  EXPECT_TRUE(raw.dom.empty());
  ASSERT_EQ(raw.raw.size(), 4u);
  EXPECT_EQ(raw.result.records, 4u);
  EXPECT_EQ(server_.requestCount(), 2u);  // PageIncrement saw the raw page's record count

  // A record filter changes what is selected: the same stream then goes through the DOM.
  auto filtered = build("        record_filter: {type: RecordFilter, condition: \"{{ true }}\"}\n");
  ASSERT_TRUE(filtered);
  auto dom = read(*filtered);
  ASSERT_TRUE(dom.result.succeeded()) << dom.result.failure->message;
  EXPECT_TRUE(dom.raw.empty());
  EXPECT_EQ(dom.dom, raw.raw);
}

TEST_F(RawReadTest, RecordLimitStopsTheRawPath) {
  auto source = build("");
  ASSERT_TRUE(source);
  ReadOptions options = fastOptions();
  options.maxRecords = 2;
  auto out = read(*source, options);
  EXPECT_EQ(out.raw.size(), 2u);
  EXPECT_TRUE(out.result.limitReached);
  EXPECT_EQ(server_.requestCount(), 1u);
}

TEST_F(RawReadTest, APageSimdjsonRejectsFallsBackToTheDomPathsWarning) {
  brokenSecondPage_ = true;
  auto source = build("");
  ASSERT_TRUE(source);
  auto out = read(*source);
  ASSERT_TRUE(out.result.succeeded());
  EXPECT_EQ(out.raw.size(), 3u);
  EXPECT_TRUE(out.dom.empty());
  ASSERT_FALSE(out.logs.empty());
  EXPECT_NE(out.logs.back().find("not valid JSON"), std::string::npos) << out.logs.back();
}

}  // namespace
}  // namespace manifold::engine
