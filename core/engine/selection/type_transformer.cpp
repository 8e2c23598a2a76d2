// TypeTransformer: a jsonschema Draft 7 walk restricted to type, $ref, properties and items,
// normalizing each property or item before descending into it, as the reference's validator
// hooks do. Casts follow Python: str() (True → "True", objects as repr), float(), int()
// (1.9 → 1, "1.5" stays), strtobool for strings, a lone simple value wrapped into a list.
#include "core/engine/selection/type_transformer.h"

#include "core/engine/template_eval.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <vector>

namespace manifold::engine {
namespace {

using Json = nlohmann::json;

std::string stripAscii(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t\n\r\f\v");
  if (begin == std::string::npos) return {};
  const auto end = text.find_last_not_of(" \t\n\r\f\v");
  return text.substr(begin, end - begin + 1);
}

// Python allows single underscores between digits in numeric literals given to int()/float().
std::optional<std::string> dropUnderscores(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_') {
      const bool ok = i > 0 && i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i - 1])) &&
                      std::isdigit(static_cast<unsigned char>(text[i + 1]));
      if (!ok) return std::nullopt;
      continue;
    }
    out += text[i];
  }
  return out;
}

std::optional<double> pythonFloat(const std::string& raw) {
  auto text = dropUnderscores(stripAscii(raw));
  if (!text || text->empty()) return std::nullopt;
  std::string lower;
  for (char c : *text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view body = lower;
  const bool negative = !body.empty() && body.front() == '-';
  if (!body.empty() && (body.front() == '-' || body.front() == '+')) body.remove_prefix(1);
  if (body == "inf" || body == "infinity") return negative ? -HUGE_VAL : HUGE_VAL;
  if (body == "nan") return std::numeric_limits<double>::quiet_NaN();
  // strtod also reads hex floats and "nan(...)", which Python's float() refuses.
  for (char c : body) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != 'e' && c != '+' && c != '-') return std::nullopt;
  }
  char* end = nullptr;
  errno = 0;
  const double value = std::strtod(text->c_str(), &end);
  if (end != text->c_str() + text->size()) return std::nullopt;
  return value;
}

std::optional<Json> pythonIntFromString(const std::string& raw) {
  auto text = dropUnderscores(stripAscii(raw));
  if (!text || text->empty()) return std::nullopt;
  std::size_t i = 0;
  const bool negative = (*text)[0] == '-';
  if ((*text)[0] == '-' || (*text)[0] == '+') i = 1;
  if (i == text->size()) return std::nullopt;
  for (std::size_t k = i; k < text->size(); ++k) {
    if (!std::isdigit(static_cast<unsigned char>((*text)[k]))) return std::nullopt;
  }
  errno = 0;
  if (negative) {
    const long long v = std::strtoll(text->c_str(), nullptr, 10);
    if (errno == ERANGE) return std::nullopt;  // beyond 64 bits: kept as it was
    return Json(static_cast<std::int64_t>(v));
  }
  const unsigned long long v = std::strtoull(text->c_str() + i, nullptr, 10);
  if (errno == ERANGE) return std::nullopt;
  if (v <= static_cast<unsigned long long>(std::numeric_limits<std::int64_t>::max())) {
    return Json(static_cast<std::int64_t>(v));
  }
  return Json(static_cast<std::uint64_t>(v));
}

bool truthy(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null: return false;
    case Json::value_t::boolean: return value.get<bool>();
    case Json::value_t::number_integer: return value.get<std::int64_t>() != 0;
    case Json::value_t::number_unsigned: return value.get<std::uint64_t>() != 0;
    case Json::value_t::number_float: return value.get<double>() != 0.0;
    case Json::value_t::string: return !value.get_ref<const std::string&>().empty();
    default: return !value.empty();
  }
}

bool isSimple(const Json& value) {
  return value.is_null() || value.is_boolean() || value.is_number() || value.is_string();
}

bool isSimpleTypeName(const std::string& name) {
  return name == "string" || name == "number" || name == "integer" || name == "boolean" || name == "null";
}

// jsonschema's Draft 7 type checker.
bool hasType(const Json& value, const std::string& type) {
  if (type == "string") return value.is_string();
  if (type == "number") return value.is_number();
  if (type == "integer") {
    if (value.is_number_integer()) return true;
    if (value.is_number_float()) {
      const double d = value.get<double>();
      return std::isfinite(d) && std::floor(d) == d;
    }
    return false;
  }
  if (type == "boolean") return value.is_boolean();
  if (type == "null") return value.is_null();
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  return true;  // an unknown type name: nothing to report
}

// The reference's _get_type_structure, as the JSON it prints with str().
Json typeStructure(const Json& value, int depth) {
  if (value.is_null()) return "null";
  if (depth >= 3) {
    if (value.is_object()) return "object";
  } else if (value.is_object()) {
    Json out = Json::object();
    for (auto it = value.begin(); it != value.end(); ++it) out[it.key()] = typeStructure(it.value(), depth + 1);
    return out;
  }
  if (value.is_boolean()) return "boolean";
  if (value.is_number_float()) return "number";
  if (value.is_number()) return "integer";
  if (value.is_string()) return "string";
  if (value.is_array()) return "array";
  return "object";
}

const Json* resolveLocalRef(const Json& root, const std::string& ref) {
  if (ref.empty() || ref[0] != '#') return nullptr;
  try {
    const Json::json_pointer pointer(ref.substr(1));
    if (!root.contains(pointer)) return nullptr;
    return &root.at(pointer);
  } catch (const Json::exception&) {
    return nullptr;
  }
}

}  // namespace

