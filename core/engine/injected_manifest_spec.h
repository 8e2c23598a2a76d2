// The SPEC of the generic image, whose manifest arrives in the config (a drop-in for Airbyte's
// source-declarative-manifest): spec runs before any config exists, so it can only ask for one.
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

namespace manifold::engine {

// The config key that carries a manifest (as a JSON object), as the platform injects it.
inline constexpr std::string_view kInjectedManifestKey = "__injected_declarative_manifest";

// A ConnectorSpecification whose connectionSpecification requires kInjectedManifestKey (an
// object) and allows any other key, as source-declarative-manifest answers spec.
nlohmann::json injectedManifestSpec();

}  // namespace manifold::engine
