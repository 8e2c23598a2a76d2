// ComponentNode accessors and the ordered → plain JSON conversion.
#include "core/engine/component_node.h"

#include "core/engine/engine_error.h"
#include "core/interpolation/template.h"

namespace manifold::engine {

nlohmann::json toPlainJson(const ManifestJson& node) {
  switch (node.type()) {
    case ManifestJson::value_t::object: {
      nlohmann::json out = nlohmann::json::object();
      for (const auto& [key, value] : node.items()) out[key] = toPlainJson(value);
      return out;
    }
    case ManifestJson::value_t::array: {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& value : node) out.push_back(toPlainJson(value));
      return out;
    }
    case ManifestJson::value_t::string: return node.get<std::string>();
    case ManifestJson::value_t::boolean: return node.get<bool>();
    case ManifestJson::value_t::number_integer: return node.get<std::int64_t>();
    case ManifestJson::value_t::number_unsigned: return node.get<std::uint64_t>();
    case ManifestJson::value_t::number_float: return node.get<double>();
    default: return nullptr;
  }
}

std::string pointerToken(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

void checkTemplateSyntax(const std::string& text, const std::string& pointer) {
  if (text.find("{{") == std::string::npos && text.find("{%") == std::string::npos) return;
  auto compiled = interpolation::TemplateCache::shared().get(text);
  if (!compiled) {
    throw BuildException("invalid template '" + text + "': " + compiled.error().describe(), pointer);
  }
}

std::string ComponentNode::type() const {
  if (!json_->is_object()) return {};
  auto it = json_->find("type");
  if (it == json_->end() || !it->is_string()) return {};
  return it->get<std::string>();
}

bool ComponentNode::has(std::string_view key) const {
  if (!json_->is_object()) return false;
  auto it = json_->find(key);
  return it != json_->end() && !it->is_null();
}

ComponentNode ComponentNode::child(std::string_view key) const {
  if (!has(key)) fail("missing required field '" + std::string(key) + "'");
  return ComponentNode(json_->find(key).value(), pointer_ + "/" + pointerToken(key));
}

ComponentNode ComponentNode::at(std::size_t index) const {
  if (!json_->is_array() || index >= json_->size()) fail("missing list element " + std::to_string(index));
  return ComponentNode((*json_)[index], pointer_ + "/" + std::to_string(index));
}

std::string ComponentNode::string(std::string_view key, std::string_view fallback) const {
  auto value = optionalString(key);
  return value ? *value : std::string(fallback);
}

std::optional<std::string> ComponentNode::optionalString(std::string_view key) const {
  if (!has(key)) return std::nullopt;
  const auto& value = json_->find(key).value();
  if (value.is_string()) return value.get<std::string>();
  // YAML scalars such as `page_size: 50` or `backoff_time_in_seconds: 1.5` are used as text.
  if (value.is_number() || value.is_boolean()) {
    if (value.is_boolean()) return value.get<bool>() ? "True" : "False";
    return value.dump();
  }
  failAt(key, "must be a string");
}

bool ComponentNode::boolean(std::string_view key, bool fallback) const {
  if (!has(key)) return fallback;
  const auto& value = json_->find(key).value();
  if (value.is_boolean()) return value.get<bool>();
  failAt(key, "must be true or false");
}

nlohmann::json ComponentNode::plain(std::string_view key) const {
  if (!has(key)) return nullptr;
  return toPlainJson(json_->find(key).value());
}

nlohmann::json ComponentNode::parameters() const {
  if (json_->is_object()) {
    auto it = json_->find("$parameters");
    if (it != json_->end() && it->is_object()) return toPlainJson(*it);
  }
  return nlohmann::json::object();
}

interpolation::InterpolatedString ComponentNode::interpolated(std::string_view key, std::string_view fallback) const {
  std::string text = string(key, fallback);
  checkTemplateSyntax(text, pointer_ + "/" + pointerToken(key));
  return interpolation::InterpolatedString(std::move(text));
}

void ComponentNode::fail(const std::string& message) const { throw BuildException(message, pointer_); }

void ComponentNode::failAt(std::string_view key, const std::string& message) const {
  throw BuildException("'" + std::string(key) + "' " + message, pointer_ + "/" + pointerToken(key));
}

}  // namespace manifold::engine
