// schema_normalization on RecordSelector: Default casts records from a server on 127.0.0.1 to
// the stream's declared types as the reference's TypeTransformer does; None leaves them.
#include "core/engine/selection/type_transformer.h"
#include "tests/core/engine/engine_test_support.h"
#include "tests/support/local_http_server.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;
using manifold::testing::LocalHttpServer;
using Json = nlohmann::json;

class SchemaNormalizationTest : public ::testing::Test {
 protected:
  void serve(const Json& records) {
    body_ = Json{{"data", records}}.dump();
    server_.server().Get("/items", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(body_, "application/json");
    });
    server_.start();
  }

  CollectedRead read(const std::string& normalization, const std::string& schemaLoader) {
    const std::string manifest =
        "version: 6.4.0\n"
        "type: DeclarativeSource\n"
        "check: {type: CheckStream, stream_names: [items]}\n"
        "streams:\n"
        "  - type: DeclarativeStream\n"
        "    name: items\n"
        "    schema_loader: " + schemaLoader + "\n"
        "    retriever:\n"
        "      type: SimpleRetriever\n"
        "      requester: {type: HttpRequester, url_base: BASE, path: /items}\n"
        "      record_selector:\n"
        "        type: RecordSelector\n"
        "        extractor: {type: DpathExtractor, field_path: [data]}\n" +
        (normalization.empty() ? "" : "        schema_normalization: " + normalization + "\n");
    source_ = buildSource(withBase(manifest, server_.baseUrl()));
    if (!source_) return {};
    return collect(*source_, "items");
  }

  static std::string inlineSchema(const Json& schema) {
    return "{type: InlineSchemaLoader, schema: " + schema.dump() + "}";
  }

  LocalHttpServer server_;
  std::string body_;
  std::shared_ptr<const DeclarativeSource> source_;
};

const Json kSchema = Json::parse(R"({
  "type": "object",
  "properties": {
    "s": {"type": "string"}, "s_null": {"type": ["string", "null"]}, "n": {"type": "number"},
    "i": {"type": ["integer", "null"]}, "b": {"type": "boolean"}, "many": {"type": ["boolean", "null", "string"]},
    "a": {"type": "array", "items": {"type": "string"}}, "wrap": {"type": "array"},
    "nested": {"type": "object", "properties": {"x": {"type": "integer"}}}
  }
})");

TEST_F(SchemaNormalizationTest, DefaultCastsToTheDeclaredTypes) {
  serve(Json::parse(R"([{"s": 12, "s_null": null, "n": "1.5", "i": 1.9, "b": "yes", "many": 5,
                         "a": [1, true, {"k": 1}], "wrap": "one", "nested": {"x": "42"}, "extra": 1}])"));
  auto result = read("Default", inlineSchema(kSchema));
  ASSERT_TRUE(result.result.succeeded()) << result.result.failure->message;
  ASSERT_EQ(result.records.size(), 1u);
  const auto& r = result.records[0];
  EXPECT_EQ(r["s"], "12");
  EXPECT_TRUE(r["s_null"].is_null());
  EXPECT_EQ(r["n"], 1.5);
  EXPECT_EQ(r["i"], 1);
  EXPECT_EQ(r["b"], true);
  EXPECT_EQ(r["many"], 5);  // more than one non-null type: left alone
  EXPECT_EQ(r["a"], Json::parse(R"(["1", "True", "{'k': 1}"])"));
  EXPECT_EQ(r["wrap"], Json::parse(R"(["one"])"));
  EXPECT_EQ(r["nested"]["x"], 42);
  EXPECT_EQ(r["extra"], 1);
}

TEST_F(SchemaNormalizationTest, FailedCastsKeepTheValueAndWarnInTheReferencesWords) {
  serve(Json::parse(R"([{"n": "aa12", "s": null, "b": "maybe", "i": "1.5"}])"));
  auto result = read("Default", inlineSchema(kSchema));
  ASSERT_TRUE(result.result.succeeded()) << result.result.failure->message;
  const auto& r = result.records[0];
  EXPECT_EQ(r["n"], "aa12");
  EXPECT_EQ(r["s"], "None");  // str(None): null is not allowed by the schema
  EXPECT_EQ(r["b"], "maybe");
  EXPECT_EQ(r["i"], "1.5");
  std::string logs;
  for (const auto& line : result.logs) logs += line + "\n";
  EXPECT_NE(logs.find("Failed to transform value from type 'string' to type 'number' at path: 'n'"), std::string::npos)
      << logs;
  EXPECT_NE(logs.find("Failed to transform value from type 'string' to type '['integer', 'null']' at path: 'i'"),
            std::string::npos)
      << logs;
}

TEST_F(SchemaNormalizationTest, NoneAndAbsentLeaveRecordsAsTheyAre) {
  const Json record = Json::parse(R"({"s": 12, "n": "1.5"})");
  serve(Json::array({record}));
  auto none = read("None", inlineSchema(kSchema));
  ASSERT_TRUE(none.result.succeeded());
  EXPECT_EQ(none.records[0], record);
  auto absent = read("", inlineSchema(kSchema));
  ASSERT_TRUE(absent.result.succeeded());
  EXPECT_EQ(absent.records[0], record);
}

