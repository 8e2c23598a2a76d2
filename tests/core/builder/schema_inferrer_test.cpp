// SchemaInferrer: a case table of records in, the reference builder's inferred schema out.
#include "core/builder/schema_inferrer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace manifold::builder {
namespace {

using nlohmann::json;

struct InferCase {
  const char* name;
  std::vector<const char*> records;
  const char* properties;  // the expected "properties" of the root
};

json inferProperties(const std::vector<const char*>& records) {
  SchemaInferrer inferrer;
  for (const char* record : records) inferrer.accumulate(json::parse(record));
  auto inferred = inferrer.infer();
  EXPECT_TRUE(inferred.problems.empty());
  EXPECT_EQ(inferred.schema["$schema"], "http://json-schema.org/schema#");
  EXPECT_EQ(inferred.schema["type"], "object");
  return inferred.schema.value("properties", json::object());
}

const InferCase kCases[] = {
    {"StringsStayNullableStrings", {R"({"a": "x"})", R"({"a": "y"})"}, R"({"a": {"type": ["string", "null"]}})"},
    {"MixedScalarsSortedThenNull", {R"({"a": 1.5})", R"({"a": "x"})"},
     R"({"a": {"type": ["number", "string", "null"]}})"},
    {"IntegersAreNumbers", {R"({"a": 1})", R"({"a": 2})"}, R"({"a": {"type": ["number", "null"]}})"},
    {"IntegerAndFloatMerge", {R"({"a": 1})", R"({"a": 2.5})"}, R"({"a": {"type": ["number", "null"]}})"},
    {"BooleansAreNotNumbers", {R"({"a": true})", R"({"a": 3})"}, R"({"a": {"type": ["boolean", "number", "null"]}})"},
    {"OnlyNullIsDropped", {R"({"a": null, "b": "x"})"}, R"({"b": {"type": ["string", "null"]}})"},
    {"NullThenString", {R"({"a": null})", R"({"a": "x"})"}, R"({"a": {"type": ["string", "null"]}})"},
    {"NullThenObjectBecomesNullableObject",
     {R"({"a": null})", R"({"a": {"n": "x", "z": null}})"},
     R"({"a": {"type": ["object", "null"], "properties": {"n": {"type": ["string", "null"]}}}})"},
    {"NestedFieldTypedOnceSeen",
     {R"({"a": {"n": "x"}})", R"({"a": null})", R"({"a": {"n": "y", "z": null}})", R"({"a": {"z": "s"}})"},
     R"({"a": {"type": ["object", "null"], "properties": {"n": {"type": ["string", "null"]},
                                                           "z": {"type": ["string", "null"]}}}})"},
    {"FieldsMergeAcrossRecords",
     {R"({"o": {"d": [1, 2]}})", R"({"o": {"k": "v"}})"},
     R"({"o": {"type": ["object", "null"], "properties": {
           "d": {"type": ["array", "null"], "items": {"type": ["number", "null"]}},
           "k": {"type": ["string", "null"]}}}})"},
    {"ObjectOfNullsKeepsEmptyProperties", {R"({"o": {"b": null}})"},
     R"({"o": {"type": ["object", "null"], "properties": {}}})"},
    {"ArrayOfObjects",
     {R"({"l": [{"b": null, "c": "x"}, {"c": "y", "d": 1}]})"},
     R"({"l": {"type": ["array", "null"], "items": {"type": ["object", "null"], "properties": {
           "c": {"type": ["string", "null"]}, "d": {"type": ["number", "null"]}}}}})"},
    {"NullArrayThenArray",
     {R"({"l": null})", R"({"l": ["x"]})"},
     R"({"l": {"type": ["array", "null"], "items": {"type": ["string", "null"]}}})"},
    {"EmptyArrayAndEmptyObjectAreSimpleTypes", {R"({"l": [], "o": {}})"},
     R"({"l": {"type": ["array", "null"]}, "o": {"type": ["object", "null"]}})"},
    // Scalars, arrays and objects in one field stay an anyOf whose members are not made nullable.
    {"MixedContainersStayAnyOf",
     {R"({"v": ["XL"]})", R"({"v": {"k": "GB"}})", R"({"v": "XL"})"},
     R"({"v": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}},
                         {"type": "object", "properties": {"k": {"type": "string"}}}]}})"},
};

class SchemaInferrerCases : public ::testing::TestWithParam<InferCase> {};

TEST_P(SchemaInferrerCases, InfersTheReferenceSchema) {
  const auto& c = GetParam();
  EXPECT_EQ(inferProperties(c.records), json::parse(c.properties)) << c.name;
}

INSTANTIATE_TEST_SUITE_P(Cases, SchemaInferrerCases, ::testing::ValuesIn(kCases),
                         [](const auto& testParam) { return std::string(testParam.param.name); });

TEST(SchemaInferrer, NoRecordsGiveNoSchema) {
  SchemaInferrer inferrer;
  EXPECT_TRUE(inferrer.infer().schema.is_null());
}

TEST(SchemaInferrer, PrimaryKeyIsRequiredAndNotNullable) {
  SchemaInferrer inferrer;
  inferrer.setRequiredPaths({{"id"}, {"meta", "key"}});
  inferrer.accumulate(json{{"id", 1}, {"meta", {{"key", "k"}}}});
  const auto inferred = inferrer.infer();
  EXPECT_TRUE(inferred.problems.empty());
  EXPECT_EQ(inferred.schema["required"], json::array({"id", "meta"}));
  EXPECT_EQ(inferred.schema["properties"]["id"]["type"], "number");
  EXPECT_EQ(inferred.schema["properties"]["meta"]["type"], "object");
  EXPECT_EQ(inferred.schema["properties"]["meta"]["required"], json::array({"key"}));
  EXPECT_EQ(inferred.schema["properties"]["meta"]["properties"]["key"]["type"], "string");
}

TEST(SchemaInferrer, RequiredPathAbsentFromRecordsIsAProblemNotAFailure) {
  SchemaInferrer inferrer;
  inferrer.setRequiredPaths({{"id"}});
  inferrer.accumulate(json{{"name", "x"}});
  const auto inferred = inferrer.infer();
  ASSERT_EQ(inferred.problems.size(), 1u);
  EXPECT_NE(inferred.problems[0].find("`id`"), std::string::npos) << inferred.problems[0];
  EXPECT_EQ(inferred.schema["properties"]["name"]["type"], json::array({"string", "null"}));
}

}  // namespace
}  // namespace manifold::builder
