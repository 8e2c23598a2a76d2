// Which config values are secrets: the fields a spec marks airbyte_secret.
#include "core/protocol/spec_secrets.h"

#include <algorithm>

namespace manifold::protocol {

using nlohmann::json;

namespace {

bool isSkippedLevel(const std::string& key) {
  return key == "properties" || key == "oneOf" || key == "anyOf" || key == "allOf";
}

void collectPaths(const json& node, std::vector<std::string>& path,
                  std::vector<std::vector<std::string>>& out, int depth) {
  if (depth > 256) return;  // a spec is data from a manifest: no unbounded recursion
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "airbyte_secret" && value.is_boolean() && value.get<bool>()) {
        std::vector<std::string> filtered;
        for (const auto& p : path) {
          if (!isSkippedLevel(p)) filtered.push_back(p);
        }
        if (!filtered.empty() && std::find(out.begin(), out.end(), filtered) == out.end()) {
          out.push_back(std::move(filtered));
        }
        continue;
      }
      path.push_back(key);
      collectPaths(value, path, out, depth + 1);
      path.pop_back();
    }
  } else if (node.is_array()) {
    for (const auto& item : node) collectPaths(item, path, out, depth + 1);
  }
}

void collectValues(const json& node, const std::vector<std::string>& path, std::size_t index,
                   std::vector<std::string>& out) {
  if (index == path.size()) {
    std::string value;
    if (node.is_string()) {
      value = node.get<std::string>();
    } else if (node.is_number() || node.is_boolean()) {
      value = node.dump();
    } else if (node.is_array()) {
      for (const auto& item : node) collectValues(item, path, index, out);
      return;
    }
    if (!value.empty() && std::find(out.begin(), out.end(), value) == out.end()) out.push_back(value);
    return;
  }
  if (node.is_object()) {
    auto it = node.find(path[index]);
    if (it != node.end()) collectValues(*it, path, index + 1, out);
  } else if (node.is_array()) {
    for (const auto& item : node) collectValues(item, path, index, out);
  }
}

}  // namespace

std::vector<std::vector<std::string>> secretPaths(const json& connectionSpecification) {
  std::vector<std::vector<std::string>> out;
  if (!connectionSpecification.is_object()) return out;
  auto props = connectionSpecification.find("properties");
  if (props == connectionSpecification.end()) return out;
  std::vector<std::string> path;
  collectPaths(*props, path, out, 0);
  return out;
}

std::vector<std::string> secretsFromConfig(const json& connectionSpecification, const json& config) {
  std::vector<std::string> out;
  for (const auto& path : secretPaths(connectionSpecification)) collectValues(config, path, 0, out);
  return out;
}

}  // namespace manifold::protocol
