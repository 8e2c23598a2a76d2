// DpathExtractor: the records at field_path in each decoded body (`*` segments match every key
// or index).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace manifold::engine {

// dpath.get of a plain path (no wildcards): the value, or nullptr when a segment is missing. An
// all-digit segment indexes a list.
const nlohmann::json* findAtPath(const nlohmann::json& root, const std::vector<std::string>& path);

class DpathExtractor {
 public:
  // `fieldPath` is already rendered (its templates only see config and parameters).
  explicit DpathExtractor(std::vector<std::string> fieldPath);

  // Appends the records of one body (REFERENCE-NOTES 5.1–5.2): a list yields its elements, a
  // non-empty object itself, a truthy scalar itself, anything falsy nothing; with wildcards each
  // match is one record, not flattened. Returns how many were appended.
  std::size_t extract(const nlohmann::json& body, std::vector<nlohmann::json>& records) const;

  const std::vector<std::string>& fieldPath() const { return fieldPath_; }

 private:
  std::vector<std::string> fieldPath_;
  bool hasWildcard_ = false;
};

}  // namespace manifold::engine
