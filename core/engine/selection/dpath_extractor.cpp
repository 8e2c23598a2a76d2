// DpathExtractor: dpath.get for plain paths, dpath.values for paths with "*".
#include "core/engine/selection/dpath_extractor.h"

#include <algorithm>
#include <charconv>

namespace manifold::engine {
namespace {

const nlohmann::json* childOf(const nlohmann::json& node, const std::string& segment) {
  if (node.is_object()) {
    auto it = node.find(segment);
    return it == node.end() ? nullptr : &*it;
  }
  if (node.is_array()) {
    // dpath reads an all-digit segment as a list index.
    std::size_t index = 0;
    const auto* begin = segment.data();
    const auto* end = begin + segment.size();
    auto [ptr, ec] = std::from_chars(begin, end, index);
    if (segment.empty() || ec != std::errc() || ptr != end || index >= node.size()) return nullptr;
    return &node[index];
  }
  return nullptr;
}

void collect(const nlohmann::json& node, const std::vector<std::string>& path, std::size_t depth,
             std::vector<const nlohmann::json*>& matches) {
  if (depth == path.size()) {
    matches.push_back(&node);
    return;
  }
  const std::string& segment = path[depth];
  if (segment == "*") {
    if (node.is_object() || node.is_array()) {
      for (const auto& child : node) collect(child, path, depth + 1, matches);
    }
    return;
  }
  if (const auto* child = childOf(node, segment)) collect(*child, path, depth + 1, matches);
}

bool truthy(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null: return false;
    case nlohmann::json::value_t::boolean: return value.get<bool>();
    case nlohmann::json::value_t::number_integer: return value.get<std::int64_t>() != 0;
    case nlohmann::json::value_t::number_unsigned: return value.get<std::uint64_t>() != 0;
    case nlohmann::json::value_t::number_float: return value.get<double>() != 0.0;
    case nlohmann::json::value_t::string: return !value.get_ref<const std::string&>().empty();
    default: return !value.empty();
  }
}

}  // namespace

const nlohmann::json* findAtPath(const nlohmann::json& root, const std::vector<std::string>& path) {
  const nlohmann::json* node = &root;
  for (const auto& segment : path) {
    node = childOf(*node, segment);
    if (node == nullptr) return nullptr;
  }
  return node;
}

DpathExtractor::DpathExtractor(std::vector<std::string> fieldPath) : fieldPath_(std::move(fieldPath)) {
  hasWildcard_ = std::find(fieldPath_.begin(), fieldPath_.end(), "*") != fieldPath_.end();
}

std::size_t DpathExtractor::extract(const nlohmann::json& body, std::vector<nlohmann::json>& records) const {
  const std::size_t before = records.size();
  if (hasWildcard_) {
    std::vector<const nlohmann::json*> matches;
    collect(body, fieldPath_, 0, matches);
    for (const auto* match : matches) records.push_back(*match);
    return records.size() - before;
  }
  const nlohmann::json* node = findAtPath(body, fieldPath_);
  if (node == nullptr) return 0;
  if (node->is_array()) {
    records.insert(records.end(), node->begin(), node->end());
  } else if (truthy(*node)) {
    records.push_back(*node);
  }
  return records.size() - before;
}

}  // namespace manifold::engine