TEST_F(SchemaNormalizationTest, DefaultReadsTheSchemaFileAndNamesAMissingOne) {
  manifold::testing::TempDir dir;
  dir.write("schemas/items.json", R"({"type": "object", "properties": {"id": {"type": "string"}}})");
  serve(Json::parse(R"([{"id": 5}])"));
  // The test support builds from text; point the file loader at an absolute path instead.
  auto result = read("Default", "{type: JsonFileSchemaLoader, file_path: \"" + (dir.path() / "schemas/items.json").string() + "\"}");
  ASSERT_TRUE(result.result.succeeded()) << result.result.failure->message;
  EXPECT_EQ(result.records[0]["id"], "5");

  const std::string missing = "{type: JsonFileSchemaLoader, file_path: \"" + (dir.path() / "nope.json").string() + "\"}";
  const std::string manifest = "version: 6.4.0\ntype: DeclarativeSource\ncheck: {type: CheckStream, stream_names: [items]}\n"
                               "streams:\n  - type: DeclarativeStream\n    name: items\n    schema_loader: " + missing + "\n"
                               "    retriever:\n      type: SimpleRetriever\n"
                               "      requester: {type: HttpRequester, url_base: http://127.0.0.1:1, path: /items}\n"
                               "      record_selector:\n        type: RecordSelector\n"
                               "        extractor: {type: DpathExtractor, field_path: [data]}\n"
                               "        schema_normalization: Default\n";
  auto source = buildSource(manifest);
  ASSERT_TRUE(source);
  ASSERT_TRUE(source->findStream("items")->error);
  EXPECT_NE(source->findStream("items")->error->message.find("schema_normalization"), std::string::npos);
}

// default_convert and the walk, case by case (the reference's own table).
TEST(TypeTransformer, ReferenceCases) {
  auto run = [](const Json& schema, Json value, std::vector<std::string>* warnings = nullptr) {
    TypeTransformer(schema).transform(value, [&](const std::string& w) {
      if (warnings) warnings->push_back(w);
    });
    return value;
  };
  const Json simple = Json::parse(R"({"type": "object", "properties": {"value": {"type": "string"}}})");
  EXPECT_EQ(run(simple, {{"value", 12}}), Json({{"value", "12"}}));
  EXPECT_EQ(run(simple, {{"value", 1.0}}), Json({{"value", "1.0"}}));
  EXPECT_EQ(run(simple, {{"value", true}}), Json({{"value", "True"}}));
  const Json list = Json::parse(R"({"type": "object", "properties": {"value": {"type": "array"}}})");
  EXPECT_EQ(run(list, {{"value", nullptr}}), Json::parse(R"({"value": [null]})"));
  EXPECT_EQ(run(list, {{"value", 12}}), Json::parse(R"({"value": [12]})"));
  const Json stringItems = Json::parse(R"({"type": "object", "properties": {"value": {"type": "array", "items": {"type": ["string"]}}}})");
  EXPECT_EQ(run(stringItems, {{"value", 10}}), Json::parse(R"({"value": ["10"]})"));
  const Json objectItems = Json::parse(R"({"type": "object", "properties": {"value": {"type": "array", "items": {"type": "object"}}}})");
  std::vector<std::string> warnings;
  EXPECT_EQ(run(objectItems, Json::parse(R"({"value": ["one", "two"]})"), &warnings), Json::parse(R"({"value": ["one", "two"]})"));
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0], "Failed to transform value from type 'string' to type 'object' at path: 'value.0'");
  warnings.clear();
  run(Json::parse(R"({"type": "string"})"), Json::parse(R"({"a": {"b": {"c": {"d": {"e": "deep"}}}}})"), &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], "Failed to transform value from type '{'a': {'b': {'c': 'object'}}}' to type 'string' at path: ''");
  const Json nested = Json::parse(R"({"type": ["null", "object"], "properties": {"v": {"type": ["null", "object"],
      "properties": {"v": {"type": ["null", "number"]}}}}})");
  EXPECT_EQ(run(nested, Json::parse(R"({"v": {"v": "2"}})")), Json::parse(R"({"v": {"v": 2.0}})"));
  const Json withRef = Json::parse(R"({"definitions": {"d": {"type": "object", "properties": {"x": {"type": "integer"}}}},
      "type": "object", "properties": {"r": {"$ref": "#/definitions/d"}}})");
  EXPECT_EQ(run(withRef, Json::parse(R"({"r": {"x": "3"}})")), Json::parse(R"({"r": {"x": 3}})"));
  const Json oneOf = Json::parse(R"({"type": "object", "properties": {"o": {"oneOf": [{"type": "string"}]}}})");
  EXPECT_EQ(run(oneOf, {{"o", 12}}), Json({{"o", 12}}));
  EXPECT_EQ(TypeTransformer::defaultConvert(" 1_000 ", Json::parse(R"({"type": "integer"})")), 1000);
  EXPECT_EQ(TypeTransformer::defaultConvert(0, Json::parse(R"({"type": "boolean"})")), false);
  EXPECT_EQ(TypeTransformer::defaultConvert(nullptr, Json::parse(R"({"type": "boolean"})")), false);
  EXPECT_EQ(TypeTransformer::defaultConvert("0x10", Json::parse(R"({"type": "number"})")), "0x10");
}

}  // namespace
}  // namespace manifold::engine
