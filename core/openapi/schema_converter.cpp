// Schema conversion: a depth- and size-bounded walk that inlines $refs and normalises the three
// ways documents spell "may be null".
#include "core/openapi/schema_converter.h"

#include <algorithm>
#include <unordered_set>

namespace manifold::openapi {
namespace {

constexpr int kMaxCompositionDepth = 16;

bool has(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

void addUnique(std::vector<std::string>& list, std::string item) {
  if (!has(list, item)) list.push_back(std::move(item));
}

// Type names as written, "null" included.
void collectTypes(RefResolver& resolver, Node node, std::vector<std::string>& out, int depth) {
  node = resolver.deref(node);
  if (!node || !node->is_object() || depth > kMaxCompositionDepth) return;
  if (auto type = node->find("type"); type != node->end()) {
    if (type->is_string()) addUnique(out, type->get<std::string>());
    if (type->is_array()) {
      for (const auto& t : *type) {
        if (t.is_string()) addUnique(out, t.get<std::string>());
      }
    }
    return;
  }
  for (const char* key : {"allOf", "oneOf", "anyOf"}) {
    auto list = node->find(key);
    if (list == node->end() || !list->is_array()) continue;
    for (const auto& member : *list) collectTypes(resolver, Node{&member, node.doc}, out, depth + 1);
  }
  if (out.empty() || (out.size() == 1 && out[0] == "null")) {
    if (node->contains("properties") || node->contains("additionalProperties")) addUnique(out, "object");
    else if (node->contains("items")) addUnique(out, "array");
  }
}

bool declaredNullable(RefResolver& resolver, Node node) {
  node = resolver.deref(node);
  if (!node || !node->is_object()) return false;
  for (const char* key : {"nullable", "x-nullable"}) {
    if (auto it = node->find(key); it != node->end() && it->is_boolean() && it->get<bool>()) return true;
  }
  std::vector<std::string> types;
  collectTypes(resolver, node, types, 0);
  return has(types, "null");
}

void collectProperties(RefResolver& resolver, Node node, std::vector<SchemaProperty>& out, int depth) {
  node = resolver.deref(node);
  if (!node || !node->is_object() || depth > kMaxCompositionDepth) return;
  std::vector<std::string> required;
  if (auto req = node->find("required"); req != node->end() && req->is_array()) {
    for (const auto& r : *req) {
      if (r.is_string()) required.push_back(r.get<std::string>());
    }
  }
  if (auto props = node->find("properties"); props != node->end() && props->is_object()) {
    for (auto it = props->begin(); it != props->end(); ++it) {
      auto existing = std::find_if(out.begin(), out.end(), [&](const SchemaProperty& p) { return p.name == it.key(); });
      if (existing == out.end()) out.push_back({it.key(), Node{&it.value(), node.doc}, false});
    }
  }
  // allOf parts are all true at once: their properties add up. oneOf/anyOf alternatives are
  // merged too, since a record may be any of them.
  for (const char* key : {"allOf", "oneOf", "anyOf"}) {
    auto list = node->find(key);
    if (list == node->end() || !list->is_array()) continue;
    for (const auto& member : *list) collectProperties(resolver, Node{&member, node.doc}, out, depth + 1);
  }
  for (auto& p : out) {
    if (has(required, p.name)) p.required = true;
  }
}

class Converter {
 public:
  Converter(RefResolver& resolver, const SchemaLimits& limits) : resolver_(resolver), limits_(limits) {}

  Json convert(Node node, int depth, bool nullable) {
    node = resolver_.deref(node);
    if (!node || !node->is_object()) return Json::object();
    ++nodes_;
    std::vector<std::string> types;
    collectTypes(resolver_, node, types, 0);
    if (declaredNullable(resolver_, node)) nullable = true;
    types.erase(std::remove(types.begin(), types.end(), "null"), types.end());

    Json out = Json::object();
    if (types.empty()) {
      // No type: any value (null included).
      return out;
    }
    if (nullable) types.push_back("null");
    out["type"] = types.size() == 1 ? Json(types[0]) : Json(types);
    if (auto format = node->find("format"); format != node->end() && format->is_string() && !has(types, "object") &&
                                            !has(types, "array")) {
      out["format"] = *format;
    }
    if (has(types, "object")) {
      out["additionalProperties"] = true;
      const bool open = depth >= limits_.maxDepth || nodes_ >= limits_.maxNodes || visiting_.count(node.json) > 0;
      if (!open) {
        visiting_.insert(node.json);
        Json properties = Json::object();
        for (const auto& p : objectProperties(resolver_, node)) {
          properties[p.name] = convert(p.schema, depth + 1, !p.required);
        }
        visiting_.erase(node.json);
        if (!properties.empty()) out["properties"] = std::move(properties);
      }
    }
    if (has(types, "array")) {
      if (auto items = node->find("items"); items != node->end() && items->is_object()) {
        const bool open = depth >= limits_.maxDepth || nodes_ >= limits_.maxNodes || visiting_.count(node.json) > 0;
        if (!open) {
          visiting_.insert(node.json);
          out["items"] = convert(Node{&*items, node.doc}, depth + 1, false);
          visiting_.erase(node.json);
        }
      }
    }
    return out;
  }

 private:
  RefResolver& resolver_;
  const SchemaLimits& limits_;
  std::size_t nodes_ = 0;
  std::unordered_set<const Json*> visiting_;
};

}  // namespace

std::vector<SchemaProperty> objectProperties(RefResolver& resolver, Node schema) {
  std::vector<SchemaProperty> out;
  collectProperties(resolver, schema, out, 0);
  return out;
}

std::vector<std::string> schemaTypes(RefResolver& resolver, Node schema) {
  std::vector<std::string> types;
  collectTypes(resolver, schema, types, 0);
  types.erase(std::remove(types.begin(), types.end(), "null"), types.end());
  if (types.empty()) {
    schema = resolver.deref(schema);
    if (schema && schema->is_object() && schema->contains("items")) types.push_back("array");
  }
  return types;
}

bool isObjectSchema(RefResolver& resolver, Node schema) { return has(schemaTypes(resolver, schema), "object"); }
bool isArraySchema(RefResolver& resolver, Node schema) { return has(schemaTypes(resolver, schema), "array"); }

Json convertRecordSchema(RefResolver& resolver, Node itemSchema, const SchemaLimits& limits) {
  Converter converter(resolver, limits);
  Json converted = converter.convert(itemSchema, 0, false);
  Json out = Json::object();
  out["$schema"] = "http://json-schema.org/draft-07/schema#";
  out["type"] = "object";
  out["additionalProperties"] = true;
  if (auto props = converted.find("properties"); props != converted.end()) out["properties"] = std::move(*props);
  return out;
}

}  // namespace manifold::openapi
