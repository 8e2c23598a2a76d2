// Block-style YAML text from a JSON tree, with comments placed before chosen keys.
#pragma once

#include "core/openapi/openapi_document.h"

#include <map>
#include <string>

namespace manifold::openapi {

// Comment text keyed by the JSON pointer of the key (or list item) it precedes; "" is the top
// of the file. Multi-line text gives one "# " line per line.
using YamlComments = std::map<std::string, std::string>;

// Deterministic: keys in the tree's order, two-space indentation, strings plain when a YAML
// 1.1 loader reads them back as the same string and double-quoted otherwise, short lists of
// scalars in flow style ([id], [string, "null"]).
std::string writeYaml(const Json& value, const YamlComments& comments = {});

}  // namespace manifold::openapi
