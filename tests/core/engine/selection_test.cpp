// Record selection, filters, transformations and decoders, checked by the records they produce.
#include "tests/core/engine/engine_test_support.h"
#include "tests/support/local_http_server.h"

#include <gtest/gtest.h>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;
using manifold::testing::LocalHttpServer;

class SelectionTest : public ::testing::Test {
 protected:
  void serve(std::string body, std::string contentType = "application/json") {
    server_.server().Get("/items", [body, contentType](const httplib::Request&, httplib::Response& res) {
      res.set_content(body, contentType);
    });
    server_.start();
  }

  CollectedRead readWith(const std::string& fieldPath, const std::string& rest = "",
                         const nlohmann::json& config = nlohmann::json::object()) {
    source_ = buildSource(withBase(oneStreamManifest("        type: HttpRequester\n"
                                                     "        url_base: BASE\n"
                                                     "        path: /items\n",
                                                     rest, fieldPath),
                                   server_.baseUrl()),
                          config);
    if (!source_) return {};
    return collect(*source_, "items");
  }

  LocalHttpServer server_;
  std::shared_ptr<const DeclarativeSource> source_;
};

TEST_F(SelectionTest, NestedPath) {
  serve(R"({"result": {"items": [{"id": 1}, {"id": 2}]}})");
  auto read = readWith("[result, items]");
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(read.records, (std::vector<nlohmann::json>{{{"id", 1}}, {{"id", 2}}}));
}

TEST_F(SelectionTest, PathFromConfig) {
  serve(R"({"users": [{"id": 7}]})");
  auto read = readWith("[\"{{ config.key }}\"]", "", {{"key", "users"}});
  ASSERT_TRUE(read.result.succeeded());
  ASSERT_EQ(read.records.size(), 1u);
  EXPECT_EQ(read.records[0]["id"], 7);
}

TEST_F(SelectionTest, EmptyPathTopLevelArrayYieldsEachElement) {
  serve(R"([{"id": 1}, {"id": 2}, {"id": 3}])");
  auto read = readWith("[]");
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(read.records.size(), 3u);
}

TEST_F(SelectionTest, ObjectAtPathIsOneRecordAndMissingPathNone) {
  serve(R"({"item": {"id": 1}})");
  EXPECT_EQ(readWith("[item]").records.size(), 1u);
  EXPECT_EQ(readWith("[missing]").records.size(), 0u);
}

TEST_F(SelectionTest, WildcardMatchesAreNotFlattened) {
  serve(R"({"groups": {"a": {"items": [{"id": 1}, {"id": 2}]}, "b": {"items": [{"id": 3}]}}})");
  auto read = readWith("[groups, \"*\", items]");
  ASSERT_TRUE(read.result.succeeded());
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_TRUE(read.records[0].is_array());
  EXPECT_EQ(read.records[0].size(), 2u);
}

TEST_F(SelectionTest, WildcardOverAListOfObjects) {
  serve(R"({"data": [{"user": {"id": 1}}, {"user": {"id": 2}}]})");
  auto read = readWith("[data, \"*\", user]");
  EXPECT_EQ(read.records, (std::vector<nlohmann::json>{{{"id", 1}}, {{"id", 2}}}));
}

TEST_F(SelectionTest, RecordFilterKeepsMatchingRecords) {
  serve(R"({"data": [{"id": 1, "active": true}, {"id": 2, "active": false}, {"id": 3, "active": true}]})");
  auto read = readWith("[data]",
                       "        record_filter:\n"
                       "          type: RecordFilter\n"
                       "          condition: \"{{ record.active and record.id > config.min }}\"\n",
                       {{"min", 1}});
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  ASSERT_EQ(read.records.size(), 1u);
  EXPECT_EQ(read.records[0]["id"], 3);
}

TEST_F(SelectionTest, InvalidJsonGivesNoRecordsAndAWarning) {
  serve("<html>oops</html>", "text/html");
  auto read = readWith("[data]");
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_TRUE(read.records.empty());
  ASSERT_FALSE(read.logs.empty());
  EXPECT_NE(read.logs[0].find("not valid JSON"), std::string::npos);
}

TEST_F(SelectionTest, JsonlDecoderSkipsBadLines) {
  serve("{\"id\": 1}\nnot json\n{\"id\": 2}\n", "application/jsonl");
  auto read = readWith("[]", "      decoder: {type: JsonlDecoder}\n");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(read.records, (std::vector<nlohmann::json>{{{"id", 1}}, {{"id", 2}}}));
  ASSERT_EQ(read.logs.size(), 1u);
  EXPECT_NE(read.logs[0].find("line 2"), std::string::npos);
}

