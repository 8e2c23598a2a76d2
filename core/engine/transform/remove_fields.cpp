// RemoveFields: missing paths are ignored; a matched list element becomes null rather than being
// removed, as dpath.delete leaves it (REFERENCE-NOTES 10.3).
#include "core/engine/transform/remove_fields.h"

#include <charconv>

namespace manifold::engine {

bool RemoveFields::shouldRemove(const nlohmann::json& value) const {
  if (!condition_) return true;
  interpolation::Context context;
  context.borrow("config", *config_).borrow("parameters", parameters_).borrow("property", value);
  return evalConditionOrThrow(*condition_, context, "the RemoveFields condition");
}

void RemoveFields::remove(nlohmann::json& node, const std::vector<std::string>& pointer, std::size_t depth) const {
  const std::string& segment = pointer[depth];
  const bool last = depth + 1 == pointer.size();
  if (segment == "**") {
    // Zero levels: the rest of the pointer applies here; then every deeper level.
    if (!last) remove(node, pointer, depth + 1);
    if (node.is_object() || node.is_array()) {
      for (auto& child : node) remove(child, pointer, depth);
    }
    if (last && node.is_object()) {
      for (auto it = node.begin(); it != node.end();) {
        if (shouldRemove(*it)) {
          it = node.erase(it);
        } else {
          ++it;
        }
      }
    }
    return;
  }
  if (node.is_object()) {
    if (segment == "*") {
      for (auto it = node.begin(); it != node.end();) {
        if (last) {
          if (shouldRemove(*it)) {
            it = node.erase(it);
            continue;
          }
        } else {
          remove(*it, pointer, depth + 1);
        }
        ++it;
      }
      return;
    }
    auto it = node.find(segment);
    if (it == node.end()) return;
    if (last) {
      if (shouldRemove(*it)) node.erase(it);
    } else {
      remove(*it, pointer, depth + 1);
    }
    return;
  }
  if (node.is_array()) {
    auto visit = [&](nlohmann::json& element) {
      if (last) {
        if (shouldRemove(element)) element = nullptr;
      } else {
        remove(element, pointer, depth + 1);
      }
    };
    if (segment == "*") {
      for (auto& element : node) visit(element);
      return;
    }
    std::size_t index = 0;
    auto [ptr, ec] = std::from_chars(segment.data(), segment.data() + segment.size(), index);
    if (segment.empty() || ec != std::errc() || ptr != segment.data() + segment.size() || index >= node.size()) return;
    visit(node[index]);
  }
}

void RemoveFields::transform(nlohmann::json& record, const nlohmann::json&) const {
  for (const auto& pointer : pointers_) {
    if (!pointer.empty()) remove(record, pointer, 0);
  }
}

}  // namespace manifold::engine
