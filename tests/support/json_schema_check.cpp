// JsonSchemaCheck: a recursive walk of schema and document side by side.
#include "tests/support/json_schema_check.h"

#include <cmath>
#include <fstream>
#include <set>
#include <stdexcept>

namespace manifold::testing {
namespace {

bool hasType(const nlohmann::json& value, const std::string& type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "boolean") return value.is_boolean();
  if (type == "null") return value.is_null();
  if (type == "number") return value.is_number();
  if (type == "integer") {
    if (value.is_number_integer()) return true;
    // JSON Schema's integer is a number with no fraction, whatever its spelling.
    if (!value.is_number_float()) return false;
    const double number = value.get<double>();
    return std::isfinite(number) && std::trunc(number) == number;
  }
  throw std::invalid_argument("unknown JSON Schema type '" + type + "'");
}

std::string escapePointer(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

const std::set<std::string>& ignoredKeywords() {
  static const std::set<std::string> keys{"title", "description", "$comment", "$schema", "$id",
                                          "default", "examples", "format", "definitions"};
  return keys;
}

const std::set<std::string>& checkedKeywords() {
  static const std::set<std::string> keys{"type", "enum", "const", "required", "properties",
                                          "additionalProperties", "items", "minItems", "$ref", "allOf",
                                          "anyOf", "oneOf", "not", "if", "then", "else"};
  return keys;
}

}  // namespace

JsonSchemaCheck::JsonSchemaCheck(nlohmann::json schema) : schema_(std::move(schema)) {}

JsonSchemaCheck JsonSchemaCheck::fromFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read schema " + path.string());
  return JsonSchemaCheck(nlohmann::json::parse(in));
}

std::vector<std::string> JsonSchemaCheck::check(const nlohmann::json& document) const {
  std::vector<std::string> errors;
  checkAt(schema_, document, "", errors, 0);
  return errors;
}

const nlohmann::json& JsonSchemaCheck::resolve(const std::string& ref) const {
  if (ref.rfind("#", 0) != 0) throw std::invalid_argument("only local $refs are supported: " + ref);
  const std::string pointer = ref.substr(1);
  if (pointer.empty()) return schema_;
  return schema_.at(nlohmann::json::json_pointer(pointer));
}

void JsonSchemaCheck::checkAt(const nlohmann::json& schema, const nlohmann::json& value, const std::string& where,
                              std::vector<std::string>& errors, int depth) const {
  const std::string at = where.empty() ? "/" : where;
  if (depth > 200) {
    errors.push_back(at + ": schema nesting too deep (a $ref cycle?)");
    return;
  }
  if (schema.is_boolean()) {
    if (!schema.get<bool>()) errors.push_back(at + ": no value is allowed here");
    return;
  }
  for (const auto& [keyword, _] : schema.items()) {
    if (!ignoredKeywords().count(keyword) && !checkedKeywords().count(keyword)) {
      errors.push_back(at + ": the schema uses '" + keyword + "', which this checker does not support");
    }
  }
  if (auto ref = schema.find("$ref"); ref != schema.end()) {
    checkAt(resolve(ref->get<std::string>()), value, where, errors, depth + 1);
  }
  if (auto type = schema.find("type"); type != schema.end()) {
    bool matches = false;
    if (type->is_array()) {
      for (const auto& t : *type) matches = matches || hasType(value, t.get<std::string>());
    } else {
      matches = hasType(value, type->get<std::string>());
    }
    if (!matches) {
      errors.push_back(at + ": expected type " + type->dump() + ", found " + value.type_name());
      return;  // the other keywords would only repeat it
    }
  }
  if (auto values = schema.find("enum"); values != schema.end()) {
    bool found = false;
    for (const auto& allowed : *values) found = found || allowed == value;
    if (!found) errors.push_back(at + ": " + value.dump() + " is not one of " + values->dump());
  }
  if (auto constant = schema.find("const"); constant != schema.end() && *constant != value) {
    errors.push_back(at + ": expected " + constant->dump() + ", found " + value.dump());
  }
  if (value.is_object()) {
    if (auto required = schema.find("required"); required != schema.end()) {
      for (const auto& name : *required) {
        if (!value.contains(name.get<std::string>())) {
          errors.push_back(at + ": the required property '" + name.get<std::string>() + "' is missing");
        }
      }
    }
    const auto properties = schema.find("properties");
    const auto additional = schema.find("additionalProperties");
    for (const auto& [key, member] : value.items()) {
      const std::string path = where + "/" + escapePointer(key);
      if (properties != schema.end() && properties->contains(key)) {
        checkAt(properties->at(key), member, path, errors, depth + 1);
      } else if (additional != schema.end()) {
        checkAt(*additional, member, path, errors, depth + 1);
      }
    }
  }
  if (value.is_array()) {
    if (auto minItems = schema.find("minItems"); minItems != schema.end() && value.size() < minItems->get<std::size_t>()) {
      errors.push_back(at + ": expected at least " + minItems->dump() + " items, found " + std::to_string(value.size()));
    }
    if (auto items = schema.find("items"); items != schema.end()) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        checkAt(*items, value[i], where + "/" + std::to_string(i), errors, depth + 1);
      }
    }
  }
  auto passes = [&](const nlohmann::json& sub) {
    std::vector<std::string> local;
    checkAt(sub, value, where, local, depth + 1);
    return local.empty();
  };
  if (auto all = schema.find("allOf"); all != schema.end()) {
    for (const auto& sub : *all) checkAt(sub, value, where, errors, depth + 1);
  }
  if (auto any = schema.find("anyOf"); any != schema.end()) {
    bool ok = false;
    for (const auto& sub : *any) ok = ok || passes(sub);
    if (!ok) errors.push_back(at + ": matches none of anyOf");
  }
  if (auto one = schema.find("oneOf"); one != schema.end()) {
    int count = 0;
    for (const auto& sub : *one) count += passes(sub) ? 1 : 0;
    if (count != 1) errors.push_back(at + ": matches " + std::to_string(count) + " of oneOf, not exactly one");
  }
  if (auto negated = schema.find("not"); negated != schema.end() && passes(*negated)) {
    errors.push_back(at + ": matches a schema it must not");
  }
  if (auto condition = schema.find("if"); condition != schema.end()) {
    if (passes(*condition)) {
      if (auto then = schema.find("then"); then != schema.end()) checkAt(*then, value, where, errors, depth + 1);
    } else if (auto otherwise = schema.find("else"); otherwise != schema.end()) {
      checkAt(*otherwise, value, where, errors, depth + 1);
    }
  }
}

}  // namespace manifold::testing
