// The JSON Schema "type" rules the schema diff and the record check share: which types a schema
// node accepts and which type a value has.
#include "core/builder/json_schema_types.h"

namespace manifold::builder {

std::set<std::string> schemaTypes(const nlohmann::json& schema) {
  std::set<std::string> types;
  if (!schema.is_object()) return types;
  if (auto it = schema.find("type"); it != schema.end()) {
    if (it->is_string()) types.insert(it->get<std::string>());
    if (it->is_array()) {
      for (const auto& t : *it) {
        if (t.is_string()) types.insert(t.get<std::string>());
      }
    }
  }
  for (const char* combinator : {"anyOf", "oneOf"}) {
    auto it = schema.find(combinator);
    if (it == schema.end() || !it->is_array()) continue;
    for (const auto& branch : *it) {
      const std::set<std::string> branchTypes = schemaTypes(branch);
      if (branchTypes.empty()) return {};  // a branch that accepts anything
      types.insert(branchTypes.begin(), branchTypes.end());
    }
  }
  if (types.empty() && schema.contains("properties")) types.insert("object");
  return types;
}

std::string valueType(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::boolean: return "boolean";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return "integer";
    case nlohmann::json::value_t::number_float: return "number";
    case nlohmann::json::value_t::string: return "string";
    case nlohmann::json::value_t::array: return "array";
    case nlohmann::json::value_t::object: return "object";
    default: return "string";  // binary and discarded values do not occur in records
  }
}

bool typeFits(const std::string& type, const std::set<std::string>& accepted) {
  if (accepted.empty() || accepted.count(type) != 0) return true;
  return type == "integer" && accepted.count("number") != 0;
}

std::string typeText(const std::set<std::string>& types) {
  if (types.empty()) return "any";
  std::string text;
  // Non-null types first: "integer | null" reads better than "null | integer".
  for (const std::string& t : types) {
    if (t == "null") continue;
    if (!text.empty()) text += " | ";
    text += t;
  }
  if (types.count("null") != 0) text += text.empty() ? "null" : " | null";
  return text;
}

}  // namespace manifold::builder
