// Context: variable lookup with the reference engine's stream_slice aliases.
#include "core/interpolation/context.h"

namespace manifold::interpolation {

Context& Context::set(std::string name, Value value) {
  for (auto& [key, existing] : variables_) {
    if (key == name) {
      existing = std::move(value);
      return *this;
    }
  }
  variables_.emplace_back(std::move(name), std::move(value));
  return *this;
}

const Value* Context::find(std::string_view name) const {
  for (const auto& [key, value] : variables_) {
    if (key == name) return &value;
  }
  if (name == "stream_interval" || name == "stream_partition") return find("stream_slice");
  return nullptr;
}

Context Context::fromJsonObject(const nlohmann::json& object) {
  Context context;
  if (object.is_object()) {
    for (const auto& [key, value] : object.items()) context.borrow(key, value);
  }
  return context;
}

}  // namespace manifold::interpolation
