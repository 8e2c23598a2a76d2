// ConfigField: spec.connection_specification as a tree of form fields.
#include "core/config/config_field.h"

#include "core/manifest/json_pointer.h"

#include <algorithm>

namespace manifold::config {

using Spec = nlohmann::ordered_json;

namespace {

constexpr int kMaxDepth = 64;  // specs are user data: no unbounded recursion

std::string stringOf(const Spec& node, const char* key) {
  auto it = node.find(key);
  return it != node.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool flagOf(const Spec& node, const char* key) {
  auto it = node.find(key);
  return it != node.end() && it->is_boolean() && it->get<bool>();
}

std::optional<double> numberOf(const Spec& node, const char* key) {
  auto it = node.find(key);
  if (it == node.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

nlohmann::json plain(const Spec& node) { return nlohmann::json::parse(node.dump()); }

// "type": "string" or ["null", "string"]: the first type that is not null.
std::string declaredType(const Spec& node) {
  auto it = node.find("type");
  if (it == node.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_array()) {
    for (const auto& t : *it) {
      if (t.is_string() && t.get<std::string>() != "null") return t.get<std::string>();
    }
  }
  return {};
}

ConfigField parseField(const Spec& schema, std::string key, std::string pointer, int depth);

void parseProperties(const Spec& schema, ConfigField& object, int depth) {
  auto props = schema.find("properties");
  if (props == schema.end() || !props->is_object()) return;
  std::vector<std::string> required;
  if (auto req = schema.find("required"); req != schema.end() && req->is_array()) {
    for (const auto& r : *req) {
      if (r.is_string()) required.push_back(r.get<std::string>());
    }
  }
  struct Ordered {
    ConfigField field;
    std::optional<double> order;
  };
  std::vector<Ordered> ordered;
  for (const auto& [name, sub] : props->items()) {
    ConfigField field = parseField(sub, name, manifest::childPointer(object.pointer, name), depth + 1);
    field.required = std::find(required.begin(), required.end(), name) != required.end();
    ordered.push_back({std::move(field), sub.is_object() ? numberOf(sub, "order") : std::nullopt});
  }
  // `order` first (stable), then the properties without one in the spec's order.
  std::stable_sort(ordered.begin(), ordered.end(), [](const Ordered& a, const Ordered& b) {
    if (a.order && b.order) return *a.order < *b.order;
    return a.order.has_value() && !b.order.has_value();
  });
  for (auto& o : ordered) object.fields.push_back(std::move(o.field));
}

ConfigField parseField(const Spec& schema, std::string key, std::string pointer, int depth) {
  ConfigField field;
  field.key = std::move(key);
  field.pointer = std::move(pointer);
  field.title = field.key;
  if (!schema.is_object() || depth > kMaxDepth) {
    field.schema = schema;
    return field;
  }
  field.schema = schema;
  if (std::string title = stringOf(schema, "title"); !title.empty()) field.title = std::move(title);
  field.description = stringOf(schema, "description");
  field.secret = flagOf(schema, "airbyte_secret");
  field.multiline = flagOf(schema, "multiline");
  field.hidden = flagOf(schema, "airbyte_hidden");
  field.format = stringOf(schema, "format");
  field.pattern = stringOf(schema, "pattern");
  field.patternDescriptor = stringOf(schema, "pattern_descriptor");
  field.minimum = numberOf(schema, "minimum");
  field.maximum = numberOf(schema, "maximum");
  if (auto it = schema.find("default"); it != schema.end()) field.defaultValue = plain(*it);
  if (auto it = schema.find("examples"); it != schema.end() && it->is_array()) field.examples = plain(*it);
  if (auto it = schema.find("const"); it != schema.end()) field.constValue = plain(*it);

  const std::string type = declaredType(schema);
  const auto oneOf = schema.find("oneOf");
  const auto enumValues = schema.find("enum");
  if (oneOf != schema.end() && oneOf->is_array() && (type.empty() || type == "object")) {
    field.kind = FieldKind::OneOf;
    int index = 0;
    for (const auto& option : *oneOf) {
      ConfigField branch = parseField(option, std::string(), field.pointer, depth + 1);
      branch.kind = FieldKind::Object;
      if (branch.title.empty()) {
        // Untitled options are named by their discriminator's value, as the web form does.
        for (const auto& f : branch.fields) {
          if (f.constValue.is_string()) branch.title = f.constValue.get<std::string>();
        }
      }
      if (branch.title.empty()) branch.title = "Option " + std::to_string(index + 1);
      field.options.push_back(std::move(branch));
      ++index;
    }
  } else if (enumValues != schema.end() && enumValues->is_array() && type != "array") {
    field.kind = FieldKind::Enum;
    field.enumValues = plain(*enumValues);
  } else if (type == "string") {
    field.kind = FieldKind::String;
  } else if (type == "integer") {
    field.kind = FieldKind::Integer;
  } else if (type == "number") {
    field.kind = FieldKind::Number;
  } else if (type == "boolean") {
    field.kind = FieldKind::Boolean;
  } else if (type == "array") {
    field.kind = FieldKind::List;
    const auto items = schema.find("items");
    Spec itemSchema = items != schema.end() && items->is_object() ? *items : Spec{{"type", "string"}};
    field.items.push_back(parseField(itemSchema, std::string(), std::string(), depth + 1));
    if (field.items.front().title.empty()) field.items.front().title = field.title;
  } else if (type == "object" || schema.contains("properties")) {
    field.kind = FieldKind::Object;
  } else if (!field.constValue.is_null()) {
    field.kind = FieldKind::String;
  }
  if (field.kind == FieldKind::Object) parseProperties(schema, field, depth);
  return field;
}

}  // namespace

int ConfigField::matchingOption(const nlohmann::json& value) const {
  if (!value.is_object()) return -1;
  for (std::size_t i = 0; i < options.size(); ++i) {
    bool any = false;
    bool all = true;
    for (const auto& f : options[i].fields) {
      if (f.constValue.is_null()) continue;
      any = true;
      auto it = value.find(f.key);
      if (it == value.end() || *it != f.constValue) all = false;
    }
    if (any && all) return static_cast<int>(i);
  }
  return -1;
}

std::string ConfigField::hint() const {
  if (examples.is_array() && !examples.empty()) {
    const auto& first = examples.front();
    if (first.is_array()) {
      std::string joined;
      for (const auto& e : first) joined += (joined.empty() ? "" : ", ") + displayText(e);
      return joined;
    }
    return displayText(first);
  }
  if (!defaultValue.is_null()) return displayText(defaultValue);
  return {};
}

ConfigField parseConnectionSpecification(const Spec& connectionSpecification) {
  ConfigField root = parseField(connectionSpecification, std::string(), std::string(), 0);
  if (root.kind != FieldKind::OneOf) root.kind = FieldKind::Object;
  root.title.clear();
  return root;
}

ConfigField parseConnectionSpecification(const nlohmann::json& connectionSpecification) {
  return parseConnectionSpecification(Spec::parse(connectionSpecification.dump()));
}

ConfigField withPointerPrefix(ConfigField field, const std::string& prefix) {
  field.pointer = prefix + field.pointer;
  for (auto& f : field.fields) f = withPointerPrefix(std::move(f), prefix);
  for (auto& o : field.options) o = withPointerPrefix(std::move(o), prefix);
  return field;  // items stay relative to their element
}

std::string displayText(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return {};
  return value.dump();
}

}  // namespace manifold::config
