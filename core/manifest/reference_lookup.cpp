// Reference path lookup (mirrors ManifestReferenceResolver._read_ref_value).
#include "core/manifest/reference_lookup.h"

#include "core/manifest/json_pointer.h"

#include <charconv>

namespace manifold::manifest {

const Json* lookupReference(const Json& root, std::string_view path, std::string* targetPointer) {
  const Json* node = &root;
  std::string pointer;
  while (!path.empty()) {
    if (node->is_object()) {
      auto it = node->find(std::string(path));
      if (it != node->end()) {
        appendPointerToken(pointer, path);
        node = &*it;
        break;
      }
    }
    const auto slash = path.find('/');
    const std::string_view head = path.substr(0, slash);
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
    if (node->is_object()) {
      auto it = node->find(std::string(head));
      if (it == node->end()) {
        if (targetPointer) *targetPointer = pointer;
        return nullptr;
      }
      appendPointerToken(pointer, head);
      node = &*it;
    } else if (node->is_array()) {
      std::size_t index = 0;
      const auto [end, ec] = std::from_chars(head.data(), head.data() + head.size(), index);
      if (head.empty() || ec != std::errc() || end != head.data() + head.size() || index >= node->size()) {
        if (targetPointer) *targetPointer = pointer;
        return nullptr;
      }
      pointer += '/';
      pointer += std::to_string(index);
      node = &(*node)[index];
    } else {
      if (targetPointer) *targetPointer = pointer;
      return nullptr;
    }
  }
  if (targetPointer) *targetPointer = pointer;
  return node;
}

}  // namespace manifold::manifest
