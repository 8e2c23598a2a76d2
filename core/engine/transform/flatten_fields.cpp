// FlattenFields: the reference's stack walk. A key gets its parent path only when it is already
// in the output at the time it is queued, or once any list element has been queued (a flag that
// stays on); the stack pops last-in-first-out, so a later leaf under a taken key overwrites it.
// Empty objects and lists leave nothing behind.
#include "core/engine/transform/flatten_fields.h"

#include <string>
#include <utility>
#include <vector>

namespace manifold::engine {

void FlattenFields::transform(nlohmann::json& record, const nlohmann::json&) const {
  if (!record.is_object()) return;
  nlohmann::json out = nlohmann::json::object();
  std::vector<std::pair<nlohmann::json*, std::string>> stack;
  stack.emplace_back(&record, "_");
  bool withParentName = false;
  while (!stack.empty()) {
    auto [node, parentKey] = std::move(stack.back());
    stack.pop_back();
    if (node->is_object()) {
      for (auto it = node->begin(); it != node->end(); ++it) {
        const bool taken = out.contains(it.key());
        stack.emplace_back(&it.value(), taken || withParentName ? parentKey + "." + it.key() : it.key());
      }
    } else if (node->is_array() && flattenLists_) {
      for (std::size_t i = 0; i < node->size(); ++i) {
        withParentName = true;
        stack.emplace_back(&(*node)[i], parentKey + "." + std::to_string(i));
      }
    } else {
      out[parentKey] = std::move(*node);
    }
  }
  record = std::move(out);
}

}  // namespace manifold::engine
