// KeysToLower, KeysToSnakeCase, KeysReplace, FlattenFields and DpathFlattenFields, applied in
// order with AddFields/RemoveFields to records a server on 127.0.0.1 returns.
#include "core/engine/transform/keys_to_snake_case.h"
#include "tests/core/engine/engine_test_support.h"
#include "tests/support/local_http_server.h"

#include <gtest/gtest.h>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;
using manifold::testing::LocalHttpServer;
using Json = nlohmann::json;

class TransformTest : public ::testing::Test {
 protected:
  // Serves {"data": [record]} and reads it through `transformations` (a YAML list indented 6).
  Json transformOne(const Json& record, const std::string& transformations, const Json& config = Json::object()) {
    body_ = Json{{"data", Json::array({record})}}.dump();
    if (!started_) {
      server_.server().Get("/items", [this](const httplib::Request&, httplib::Response& res) {
        res.set_content(body_, "application/json");
      });
      server_.start();
      started_ = true;
    }
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
    source_ = buildSource(withBase(manifest, server_.baseUrl()), config);
    if (!source_) return nullptr;
    auto read = collect(*source_, "items");
    if (!read.result.succeeded()) {
      ADD_FAILURE() << read.result.failure->message;
      return nullptr;
    }
    if (read.records.size() != 1) {
      ADD_FAILURE() << "expected one record, got " << read.records.size();
      return nullptr;
    }
    return read.records[0];
  }

  LocalHttpServer server_;
  std::string body_;
  bool started_ = false;
  std::shared_ptr<const DeclarativeSource> source_;
};

TEST_F(TransformTest, KeysToLowerLowersTopLevelKeysOnly) {
  EXPECT_EQ(transformOne(Json::parse(R"({"wIth_CapITal": 1, "anOThEr_witH_Caps": {"Inner": 2}, "ÉTÉ": 3})"),
                         "      - type: KeysToLower\n"),
            Json::parse(R"({"with_capital": 1, "another_with_caps": {"Inner": 2}, "été": 3})"));
}

TEST_F(TransformTest, KeysToSnakeCaseTokenizesAsTheReference) {
  const Json in = Json::parse(R"({
    "FirstName": 1, "lastName": 2, "123Number": 3, "456Another123": 4,
    "NestedRecord": {"FirstName": 5, "list": [{"KeepMe": 6}]},
    "hello@world": 7, "MixedUPCase123": 8, "lowercaseAnd123": 9, "Café": 10, "Naïve": 11,
    "This is a full sentence": 12, "userID": 13, "HTTPResponse": 14, "_id": 16, "-a-": 17
  })");
  const Json expected = Json::parse(R"({
    "first_name": 1, "last_name": 2, "_123_number": 3, "_456_another_123": 4,
    "nested_record": {"first_name": 5, "list": [{"KeepMe": 6}]},
    "hello_world": 7, "mixed_upcase_123": 8, "lowercase_and_123": 9, "cafe": 10, "naive": 11,
    "this_is_a_full_sentence": 12, "user_id": 13, "httpresponse": 14, "_id": 16, "_a_": 17
  })");
  EXPECT_EQ(transformOne(in, "      - type: KeysToSnakeCase\n"), expected);
}

TEST(KeysToSnakeCaseKey, ReferenceCases) {
  EXPECT_EQ(KeysToSnakeCase::processKey("CreatedAt"), "created_at");
  EXPECT_EQ(KeysToSnakeCase::processKey("userID"), "user_id");
  EXPECT_EQ(KeysToSnakeCase::processKey("HTTPResponse"), "httpresponse");
  EXPECT_EQ(KeysToSnakeCase::processKey("user-id"), "user_id");
  EXPECT_EQ(KeysToSnakeCase::processKey("1st"), "_1_st");
  EXPECT_EQ(KeysToSnakeCase::processKey("_id"), "_id");
  EXPECT_EQ(KeysToSnakeCase::processKey("id_"), "id_");
  EXPECT_EQ(KeysToSnakeCase::processKey("a--b__c"), "a_b_c");
  EXPECT_EQ(KeysToSnakeCase::processKey("Straße"), "strasse");
  EXPECT_EQ(KeysToSnakeCase::processKey(""), "");
}

TEST_F(TransformTest, KeysReplaceInNestedObjectsNotInLists) {
  EXPECT_EQ(transformOne(Json::parse(R"({"date time": 1, "customer": {"customer name": 2, "contact info": {"phone number": 3}},
                                         "list": [{"in list": 4}]})"),
                         "      - type: KeysReplace\n        old: \" \"\n        new: \"_\"\n"),
            Json::parse(R"({"date_time": 1, "customer": {"customer_name": 2, "contact_info": {"phone_number": 3}},
                            "list": [{"in list": 4}]})"));
}

TEST_F(TransformTest, KeysReplaceInterpolatesRecordAndConfig) {
  EXPECT_EQ(transformOne(Json::parse(R"({"customer_id": 111111, "field_1_111111": 1, "field_2_111111": 2})"),
                         "      - type: KeysReplace\n"
                         "        old: \"{{ record['customer_id'] }}\"\n"
                         "        new: \"{{ config['customer_name'] }}\"\n",
                         {{"customer_name", "Main"}}),
            Json::parse(R"({"customer_id": 111111, "field_1_Main": 1, "field_2_Main": 2})"));
}

TEST_F(TransformTest, KeysReplaceWithAnEmptyOldInsertsAroundEveryCharacter) {
  EXPECT_EQ(transformOne(Json::parse(R"({"ab": 1})"), "      - type: KeysReplace\n        old: \"\"\n        new: \"-\"\n"),
            Json::parse(R"({"-a-b-": 1})"));
}

