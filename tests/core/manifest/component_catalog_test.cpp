// The catalog against the format's reference schema (read at test time as an oracle).
#include "core/manifest/component_catalog.h"
#include "tests/support/shared_corpus.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <set>
#include <string>
#include <vector>

namespace manifold::manifest {
namespace {

const ComponentCatalog& catalog() { return ComponentCatalog::instance(); }

// The `type:` value of a schema definition, or "" for plain shapes and value types.
std::string typeOfDefinition(const YAML::Node& definition) {
  const YAML::Node properties = definition["properties"];
  if (!properties || !properties.IsMap()) return {};
  const YAML::Node type = properties["type"];
  if (type && type.IsMap() && type["enum"] && type["enum"].IsSequence()) return type["enum"][0].as<std::string>();
  return {};
}

TEST(ComponentCatalog, DescribesEveryComponentAndField) {
  ASSERT_GT(catalog().components().size(), 120u);
  std::set<std::string_view> types;
  for (const auto& component : catalog().components()) {
    EXPECT_TRUE(types.insert(component.type).second) << "duplicate entry " << component.type;
    EXPECT_FALSE(component.description.empty()) << component.type;
    std::set<std::string_view> fields;
    for (const auto& field : component.fields) {
      EXPECT_TRUE(fields.insert(field.name).second) << component.type << "." << field.name;
      EXPECT_FALSE(field.description.empty()) << component.type << "." << field.name;
      EXPECT_NE(field.kinds, 0) << component.type << "." << field.name;
      for (auto accepted : field.componentTypes) {
        EXPECT_NE(catalog().find(accepted), nullptr) << component.type << "." << field.name << " accepts " << accepted;
      }
      for (auto accepted : field.itemComponentTypes) {
        EXPECT_NE(catalog().find(accepted), nullptr) << component.type << "." << field.name << " accepts " << accepted;
      }
    }
  }
}

TEST(ComponentCatalog, KnowsTheCommonComponentsWithTheirDetails) {
  const ComponentSpec* requester = catalog().find("HttpRequester");
  ASSERT_NE(requester, nullptr);
  const FieldSpec* method = requester->field("http_method");
  ASSERT_NE(method, nullptr);
  EXPECT_EQ(method->defaultValue, "\"GET\"");
  EXPECT_NE(std::find(method->enumValues.begin(), method->enumValues.end(), "POST"), method->enumValues.end());
  ASSERT_NE(requester->field("path"), nullptr);
  EXPECT_TRUE(requester->field("path")->interpolated);
  const FieldSpec* auth = requester->field("authenticator");
  ASSERT_NE(auth, nullptr);
  EXPECT_NE(std::find(auth->componentTypes.begin(), auth->componentTypes.end(), "OAuthAuthenticator"),
            auth->componentTypes.end());
  const ComponentSpec* stream = catalog().find("DeclarativeStream");
  ASSERT_NE(stream, nullptr);
  EXPECT_TRUE(stream->field("retriever")->required);
  EXPECT_EQ(catalog().find("ApiKey")->definition, "SessionTokenRequestApiKeyAuthenticator");
  EXPECT_TRUE(catalog().find("CustomAuthenticator")->custom);
  EXPECT_FALSE(catalog().find("Rate")->typed);
}

TEST(ComponentCatalog, CoversEveryTypeAndFieldOfTheReferenceSchema) {
  const auto schemaPath = testing::referenceSchema();
  if (!schemaPath) GTEST_SKIP() << testing::corpusMissingReason();
  const YAML::Node schema = YAML::LoadFile(schemaPath->string());
  std::size_t checked = 0;
  auto checkDefinition = [&](const std::string& name, const YAML::Node& definition) {
    std::string type = name == "DeclarativeSource" ? name : typeOfDefinition(definition);
    if (type.empty()) {
      // Value types (enums, PrimaryKey) are folded into the fields that use them.
      if (!definition["properties"]) return;
      type = name;
    }
    const ComponentSpec* component = catalog().find(type);
    ASSERT_NE(component, nullptr) << "schema definition " << name << " (type " << type << ") is missing";
    EXPECT_EQ(component->definition, name);
    std::set<std::string> required;
    if (const YAML::Node list = definition["required"]; list && list.IsSequence()) {
      for (const auto& r : list) required.insert(r.as<std::string>());
    }
    for (const auto& property : definition["properties"]) {
      const auto field = property.first.as<std::string>();
      const FieldSpec* spec = component->field(field);
      ASSERT_NE(spec, nullptr) << type << "." << field << " is missing";
      // A required field may be relaxed only where an older spelling is also accepted.
      const bool legacyAlternative = std::any_of(component->fields.begin(), component->fields.end(),
                                                 [](const FieldSpec& f) { return f.legacy; });
      if (!legacyAlternative) {
        EXPECT_EQ(spec->required, required.count(field) > 0) << type << "." << field;
      }
      const YAML::Node kind = property.second["type"];
      if (kind && kind.IsScalar()) {
        const std::string k = kind.as<std::string>();
        const ValueKinds expected = k == "string" ? kString : k == "integer" ? kInteger : k == "number" ? kNumber
                                  : k == "boolean" ? kBoolean : k == "array" ? kArray : k == "object" ? kObject : kNull;
        EXPECT_TRUE(spec->kinds & expected) << type << "." << field << " should accept " << k;
      }
      if (const YAML::Node context = property.second["interpolation_context"]) {
        EXPECT_TRUE(spec->interpolated) << type << "." << field;
        // Completion offers exactly the variables the format documents for the field.
        std::vector<std::string> documented;
        for (const auto& variable : context) documented.push_back(variable.as<std::string>());
        const std::vector<std::string> ours(spec->interpolationContext.begin(), spec->interpolationContext.end());
        EXPECT_EQ(ours, documented) << type << "." << field;
      } else {
        EXPECT_TRUE(spec->interpolationContext.empty()) << type << "." << field;
      }
      if (property.second["enum"] && property.second["enum"].IsSequence()) {
        for (const auto& value : property.second["enum"]) {
          const auto text = value.as<std::string>();
          EXPECT_NE(std::find(spec->enumValues.begin(), spec->enumValues.end(), text), spec->enumValues.end())
              << type << "." << field << " lacks " << text;
        }
      }
      ++checked;
    }
  };
  checkDefinition("DeclarativeSource", schema);
  for (const auto& definition : schema["definitions"]) {
    checkDefinition(definition.first.as<std::string>(), definition.second);
  }
  EXPECT_GT(checked, 500u);
}

}  // namespace
}  // namespace manifold::manifest
