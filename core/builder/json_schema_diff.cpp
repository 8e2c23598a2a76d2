// diffSchemas: a walk over both schemas' properties and items.
#include "core/builder/json_schema_diff.h"

#include <set>

namespace manifold::builder {
namespace {

using nlohmann::json;

// The types a schema node allows, without null, integer folded into number; empty = any.
std::set<std::string> typesOf(const json& node) {
  std::set<std::string> out;
  auto addType = [&out](const json& type) {
    if (!type.is_string()) return;
    const auto& name = type.get_ref<const std::string&>();
    if (name == "null") return;
    out.insert(name == "integer" ? "number" : name);
  };
  if (!node.is_object()) return out;
  if (auto it = node.find("type"); it != node.end()) {
    if (it->is_array()) {
      for (const auto& t : *it) addType(t);
    } else {
      addType(*it);
    }
  }
  for (const char* combinator : {"anyOf", "oneOf"}) {
    if (auto it = node.find(combinator); it != node.end() && it->is_array()) {
      for (const auto& option : *it) {
        auto inner = typesOf(option);
        out.insert(inner.begin(), inner.end());
      }
    }
  }
  return out;
}

json typeKeyword(const json& node) {
  if (!node.is_object()) return nullptr;
  if (auto it = node.find("type"); it != node.end()) return *it;
  if (auto it = node.find("anyOf"); it != node.end()) return json{{"anyOf", *it}};
  return nullptr;
}

const json* child(const json& node, const char* key) {
  if (!node.is_object()) return nullptr;
  auto it = node.find(key);
  return it == node.end() ? nullptr : &*it;
}

void walk(const json& declared, const json& inferred, const std::string& path, std::vector<SchemaFieldChange>& out) {
  const auto declaredTypes = typesOf(declared);
  const auto inferredTypes = typesOf(inferred);
  if (!path.empty() && !declaredTypes.empty() && !inferredTypes.empty()) {
    bool covered = true;
    for (const auto& type : inferredTypes) {
      if (!declaredTypes.contains(type)) covered = false;
    }
    if (!covered) {
      out.push_back({SchemaFieldChange::Kind::TypeChanged, path, typeKeyword(declared), typeKeyword(inferred)});
      return;
    }
  }
  const json* declaredProps = child(declared, "properties");
  const json* inferredProps = child(inferred, "properties");
  const auto prefix = path.empty() ? std::string() : path + ".";
  if (inferredProps && inferredProps->is_object()) {
    for (const auto& [name, schema] : inferredProps->items()) {
      const json* match = declaredProps && declaredProps->is_object() && declaredProps->contains(name)
                              ? &(*declaredProps)[name] : nullptr;
      if (match) {
        walk(*match, schema, prefix + name, out);
      } else if (declaredProps) {  // a declared object without properties accepts any field
        out.push_back({SchemaFieldChange::Kind::Added, prefix + name, nullptr, typeKeyword(schema)});
      }
    }
  }
  if (declaredProps && declaredProps->is_object() && inferredProps && inferredProps->is_object()) {
    for (const auto& [name, schema] : declaredProps->items()) {
      if (!inferredProps->contains(name)) {
        out.push_back({SchemaFieldChange::Kind::Missing, prefix + name, typeKeyword(schema), nullptr});
      }
    }
  }
  const json* declaredItems = child(declared, "items");
  const json* inferredItems = child(inferred, "items");
  if (declaredItems && inferredItems) walk(*declaredItems, *inferredItems, path + "[]", out);
}

}  // namespace

std::vector<SchemaFieldChange> diffSchemas(const nlohmann::json& declared, const nlohmann::json& inferred) {
  std::vector<SchemaFieldChange> out;
  walk(declared, inferred, "", out);
  return out;
}

std::string_view schemaFieldChangeKindName(SchemaFieldChange::Kind kind) {
  switch (kind) {
    case SchemaFieldChange::Kind::Added: return "added";
    case SchemaFieldChange::Kind::Missing: return "missing";
    case SchemaFieldChange::Kind::TypeChanged: return "type_changed";
  }
  return "added";
}

nlohmann::json toJson(const std::vector<SchemaFieldChange>& changes) {
  json out = json::array();
  for (const auto& change : changes) {
    out.push_back({{"path", change.path},
                   {"change", schemaFieldChangeKindName(change.kind)},
                   {"declared_type", change.declaredType},
                   {"inferred_type", change.inferredType}});
  }
  return out;
}

}  // namespace manifold::builder
