// Turns a plain (unquoted) YAML scalar into a JSON value the way PyYAML's safe loader does.
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

namespace manifold::manifest {

// The reference engine loads manifests with PyYAML (YAML 1.1 rules), so `yes`, `off` are
// booleans, `0x1F` and `017` are integers, `1e3` stays a string (a float needs a dot) and
// dates stay text here because JSON has no date type.
nlohmann::ordered_json resolvePlainScalar(std::string_view text);

}  // namespace manifold::manifest
