// diffSchemas: fields added, missing and retyped between a declared and an inferred schema.
#include "core/builder/json_schema_diff.h"
#include "core/builder/schema_inferrer.h"

#include <gtest/gtest.h>

namespace manifold::builder {
namespace {

using nlohmann::json;

json inferFrom(std::initializer_list<const char*> records) {
  SchemaInferrer inferrer;
  for (const char* record : records) inferrer.accumulate(json::parse(record));
  return inferrer.infer().schema;
}

TEST(JsonSchemaDiff, MatchingSchemasHaveNoChanges) {
  const json declared = json::parse(R"({"type": "object", "properties": {
      "id": {"type": "integer"}, "name": {"type": ["null", "string"]},
      "tags": {"type": "array", "items": {"type": "string"}}}})");
  EXPECT_TRUE(diffSchemas(declared, inferFrom({R"({"id": 1, "name": "a", "tags": ["x"]})"})).empty());
}

TEST(JsonSchemaDiff, ReportsAddedMissingAndRetypedFields) {
  const json declared = json::parse(R"({"type": "object", "properties": {
      "id": {"type": "integer"}, "gone": {"type": "string"},
      "address": {"type": "object", "properties": {"city": {"type": "string"}}}}})");
  const auto changes = diffSchemas(declared, inferFrom({R"({"id": "a-1", "extra": true, "address": {"city": "x", "zip": 1}})"}));
  const json expected = json::parse(R"([
      {"path": "address.zip", "change": "added", "declared_type": null, "inferred_type": ["number", "null"]},
      {"path": "extra", "change": "added", "declared_type": null, "inferred_type": ["boolean", "null"]},
      {"path": "id", "change": "type_changed", "declared_type": "integer", "inferred_type": ["string", "null"]},
      {"path": "gone", "change": "missing", "declared_type": "string", "inferred_type": null}])");
  EXPECT_EQ(toJson(changes), expected);
}

TEST(JsonSchemaDiff, ArrayItemsAreComparedAndUntypedFieldsAcceptAnything) {
  const json declared = json::parse(R"({"type": "object", "properties": {
      "tags": {"type": "array", "items": {"type": "number"}}, "any": {}}})");
  const auto changes = diffSchemas(declared, inferFrom({R"({"tags": ["x"], "any": {"k": 1}})"}));
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].path, "tags[]");
  EXPECT_EQ(changes[0].kind, SchemaFieldChange::Kind::TypeChanged);
}

}  // namespace
}  // namespace manifold::builder
