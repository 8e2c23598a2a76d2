// SchemaInferrer: genson's merge (SchemaNode with one strategy per JSON type) followed by the
// reference's clean-up passes (_clean, _add_required_properties), rule for rule.
#include "core/builder/schema_inferrer.h"

#include <algorithm>
#include <map>
#include <set>

namespace manifold::builder {

using nlohmann::json;

// One schema position: which JSON types were seen there, with the merged children of objects and
// arrays. Objects and arrays remember the order they first appeared in, as genson's strategies do.
struct SchemaInferrer::Node {
  std::set<std::string> scalarTypes;  // null, boolean, number, string
  enum class Kind { Array, Object };
  std::vector<Kind> containers;  // in the order they first appeared
  std::unique_ptr<Node> items;   // every element of every array seen here
  bool itemsSeen = false;
  std::vector<std::string> propertyOrder;
  std::map<std::string, std::unique_ptr<Node>> properties;

  void noteContainer(Kind kind) {
    if (std::find(containers.begin(), containers.end(), kind) == containers.end()) containers.push_back(kind);
  }

  void add(const json& value) {
    switch (value.type()) {
      case json::value_t::null: scalarTypes.insert("null"); break;
      case json::value_t::boolean: scalarTypes.insert("boolean"); break;
      // IntegerToNumber: the reference never reports "integer".
      case json::value_t::number_integer:
      case json::value_t::number_unsigned:
      case json::value_t::number_float: scalarTypes.insert("number"); break;
      case json::value_t::string: scalarTypes.insert("string"); break;
      case json::value_t::array:
        noteContainer(Kind::Array);
        for (const auto& item : value) {
          if (!items) items = std::make_unique<Node>();
          items->add(item);
          itemsSeen = true;
        }
        break;
      case json::value_t::object:
        noteContainer(Kind::Object);
        for (const auto& [key, child] : value.items()) {
          auto& slot = properties[key];
          if (!slot) {
            slot = std::make_unique<Node>();
            propertyOrder.push_back(key);
          }
          slot->add(child);
        }
        break;
      default: scalarTypes.insert("string"); break;  // binary: not produced by JSON parsing
    }
  }

