// Which config values are secrets: the fields a spec marks airbyte_secret.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace manifold::protocol {

// Paths (property names) of every field marked `airbyte_secret: true` in a
// connection_specification. Like the reference, "properties" and "oneOf" levels are skipped
// (so a secret inside a oneOf option has the path of its config value); anyOf/allOf too.
std::vector<std::vector<std::string>> secretPaths(const nlohmann::json& connectionSpecification);

// The secret values present in a config: strings as they are, numbers and booleans as printed
// in JSON. A path missing from the config (the other branch of a oneOf) is skipped; a path
// crossing a list collects the value from every element.
std::vector<std::string> secretsFromConfig(const nlohmann::json& connectionSpecification,
                                           const nlohmann::json& config);

}  // namespace manifold::protocol
