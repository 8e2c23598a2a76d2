// Which config values are secrets: the fields a spec marks airbyte_secret.
#include "core/protocol/spec_secrets.h"

#include <algorithm>

namespace manifold::protocol {

using nlohmann::json;

namespace {

// Walks the schema structurally: a property adds its name to the config path; a list's
// `items` and the branches of oneOf/anyOf/allOf/if-then-else keep the path (a list's elements
// are crossed when values are collected). So a field named "items" or "properties" is a field
// like any other, and a secret inside a list of objects has the path of its config value.
void collectPaths(const json& schema, std::vector<std::string>& path,
                  std::vector<std::vector<std::string>>& out, int depth) {
  if (depth > 256 || !schema.is_object()) return;  // a spec is data from a manifest: bounded
  if (auto secret = schema.find("airbyte_secret");
      secret != schema.end() && secret->is_boolean() && secret->get<bool>() && !path.empty() &&
      std::find(out.begin(), out.end(), path) == out.end()) {
    out.push_back(path);
  }
  if (auto properties = schema.find("properties"); properties != schema.end() && properties->is_object()) {
    for (const auto& [name, property] : properties->items()) {
      path.push_back(name);
      collectPaths(property, path, out, depth + 1);
      path.pop_back();
    }
  }
  if (auto items = schema.find("items"); items != schema.end()) {
    if (items->is_array()) {
      for (const auto& item : *items) collectPaths(item, path, out, depth + 1);
    } else {
      collectPaths(*items, path, out, depth + 1);
    }
  }
  for (const char* keyword : {"oneOf", "anyOf", "allOf"}) {
    if (auto branches = schema.find(keyword); branches != schema.end() && branches->is_array()) {
      for (const auto& branch : *branches) collectPaths(branch, path, out, depth + 1);
    }
  }
  for (const char* keyword : {"if", "then", "else"}) {
    if (auto branch = schema.find(keyword); branch != schema.end()) collectPaths(*branch, path, out, depth + 1);
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
  std::vector<std::string> path;
  collectPaths(connectionSpecification, path, out, 0);
  return out;
}

std::vector<std::string> secretsFromConfig(const json& connectionSpecification, const json& config) {
  std::vector<std::string> out;
  for (const auto& path : secretPaths(connectionSpecification)) collectValues(config, path, 0, out);
  return out;
}

}  // namespace manifold::protocol