Json TypeTransformer::defaultConvert(const Json& value, const Json& subschema) {
  if (!subschema.is_object()) return value;
  const auto typeIt = subschema.find("type");
  const Json type = typeIt == subschema.end() ? Json::array() : *typeIt;
  // `"null" in target_type`: membership for a list, a substring test for a string.
  const bool nullAllowed = type.is_array() ? std::find(type.begin(), type.end(), Json("null")) != type.end()
                                           : type.is_string() && type.get<std::string>().find("null") != std::string::npos;
  if (value.is_null() && nullAllowed) return nullptr;
  std::string target;
  if (type.is_array()) {
    std::vector<std::string> rest;
    for (const auto& t : type) {
      if (!(t.is_string() && t.get<std::string>() == "null")) rest.push_back(t.is_string() ? t.get<std::string>() : t.dump());
    }
    if (rest.size() != 1) return value;
    target = rest.front();
  } else if (type.is_string()) {
    target = type.get<std::string>();
  } else {
    return value;
  }

  if (target == "string") return pythonStr(value);
  if (target == "number") {
    if (value.is_boolean()) return value.get<bool>() ? 1.0 : 0.0;
    if (value.is_number()) return value.get<double>();
    if (value.is_string()) {
      if (auto d = pythonFloat(value.get<std::string>())) return *d;
    }
    return value;
  }
  if (target == "integer") {
    if (value.is_boolean()) return value.get<bool>() ? 1 : 0;
    if (value.is_number_integer()) return value;
    if (value.is_number_float()) {
      const double d = std::trunc(value.get<double>());
      // int() of nan fails; inf and values past 64 bits are kept as they are here.
      if (!std::isfinite(d) || std::fabs(d) >= 9.2e18) return value;
      return static_cast<std::int64_t>(d);
    }
    if (value.is_string()) {
      if (auto i = pythonIntFromString(value.get<std::string>())) return *i;
    }
    return value;
  }
  if (target == "boolean") {
    if (value.is_string()) {
      std::string text = stripAscii(value.get<std::string>());
      for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (text == "y" || text == "yes" || text == "t" || text == "true" || text == "on" || text == "1") return true;
      if (text == "n" || text == "no" || text == "f" || text == "false" || text == "off" || text == "0") return false;
      return value;
    }
    return truthy(value);
  }
  if (target == "array") {
    // set(items.get("type", set())) must be a subset of the simple type names; a string type
    // gives its characters, so {"items": {"type": "string"}} never wraps (the reference's quirk).
    bool itemsSimple = true;
    const auto itemsIt = subschema.find("items");
    if (itemsIt != subschema.end()) {
      if (!itemsIt->is_object()) return value;
      const auto itemType = itemsIt->find("type");
      if (itemType != itemsIt->end()) {
        if (itemType->is_string()) {
          itemsSimple = itemType->get<std::string>().empty();
        } else if (itemType->is_array()) {
          for (const auto& t : *itemType) {
            if (!t.is_string() || !isSimpleTypeName(t.get<std::string>())) itemsSimple = false;
          }
        } else {
          itemsSimple = false;
        }
      }
    }
    if (itemsSimple && isSimple(value)) return Json::array({value});
    return value;
  }
  return value;
}

void TypeTransformer::transform(Json& record, const std::function<void(const std::string&)>& warn) const {
  if (schema_.is_null() || (schema_.is_object() && schema_.empty())) return;  // `if schema:`
  std::vector<std::string> path;
  walk(record, schema_, path, warn, 0);
}

void TypeTransformer::walk(Json& instance, const Json& schema, std::vector<std::string>& path,
                           const std::function<void(const std::string&)>& warn, int refDepth) const {
  if (!schema.is_object()) return;
  if (const auto ref = schema.find("$ref"); ref != schema.end()) {
    // Draft 7: $ref replaces its siblings. Only references inside the schema are followed.
    if (ref->is_string() && refDepth < 32) {
      if (const Json* target = resolveLocalRef(schema_, ref->get<std::string>())) walk(instance, *target, path, warn, refDepth + 1);
    }
    return;
  }
  if (const auto properties = schema.find("properties"); properties != schema.end() && properties->is_object() &&
                                                         instance.is_object()) {
    for (auto it = properties->begin(); it != properties->end(); ++it) {
      auto field = instance.find(it.key());
      if (field == instance.end()) continue;
      *field = defaultConvert(*field, it.value());
      path.push_back(it.key());
      walk(*field, it.value(), path, warn, refDepth);
      path.pop_back();
    }
  }
  if (const auto items = schema.find("items"); items != schema.end() && instance.is_array()) {
    for (std::size_t i = 0; i < instance.size(); ++i) {
      if (items->is_object()) {
        instance[i] = defaultConvert(instance[i], *items);
        path.push_back(std::to_string(i));
        walk(instance[i], *items, path, warn, refDepth);
        path.pop_back();
      } else if (items->is_array() && i < items->size()) {
        path.push_back(std::to_string(i));
        walk(instance[i], (*items)[i], path, warn, refDepth);
        path.pop_back();
      }
    }
  }
  if (const auto type = schema.find("type"); type != schema.end() && warn) {
    bool matches = false;
    if (type->is_string()) {
      matches = hasType(instance, type->get<std::string>());
    } else if (type->is_array()) {
      for (const auto& t : *type) {
        if (t.is_string() && hasType(instance, t.get<std::string>())) matches = true;
      }
    } else {
      matches = true;
    }
    if (!matches) {
      std::string where;
      for (std::size_t i = 0; i < path.size(); ++i) where += (i ? "." : "") + path[i];
      warn("Failed to transform value from type '" + pythonStr(typeStructure(instance, 0)) + "' to type '" +
           pythonStr(*type) + "' at path: '" + where + "'");
    }
  }
}

}  // namespace manifold::engine
