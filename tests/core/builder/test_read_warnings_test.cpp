// Warnings before publishing, found in a StreamRead: failed pages, no records, primary keys,
// records that do not fit the declared schema.
#include "core/builder/test_read_warnings.h"

#include <gtest/gtest.h>

using manifold::builder::checkTestRead;
using manifold::builder::expectationsOf;
using manifold::builder::StreamExpectations;
using manifold::builder::TestReadWarning;
using nlohmann::json;
using Kind = TestReadWarning::Kind;

namespace {

json readOf(std::vector<std::pair<int, json>> pages) {
  json slice = {{"slice_descriptor", nullptr}, {"pages", json::array()}, {"state", nullptr}};
  for (auto& [status, records] : pages) {
    slice["pages"].push_back({{"request", {{"url", "http://x"}}}, {"response", {{"status", status}}}, {"records", records}});
  }
  return {{"slices", json::array({slice})}};
}

const TestReadWarning* find(const std::vector<TestReadWarning>& warnings, Kind kind) {
  for (const auto& w : warnings) {
    if (w.kind == kind) return &w;
  }
  return nullptr;
}

}  // namespace

TEST(TestReadWarnings, NoneForAGoodRead) {
  const StreamExpectations expected{{{"id"}}, json::parse(R"({"type":"object","properties":{"id":{"type":"integer"}}})")};
  EXPECT_TRUE(checkTestRead(readOf({{200, json::array({{{"id", 1}}, {{"id", 2}}})}}), expected).empty());
}

TEST(TestReadWarnings, NamesTheFirstFailedPageAndCountsTheOthers) {
  const auto warnings = checkTestRead(readOf({{200, json::array({{{"id", 1}}})}, {503, json::array()}, {404, json::array()}}), {});
  const TestReadWarning* failed = find(warnings, Kind::FailedPage);
  ASSERT_NE(failed, nullptr);
  EXPECT_EQ(failed->message, "Page 2 of slice 1 returned HTTP 503 (2 failed pages in all)");
  EXPECT_EQ(failed->slice, 0);
  EXPECT_EQ(failed->page, 1);
}

TEST(TestReadWarnings, SaysWhenThereAreNoRecords) {
  const auto warnings = checkTestRead(readOf({{200, json::array()}}), {});
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].kind, Kind::NoRecords);
}

TEST(TestReadWarnings, FindsMissingAndDuplicatedCompositeKeys) {
  StreamExpectations expected;
  expected.primaryKey = {{"id"}, {"meta", "region"}};
  const json records = json::parse(R"([
      {"id":1,"meta":{"region":"eu"}}, {"id":1,"meta":{"region":"us"}},
      {"id":1,"meta":{"region":"eu"}}, {"id":2}, {"id":null,"meta":{"region":"eu"}}])");
  const auto warnings = checkTestRead(readOf({{200, records}}), expected);
  const TestReadWarning* missing = find(warnings, Kind::PrimaryKeyMissing);
  const TestReadWarning* duplicated = find(warnings, Kind::PrimaryKeyDuplicated);
  ASSERT_NE(missing, nullptr);
  ASSERT_NE(duplicated, nullptr);
  EXPECT_EQ(missing->message, "Record 4 has no primary key 'id', 'meta.region' (2 records without it in all)");
  EXPECT_EQ(duplicated->message, "Record 3 repeats the primary key 'id', 'meta.region' = [1,\"eu\"] of record 1");
}

TEST(TestReadWarnings, FindsRecordsThatDoNotFitTheDeclaredSchema) {
  StreamExpectations expected;
  expected.declaredSchema = json::parse(R"({"type":"object","additionalProperties":false,"properties":{
      "id":{"type":"integer"},"price":{"type":["null","number"]},
      "tags":{"type":"array","items":{"type":"string"}}}})");
  const json records = json::parse(R"([
      {"id":1,"price":2,"tags":["a"]}, {"id":2,"price":null,"tags":["b",3]}, {"id":"3"}, {"id":4,"extra":true}])");
  const auto warnings = checkTestRead(readOf({{200, records}}), expected);
  const TestReadWarning* misfit = find(warnings, Kind::SchemaMismatch);
  ASSERT_NE(misfit, nullptr);
  EXPECT_EQ(misfit->message,
            "Record 2 does not fit the declared schema: 'tags[]' is integer where the schema says string "
            "(3 records that do not fit in all)");
}

TEST(TestReadWarnings, ReadsPrimaryKeyAndInlineSchemaFromAStream) {
  const json stream = json::parse(R"({"name":"s","primary_key":[["user","id"],"day"],
      "schema_loader":{"type":"InlineSchemaLoader","schema":{"type":"object"}}})");
  const StreamExpectations expected = expectationsOf(stream);
  ASSERT_EQ(expected.primaryKey.size(), 2u);
  EXPECT_EQ(expected.primaryKey[0], (std::vector<std::string>{"user", "id"}));
  EXPECT_EQ(expected.primaryKey[1], (std::vector<std::string>{"day"}));
  EXPECT_EQ(expected.declaredSchema, json({{"type", "object"}}));
  EXPECT_EQ(expectationsOf(json::parse(R"({"primary_key":"id"})")).primaryKey.size(), 1u);
  EXPECT_TRUE(expectationsOf(json::parse(R"({"schema_loader":{"type":"JsonFileSchemaLoader"}})")).declaredSchema.is_null());
}