TEST_F(TransformTest, FlattenFieldsReferenceCases) {
  EXPECT_EQ(transformOne(Json::parse(R"({"NestedRecord": {"FirstName": "John", "LastName": "Doe"}, "456Another123": 456})"),
                         "      - type: FlattenFields\n"),
            Json::parse(R"({"FirstName": "John", "LastName": "Doe", "456Another123": 456})"));
  EXPECT_EQ(transformOne(Json::parse(R"({"ListExample": [{"A": "a"}, {"A": "b"}]})"), "      - type: FlattenFields\n"),
            Json::parse(R"({"ListExample.0.A": "a", "ListExample.1.A": "b"})"));
  EXPECT_EQ(transformOne(Json::parse(R"({"MixedCase123": {"Nested": [{"Key": {"Value": "test1"}}, {"Key": {"Value": "test2"}}]},
                                         "SimpleKey": "SimpleValue"})"),
                         "      - type: FlattenFields\n"),
            Json::parse(R"({"Nested.0.Key.Value": "test1", "Nested.1.Key.Value": "test2", "SimpleKey": "SimpleValue"})"));
  // The reference walks keys in the API's order, records here keep them sorted: "ARoot" sorts
  // before "List" as "RootField" comes first in the reference's own case.
  EXPECT_EQ(transformOne(Json::parse(R"({"ARoot": {"List": [{"Key": 1}]}, "List": [1, 3, 6], "SimpleKey": "S"})"),
                         "      - type: FlattenFields\n        flatten_lists: false\n"),
            Json::parse(R"({"ARoot.List": [{"Key": 1}], "List": [1, 3, 6], "SimpleKey": "S"})"));
}

TEST_F(TransformTest, FlattenFieldsCollisionKeepsTheOuterValueAndEmptyContainersVanish) {
  // The nested "a" is queued before the outer one is written, so it takes the bare key and the
  // outer value, popped last, overwrites it (REFERENCE-NOTES 10.5).
  EXPECT_EQ(transformOne(Json::parse(R"({"a": 1, "b": {"a": 2}, "e": {}, "l": []})"), "      - type: FlattenFields\n"),
            Json::parse(R"({"a": 1})"));
}

TEST_F(TransformTest, DpathFlattenFieldsMergesWhenNoKeyClashes) {
  const Json in = Json::parse(R"({"field1": 1, "field2": {"field3": 3}})");
  EXPECT_EQ(transformOne(in, "      - type: DpathFlattenFields\n        field_path: [field2]\n"),
            Json::parse(R"({"field1": 1, "field2": {"field3": 3}, "field3": 3})"));
  EXPECT_EQ(transformOne(in, "      - type: DpathFlattenFields\n        field_path: [field2]\n        delete_origin_value: true\n"),
            Json::parse(R"({"field1": 1, "field3": 3})"));
  EXPECT_EQ(transformOne(in, "      - type: DpathFlattenFields\n        field_path: [\"{{ config['p'] }}\"]\n", {{"p", "field2"}}),
            Json::parse(R"({"field1": 1, "field2": {"field3": 3}, "field3": 3})"));
  EXPECT_EQ(transformOne(in, "      - type: DpathFlattenFields\n        field_path: [missing]\n"), in);
  const Json clash = Json::parse(R"({"field1": 1, "field2": {"field3": 3}, "field3": 9})");
  EXPECT_EQ(transformOne(clash, "      - type: DpathFlattenFields\n        field_path: [field2]\n        delete_origin_value: true\n"),
            clash);
}

TEST_F(TransformTest, DpathFlattenFieldsWildcardReplaceAndKeyTransformation) {
  EXPECT_EQ(transformOne(Json::parse(R"({"field1": 1, "field2": {"field3": {"field4": {"field5": 5}}}})"),
                         "      - type: DpathFlattenFields\n        field_path: [field2, \"*\", field4]\n"
                         "        delete_origin_value: true\n"),
            Json::parse(R"({"field1": 1, "field2": {"field3": {}}, "field5": 5})"));
  EXPECT_EQ(transformOne(Json::parse(R"({"field1": 1, "field2": {"field3": 3}})"),
                         "      - type: DpathFlattenFields\n        field_path: [field2]\n        replace_record: true\n"
                         "        key_transformation: {type: KeyTransformation, prefix: \"p_\", suffix: \"{{ config['s'] }}\"}\n",
                         {{"s", "_s"}}),
            Json::parse(R"({"p_field3_s": 3})"));
}

TEST_F(TransformTest, TransformationsRunInOrderWithAddAndRemoveFields) {
  EXPECT_EQ(transformOne(Json::parse(R"({"UserID": 7, "Meta": {"CreatedAt": "x", "Secret": "s"}})"),
                         "      - type: KeysToSnakeCase\n"
                         "      - type: AddFields\n"
                         "        fields: [{type: AddedFieldDefinition, path: [copy], value: \"{{ record.user_id }}\"}]\n"
                         "      - type: RemoveFields\n"
                         "        field_pointers: [[meta, secret]]\n"
                         "      - type: FlattenFields\n"
                         "      - type: KeysReplace\n        old: \"_\"\n        new: \"-\"\n"
                         "      - type: KeysToLower\n"),
            Json::parse(R"({"user-id": 7, "copy": 7, "created-at": "x"})"));
}

}  // namespace
}  // namespace manifold::engine
