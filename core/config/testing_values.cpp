// A connector's testing values on disk: non-secret values in <dir>/.manifold/testing_values.json.
#include "core/config/testing_values.h"

#include "core/manifest/json_pointer.h"
#include "core/protocol/spec_secrets.h"
#include "core/workspace/file_io.h"

#include <fstream>
#include <sstream>
#include <system_error>

namespace manifold::config {

namespace fs = std::filesystem;

namespace {

// core/protocol's secret paths are config paths; a list's elements are crossed on the way.
std::vector<std::vector<std::string>> secretConfigPaths(const nlohmann::json& connectionSpecification) {
  return protocol::secretPaths(connectionSpecification);
}

void take(nlohmann::json& node, const std::vector<std::string>& path, std::size_t index,
          const std::string& pointer, std::vector<SecretValue>& out) {
  if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) take(node[i], path, index, manifest::childPointer(pointer, i), out);
    return;
  }
  if (!node.is_object()) return;
  auto it = node.find(path[index]);
  if (it == node.end()) return;
  const std::string at = manifest::childPointer(pointer, path[index]);
  if (index + 1 == path.size()) {
    if (!it->is_null()) out.push_back({at, *it});
    node.erase(it);
    return;
  }
  take(*it, path, index + 1, at, out);
}

void pointersOf(const nlohmann::json& node, const std::vector<std::string>& path, std::size_t index,
                const std::string& pointer, std::vector<std::string>& out) {
  if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) pointersOf(node[i], path, index, manifest::childPointer(pointer, i), out);
    return;
  }
  if (!node.is_object()) return;
  const std::string at = manifest::childPointer(pointer, path[index]);
  if (index + 1 == path.size()) {
    out.push_back(at);
    return;
  }
  // A secret inside an object the config does not have cannot have been saved.
  if (auto it = node.find(path[index]); it != node.end()) pointersOf(*it, path, index + 1, at, out);
}

}  // namespace

fs::path testingValuesPath(const fs::path& connectorDir) { return connectorDir / kTestingValuesFile; }

LoadedTestingValues loadTestingValues(const fs::path& connectorDir) {
  LoadedTestingValues loaded;
  const fs::path path = testingValuesPath(connectorDir);
  std::error_code ec;
  if (!fs::exists(path, ec)) return loaded;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    loaded.error = path.string() + ": cannot be read";
    return loaded;
  }
  std::stringstream text;
  text << in.rdbuf();
  try {
    nlohmann::json values = nlohmann::json::parse(text.str());
    if (!values.is_object()) {
      loaded.error = path.string() + ": expected a JSON object of testing values";
      return loaded;
    }
    loaded.values = std::move(values);
  } catch (const nlohmann::json::parse_error& e) {
    loaded.error = path.string() + ": not valid JSON (" + e.what() + ")";
  }
  return loaded;
}

std::string saveTestingValues(const fs::path& connectorDir, const nlohmann::json& values) {
  // Testing values are connector config: only their owner may read them, secrets or not.
  const auto written = workspace::writeFileAtomically(testingValuesPath(connectorDir), values.dump(2) + "\n",
                                                      workspace::FileAccess::OwnerOnly);
  return written.ok() ? std::string() : written.error().message;
}

std::vector<SecretValue> takeSecrets(const nlohmann::json& connectionSpecification, nlohmann::json& config) {
  std::vector<SecretValue> out;
  for (const auto& path : secretConfigPaths(connectionSpecification)) take(config, path, 0, std::string(), out);
  return out;
}

std::vector<std::string> secretPointers(const nlohmann::json& connectionSpecification, const nlohmann::json& config) {
  std::vector<std::string> out;
  for (const auto& path : secretConfigPaths(connectionSpecification)) pointersOf(config, path, 0, std::string(), out);
  return out;
}

void putSecret(nlohmann::json& config, const SecretValue& secret) {
  if (!config.is_object()) config = nlohmann::json::object();
  try {
    config[nlohmann::json::json_pointer(secret.pointer)] = secret.value;
  } catch (const nlohmann::json::exception&) {
    // The config's shape changed since the secret was stored (an object became a list):
    // the stale secret is dropped rather than overwriting the user's values.
  }
}

}  // namespace manifold::config
