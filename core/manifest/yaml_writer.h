// JSON values written as block-style YAML, the way a person writes a manifest by hand, so that
// an edit the IDE makes (a detected schema) reads like the text around it.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace manifold::manifest {

// The YAML lines of `value` as the body of a mapping entry, each line indented by `indent`
// spaces and ended by '\n'. A string is quoted only when a plain scalar would load as
// something else (PyYAML's rules: "yes", "1", "null", ": " ...). An empty object or list is
// written "{}" / "[]".
std::string toYamlBlock(const nlohmann::ordered_json& value, int indent);

// One scalar (or "{}"/"[]"), quoted when needed; what follows "key: " on a line.
std::string toYamlScalar(const nlohmann::ordered_json& value);

}  // namespace manifold::manifest
