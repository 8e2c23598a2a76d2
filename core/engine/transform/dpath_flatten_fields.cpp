// DpathFlattenFields: dpath.get for a plain path, the first of dpath.values with "*"; the
// origin is deleted with dpath.delete (every match of a "*" path), a list element becoming null.
#include "core/engine/transform/dpath_flatten_fields.h"

#include "core/engine/selection/dpath_extractor.h"

#include <algorithm>
#include <charconv>

namespace manifold::engine {
namespace {

const nlohmann::json* firstMatch(const nlohmann::json& node, const std::vector<std::string>& path, std::size_t depth) {
  if (depth == path.size()) return &node;
  const std::string& segment = path[depth];
  if (segment == "*") {
    if (!node.is_object() && !node.is_array()) return nullptr;
    for (const auto& child : node) {
      if (const auto* found = firstMatch(child, path, depth + 1)) return found;
    }
    return nullptr;
  }
  const nlohmann::json* child = findAtPath(node, {segment});
  return child ? firstMatch(*child, path, depth + 1) : nullptr;
}

bool listIndex(const std::string& segment, const nlohmann::json& list, std::size_t& index) {
  auto [ptr, ec] = std::from_chars(segment.data(), segment.data() + segment.size(), index);
  return !segment.empty() && ec == std::errc() && ptr == segment.data() + segment.size() && index < list.size();
}

void deleteMatches(nlohmann::json& node, const std::vector<std::string>& path, std::size_t depth) {
  const std::string& segment = path[depth];
  const bool last = depth + 1 == path.size();
  if (node.is_object()) {
    if (segment == "*") {
      for (auto it = node.begin(); it != node.end();) {
        if (last) {
          it = node.erase(it);
        } else {
          deleteMatches(*it, path, depth + 1);
          ++it;
        }
      }
      return;
    }
    auto it = node.find(segment);
    if (it == node.end()) return;
    if (last) {
      node.erase(it);
    } else {
      deleteMatches(*it, path, depth + 1);
    }
  } else if (node.is_array()) {
    auto visit = [&](nlohmann::json& element) {
      if (last) {
        element = nullptr;
      } else {
        deleteMatches(element, path, depth + 1);
      }
    };
    if (segment == "*") {
      for (auto& element : node) visit(element);
      return;
    }
    std::size_t index = 0;
    if (listIndex(segment, node, index)) visit(node[index]);
  }
}

}  // namespace

DpathFlattenFields::DpathFlattenFields(Options options) : options_(std::move(options)) {
  hasWildcard_ = std::find(options_.fieldPath.begin(), options_.fieldPath.end(), "*") != options_.fieldPath.end();
}

void DpathFlattenFields::transform(nlohmann::json& record, const nlohmann::json&) const {
  if (!record.is_object()) return;
  const nlohmann::json* found =
      hasWildcard_ ? firstMatch(record, options_.fieldPath, 0) : findAtPath(record, options_.fieldPath);
  if (found == nullptr || !found->is_object()) return;
  nlohmann::json extracted = nlohmann::json::object();
  for (auto it = found->begin(); it != found->end(); ++it) {
    extracted[options_.keyPrefix + it.key() + options_.keySuffix] = it.value();
  }
  if (options_.replaceRecord && !extracted.empty()) {
    record = std::move(extracted);
    return;
  }
  for (auto it = extracted.begin(); it != extracted.end(); ++it) {
    if (record.contains(it.key())) return;  // any clash: the record stays as it is
  }
  if (options_.deleteOriginValue && !options_.fieldPath.empty()) deleteMatches(record, options_.fieldPath, 0);
  for (auto it = extracted.begin(); it != extracted.end(); ++it) record[it.key()] = std::move(it.value());
}

}  // namespace manifold::engine
