// ConcurrencyLevel: how many partitions of a stream one read fetches at once — the manifest's
// concurrency_level, evaluated with the config as the reference's ConcurrencyLevel does.
#pragma once

#include "core/engine/component_node.h"

#include <nlohmann/json.hpp>

#include <cstddef>

namespace manifold::engine {

// The level `node` (a ConcurrencyLevel component) gives with `config`. An integer
// default_concurrency is used as written (max_concurrency does not cap it); a template is
// rendered with the config, must give an integer and is capped by max_concurrency, which is
// required when the template reads the config. Throws BuildException naming the field.
std::size_t buildConcurrencyLevel(const ComponentNode& node, const nlohmann::json& config);

}  // namespace manifold::engine
