// Default component types and `$parameters` propagation over a reference-resolved manifest.
#pragma once

#include "core/manifest/document.h"

#include <optional>
#include <string_view>

namespace manifold::manifest {

// The type the reference engine gives an untyped component written in `field` of a
// component of type `parentType` (SimpleRetriever.paginator → NoPagination). When
// hasClassName is true the custom-component mapping applies instead.
std::optional<std::string_view> defaultComponentType(std::string_view parentType, std::string_view field,
                                                     bool hasClassName = false);

// Walks the manifest as the reference's ManifestComponentTransformer does: fills missing
// types, merges `$parameters` from parent to child (the child's own win), writes each
// parameter onto a typed component's field when that field is absent or falsy, and stores
// the merged map back as the component's `$parameters`. JSON-schema objects are left alone.
void propagateTypesAndParameters(Json& root);

// Python truthiness of a JSON value (null, false, 0, "", [] and {} are false).
bool isTruthy(const Json& value);

}  // namespace manifold::manifest
