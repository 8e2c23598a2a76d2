// A connector's testing values on disk: non-secret values in <dir>/.manifold/testing_values.json.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace manifold::config {

// Where the IDE keeps a connector's testing values, relative to the connector folder. The
// contribution plan reads the same file and never sends anything under .manifold/.
inline constexpr const char* kTestingValuesFile = ".manifold/testing_values.json";

std::filesystem::path testingValuesPath(const std::filesystem::path& connectorDir);

struct LoadedTestingValues {
  nlohmann::json values = nlohmann::json::object();  // empty when there is no file yet
  std::string error;  // "…/testing_values.json: not valid JSON: …" — values stay empty
};

LoadedTestingValues loadTestingValues(const std::filesystem::path& connectorDir);

// Writes `values` (an object) atomically, readable by the owner only (0600): a temporary file
// beside it, then a rename. Returns an empty string or what went wrong, naming the file.
std::string saveTestingValues(const std::filesystem::path& connectorDir, const nlohmann::json& values);

// A secret taken out of a config: where it was (a JSON pointer) and its value.
struct SecretValue {
  std::string pointer;  // "/credentials/api_key"; an array element gives "/tokens/0/value"
  nlohmann::json value;
};

// Removes every value the spec marks airbyte_secret (core/protocol's secretPaths) from
// `config` and returns them, so the rest can be written to the project.
std::vector<SecretValue> takeSecrets(const nlohmann::json& connectionSpecification, nlohmann::json& config);

// Where secrets of `config` (as saved, without its secrets) may be stored: one pointer per
// airbyte_secret path, expanded over the elements of lists the config holds.
std::vector<std::string> secretPointers(const nlohmann::json& connectionSpecification, const nlohmann::json& config);

// Puts a secret back where takeSecrets found it, creating the objects on the way.
void putSecret(nlohmann::json& config, const SecretValue& secret);

}  // namespace manifold::config