TEST_F(SelectionTest, JsonlDecoderCannotPaginate) {
  const std::string yaml = oneStreamManifest("        type: HttpRequester\n        url_base: http://127.0.0.1:1\n",
                                             "      decoder: {type: JsonlDecoder}\n"
                                             "      paginator:\n"
                                             "        type: DefaultPaginator\n"
                                             "        pagination_strategy: {type: PageIncrement, page_size: 5}\n"
                                             "        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: p}\n");
  auto source = buildSource(yaml);
  ASSERT_TRUE(source);
  ASSERT_TRUE(source->findStream("items")->error);
  EXPECT_NE(source->findStream("items")->error->message.find("paginate"), std::string::npos);
}

class TransformationTest : public SelectionTest {
 protected:
  CollectedRead readWithTransformations(const std::string& transformations) {
    const std::string manifest =
        "version: 6.4.0\n"
        "type: DeclarativeSource\n"
        "check: {type: CheckStream, stream_names: [items]}\n"
        "streams:\n"
        "  - type: DeclarativeStream\n"
        "    name: items\n"
        "    schema_loader: {type: InlineSchemaLoader, schema: {}}\n"
        "    transformations:\n" + transformations +
        "    retriever:\n"
        "      type: SimpleRetriever\n"
        "      requester: {type: HttpRequester, url_base: BASE, path: /items}\n"
        "      record_selector:\n"
        "        type: RecordSelector\n"
        "        extractor: {type: DpathExtractor, field_path: [data]}\n";
    source_ = buildSource(withBase(manifest, server_.baseUrl()), {{"tenant", "acme"}});
    if (!source_) return {};
    return collect(*source_, "items");
  }
};

TEST_F(TransformationTest, AddFieldsInOrderWithLiteralRuleAndValueType) {
  serve(R"({"data": [{"id": "123", "meta": {"a": 1, "b": 2}}]})");
  auto read = readWithTransformations(
      "      - type: AddFields\n"
      "        fields:\n"
      "          - {type: AddedFieldDefinition, path: [id_int], value: \"{{ record.id }}\"}\n"
      "          - {type: AddedFieldDefinition, path: [id_str], value: \"{{ record.id }}\", value_type: string}\n"
      "          - {type: AddedFieldDefinition, path: [copy], value: \"{{ record.id_int + 1 }}\"}\n"
      "          - {type: AddedFieldDefinition, path: [nested, tenant], value: \"{{ config.tenant }}\"}\n"
      "          - {type: AddedFieldDefinition, path: [empty], value: \"{{ record.missing }}\"}\n");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  ASSERT_EQ(read.records.size(), 1u);
  const auto& r = read.records[0];
  EXPECT_EQ(r["id_int"], 123);
  EXPECT_EQ(r["id_str"], "123");
  EXPECT_EQ(r["copy"], 124);
  EXPECT_EQ(r["nested"]["tenant"], "acme");
  EXPECT_EQ(r["empty"], "");
}

TEST_F(TransformationTest, RemoveFieldsWithGlobs) {
  serve(R"({"data": [{"id": 1, "secret": "x", "meta": {"a": 1, "b": 2}, "list": [{"k": 1, "v": 2}]}]})");
  auto read = readWithTransformations(
      "      - type: RemoveFields\n"
      "        field_pointers: [[secret], [meta, a], [list, \"*\", v], [nope, deeper]]\n");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  ASSERT_EQ(read.records.size(), 1u);
  EXPECT_EQ(read.records[0], nlohmann::json::parse(R"({"id": 1, "meta": {"b": 2}, "list": [{"k": 1}]})"));
}

TEST_F(TransformationTest, RemoveFieldsDoubleStarAndCondition) {
  serve(R"({"data": [{"id": 1, "a": {"x": null, "y": 1, "b": {"x": null}}}]})");
  auto read = readWithTransformations(
      "      - type: RemoveFields\n"
      "        field_pointers: [[\"**\", x]]\n"
      "        condition: \"{{ property is none }}\"\n");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(read.records[0], nlohmann::json::parse(R"({"id": 1, "a": {"y": 1, "b": {}}})"));
}

}  // namespace
}  // namespace manifold::engine
