// The form model of spec.connection_specification: kinds, order, required, oneOf, lists.
#include "core/config/config_field.h"

#include <gtest/gtest.h>

using manifold::config::ConfigField;
using manifold::config::FieldKind;
using manifold::config::parseConnectionSpecification;
using Spec = nlohmann::ordered_json;

namespace {

const Spec kSpec = Spec::parse(R"({
  "type": "object",
  "required": ["api_key", "region"],
  "properties": {
    "start_date": {"type": "string", "format": "date-time", "order": 2, "examples": ["2024-01-01T00:00:00Z"]},
    "api_key": {"type": "string", "title": "API key", "airbyte_secret": true, "order": 0},
    "page_size": {"type": "integer", "minimum": 1, "default": 50},
    "region": {"type": "string", "enum": ["eu", "us"], "order": 1},
    "include_archived": {"type": "boolean"},
    "ratio": {"type": ["null", "number"]},
    "tags": {"type": "array", "items": {"type": "string"}, "examples": [["a", "b"]]},
    "filters": {"type": "array", "items": {"type": "object", "properties": {"field": {"type": "string"}}}},
    "advanced": {"type": "object", "properties": {"timeout": {"type": "integer"}}},
    "credentials": {"type": "object", "title": "Authentication", "oneOf": [
      {"title": "API token", "properties": {"auth_type": {"type": "string", "const": "token"},
                                            "token": {"type": "string", "airbyte_secret": true}},
       "required": ["auth_type", "token"]},
      {"properties": {"auth_type": {"type": "string", "const": "oauth"}, "client_id": {"type": "string"}}}
    ]},
    "odd": {"type": "whatever"},
    "a/b": {"type": "string"}
  }
})");

const ConfigField& field(const ConfigField& object, const std::string& key) {
  for (const auto& f : object.fields) {
    if (f.key == key) return f;
  }
  throw std::runtime_error("no field " + key);
}

}  // namespace

TEST(ConfigField, OrdersByOrderThenBySpecOrder) {
  const ConfigField root = parseConnectionSpecification(kSpec);
  ASSERT_GE(root.fields.size(), 4u);
  EXPECT_EQ(root.fields[0].key, "api_key");
  EXPECT_EQ(root.fields[1].key, "region");
  EXPECT_EQ(root.fields[2].key, "start_date");
  EXPECT_EQ(root.fields[3].key, "page_size");  // first without an order, as written
}

TEST(ConfigField, ReadsKindsTitlesAndFlags) {
  const ConfigField root = parseConnectionSpecification(kSpec);
  const ConfigField& apiKey = field(root, "api_key");
  EXPECT_EQ(apiKey.kind, FieldKind::String);
  EXPECT_TRUE(apiKey.secret);
  EXPECT_TRUE(apiKey.required);
  EXPECT_EQ(apiKey.title, "API key");
  EXPECT_EQ(field(root, "start_date").title, "start_date");  // no title: the key
  EXPECT_TRUE(field(root, "start_date").isDate());
  EXPECT_EQ(field(root, "start_date").hint(), "2024-01-01T00:00:00Z");
  EXPECT_EQ(field(root, "page_size").kind, FieldKind::Integer);
  EXPECT_EQ(field(root, "page_size").hint(), "50");
  EXPECT_EQ(*field(root, "page_size").minimum, 1.0);
  EXPECT_EQ(field(root, "region").kind, FieldKind::Enum);
  EXPECT_EQ(field(root, "region").enumValues.size(), 2u);
  EXPECT_EQ(field(root, "include_archived").kind, FieldKind::Boolean);
  EXPECT_EQ(field(root, "ratio").kind, FieldKind::Number);
  EXPECT_EQ(field(root, "odd").kind, FieldKind::Other);
  EXPECT_EQ(field(root, "a/b").pointer, "/a~1b");
}

TEST(ConfigField, ModelsListsObjectsAndOneOf) {
  const ConfigField root = parseConnectionSpecification(kSpec);
  const ConfigField& tags = field(root, "tags");
  ASSERT_EQ(tags.kind, FieldKind::List);
  ASSERT_EQ(tags.items.size(), 1u);
  EXPECT_EQ(tags.items[0].kind, FieldKind::String);
  EXPECT_EQ(tags.hint(), "a, b");
  const ConfigField& filters = field(root, "filters");
  ASSERT_EQ(filters.items[0].kind, FieldKind::Object);
  EXPECT_EQ(filters.items[0].fields[0].pointer, "/field");  // relative to the element
  const ConfigField& advanced = field(root, "advanced");
  ASSERT_EQ(advanced.kind, FieldKind::Object);
  EXPECT_EQ(advanced.fields[0].pointer, "/advanced/timeout");

  const ConfigField& credentials = field(root, "credentials");
  ASSERT_EQ(credentials.kind, FieldKind::OneOf);
  ASSERT_EQ(credentials.options.size(), 2u);
  EXPECT_EQ(credentials.options[0].title, "API token");
  EXPECT_EQ(credentials.options[1].title, "oauth");  // untitled: named by its discriminator
  EXPECT_EQ(credentials.options[0].fields[1].pointer, "/credentials/token");
  EXPECT_TRUE(credentials.options[0].fields[1].secret);
  EXPECT_EQ(credentials.matchingOption({{"auth_type", "oauth"}}), 1);
  EXPECT_EQ(credentials.matchingOption({{"auth_type", "token"}, {"token", "x"}}), 0);
  EXPECT_EQ(credentials.matchingOption({{"auth_type", "basic"}}), -1);
}

TEST(ConfigField, ToleratesSpecsBeingTyped) {
  EXPECT_TRUE(parseConnectionSpecification(Spec()).fields.empty());
  EXPECT_TRUE(parseConnectionSpecification(Spec::parse(R"({"properties": 3})")).fields.empty());
  const ConfigField root = parseConnectionSpecification(Spec::parse(R"({"properties": {"x": 1, "y": {}}})"));
  ASSERT_EQ(root.fields.size(), 2u);
  EXPECT_EQ(root.fields[0].kind, FieldKind::Other);
  EXPECT_EQ(root.fields[1].kind, FieldKind::Other);
}

TEST(ConfigField, ListItemsArePlacedAtTheirElement) {
  const ConfigField root = parseConnectionSpecification(kSpec);
  const ConfigField& filters = field(root, "filters");
  const ConfigField row = manifold::config::withPointerPrefix(filters.items[0], "/filters/2");
  EXPECT_EQ(row.pointer, "/filters/2");
  EXPECT_EQ(row.fields[0].pointer, "/filters/2/field");
}
