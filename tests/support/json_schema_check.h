// A small JSON Schema (draft-07) checker for tests: the keywords our protocol schemas use.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace manifold::testing {

// Checks documents against one schema whose "$ref"s point inside it ("#/definitions/…").
// Keywords: type, enum, const, required, properties, additionalProperties, items, minItems,
// $ref, allOf, anyOf, oneOf, not, if/then/else; annotations (title, description, $comment,
// $schema, default, examples, format) are ignored. Any other keyword is reported as
// unsupported, so a schema never passes a document by a keyword the checker skipped.
class JsonSchemaCheck {
 public:
  explicit JsonSchemaCheck(nlohmann::json schema);
  static JsonSchemaCheck fromFile(const std::filesystem::path& path);  // throws when unreadable

  // Every violation, as "<JSON pointer in the document>: <what>"; empty when it conforms.
  std::vector<std::string> check(const nlohmann::json& document) const;

 private:
  void checkAt(const nlohmann::json& schema, const nlohmann::json& value, const std::string& where,
               std::vector<std::string>& errors, int depth) const;
  const nlohmann::json& resolve(const std::string& ref) const;

  nlohmann::json schema_;
};

}  // namespace manifold::testing