  // genson's SchemaNode.to_schema: schemas that are only {"type": T} merge into one type list
  // (sorted), the others follow; several results become an anyOf.
  json toSchema() const {
    std::set<std::string> simple = scalarTypes;
    std::vector<json> complex;
    for (Kind kind : containers) {
      if (kind == Kind::Array) {
        if (items && itemsSeen) {
          complex.push_back({{"type", "array"}, {"items", items->toSchema()}});
        } else {
          simple.insert("array");
        }
      } else if (properties.empty()) {
        simple.insert("object");
      } else {
        json props = json::object();
        for (const auto& key : propertyOrder) props[key] = properties.at(key)->toSchema();
        complex.push_back({{"type", "object"}, {"properties", std::move(props)}});
      }
    }
    std::vector<json> schemas;
    if (simple.size() == 1) {
      schemas.push_back({{"type", *simple.begin()}});
    } else if (simple.size() > 1) {
      schemas.push_back({{"type", json(std::vector<std::string>(simple.begin(), simple.end()))}});
    }
    for (auto& schema : complex) schemas.push_back(std::move(schema));
    if (schemas.empty()) return json::object();
    if (schemas.size() == 1) return std::move(schemas.front());
    return {{"anyOf", std::move(schemas)}};
  }
};

namespace {

const json kNullTypeSchema = {{"type", "null"}};

// _clean_any_of: an anyOf of one type and null becomes that type made nullable; a larger anyOf
// gets a placeholder type that _clean removes again at the end.
void cleanAnyOf(json& node) {
  auto& anyOf = node["anyOf"];
  const bool hasNull = std::find(anyOf.begin(), anyOf.end(), kNullTypeSchema) != anyOf.end();
  if (anyOf.size() == 2 && hasNull) {
    json real = anyOf[0] == kNullTypeSchema ? anyOf[1] : anyOf[0];
    node.erase("anyOf");
    node.update(real);
    node["type"] = json::array({node["type"], "null"});
  } else if (anyOf.size() > 1) {
    node["type"] = json::array({"null"});
  }
}

void clean(json& node);

// _clean_properties: a field that was only ever null says nothing about its type; it is dropped.
void cleanProperties(json& properties) {
  for (auto it = properties.begin(); it != properties.end();) {
    if (it->is_object() && it->value("type", json()) == "null") {
      it = properties.erase(it);
    } else {
      clean(*it);
      ++it;
    }
  }
}

// _ensure_null_type_on_top: every type is nullable, with "null" last.
void ensureNullLast(json& node) {
  auto it = node.find("type");
  if (it == node.end()) return;
  if (it->is_array()) {
    it->erase(std::remove(it->begin(), it->end(), json("null")), it->end());
    it->push_back("null");
  } else {
    *it = json::array({*it, "null"});
  }
}

void clean(json& node) {
  if (!node.is_object()) return;
  if (node.contains("anyOf")) cleanAnyOf(node);
  if (auto it = node.find("properties"); it != node.end() && it->is_object()) cleanProperties(*it);
  if (auto it = node.find("items"); it != node.end()) clean(*it);
  ensureNullLast(node);
  if (node.contains("anyOf")) node.erase("type");
}

void removeNullFromType(json& node) {
  auto it = node.find("type");
  if (it == node.end() || !it->is_array()) return;
  it->erase(std::remove(it->begin(), it->end(), json("null")), it->end());
  if (it->size() == 1) *it = json((*it)[0]);
}

std::string describePath(const std::vector<std::string>& path) {
  json list = path;
  return list.dump();
}

// _add_field_as_required: walks the path, marking each step required and non-nullable.
void addRequired(json& node, const std::vector<std::string>& path, std::size_t at, std::vector<std::string>& problems) {
  removeNullFromType(node);
  if (at == path.size()) return;
  const std::vector<std::string> traveled(path.begin(), path.begin() + static_cast<std::ptrdiff_t>(at));
  auto props = node.find("properties");
  if (props == node.end() || !props->is_object()) {
    problems.push_back("Path " + describePath(traveled) + " does not refer to an object, so " + describePath(path) +
                       " can't be marked as required.");
    return;
  }
  const std::string& next = path[at];
  if (!props->contains(next)) {
    problems.push_back("Path " + describePath(traveled) + " does not have field `" + next +
                       "` in the schema and hence can't be marked as required.");
    return;
  }
  if (node.value("type", json()) != "object") {
    problems.push_back("Path " + describePath(traveled) + " is expected to be an object but is " +
                       node.value("type", json()).dump());
    return;
  }
  auto& required = node["required"];
  if (!required.is_array()) required = json::array();
  if (std::find(required.begin(), required.end(), json(next)) == required.end()) required.push_back(next);
  addRequired((*props)[next], path, at + 1, problems);
}

}  // namespace

SchemaInferrer::SchemaInferrer() : root_(std::make_unique<Node>()) {}
SchemaInferrer::~SchemaInferrer() = default;
SchemaInferrer::SchemaInferrer(SchemaInferrer&&) noexcept = default;
SchemaInferrer& SchemaInferrer::operator=(SchemaInferrer&&) noexcept = default;

void SchemaInferrer::accumulate(const nlohmann::json& record) {
  root_->add(record);
  ++records_;
}

SchemaInferrer::Inferred SchemaInferrer::infer() const {
  Inferred out;
  if (records_ == 0) return out;
  json schema = root_->toSchema();
  clean(schema);
  schema["type"] = "object";  // the root is never nullable
  schema["$schema"] = "http://json-schema.org/schema#";
  for (const auto& path : requiredPaths_) addRequired(schema, path, 0, out.problems);
  out.schema = std::move(schema);
  return out;
}

}  // namespace manifold::builder
