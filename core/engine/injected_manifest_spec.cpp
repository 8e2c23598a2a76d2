// The generic spec: one required object, the manifest, and whatever else the manifest's own spec asks.
#include "core/engine/injected_manifest_spec.h"

#include <string>

namespace manifold::engine {

nlohmann::json injectedManifestSpec() {
  const std::string key(kInjectedManifestKey);
  nlohmann::json manifest{{"title", "Low-code manifest"},
                          {"type", "object"},
                          {"description", "The declarative (low-code) manifest the source runs."}};
  return nlohmann::json{
      {"documentationUrl", "https://docs.airbyte.com/integrations/sources/low-code"},
      {"connectionSpecification",
       {{"$schema", "http://json-schema.org/draft-07/schema#"},
        {"title", "Declarative manifest source"},
        {"type", "object"},
        {"required", nlohmann::json::array({key})},
        {"additionalProperties", true},
        {"properties", {{key, std::move(manifest)}}}}}};
}

}  // namespace manifold::engine
