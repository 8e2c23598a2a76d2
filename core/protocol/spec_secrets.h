// Which config values are secrets: the fields a spec marks airbyte_secret.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace manifold::protocol {

// Config paths (property names) of every field marked `airbyte_secret: true` in a
// connection_specification: a secret inside a oneOf/anyOf/allOf option, or inside the objects
// of a list (`items`), has the path of its config value, list levels left out (["accounts",
// "password"] for accounts: [{password}]). Unlike the reference's get_secret_paths, which
// keeps "items" and so never finds those values, and drops any property named "properties".
std::vector<std::vector<std::string>> secretPaths(const nlohmann::json& connectionSpecification);

// The secret values present in a config: strings as they are, numbers and booleans as printed
// in JSON. A path missing from the config (the other branch of a oneOf) is skipped; a path
// crossing a list collects the value from every element.
std::vector<std::string> secretsFromConfig(const nlohmann::json& connectionSpecification,
                                           const nlohmann::json& config);

}  // namespace manifold::protocol
