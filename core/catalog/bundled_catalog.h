// The bundled catalog: the manifests/ folder that ships with Manifold, one connector per folder.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "core/catalog/catalog_listing.h"
#include "core/workspace/connector_project.h"

namespace manifold::catalog {

// Where the bundled catalog may be, in the order they are tried: $MANIFOLD_MANIFESTS_DIR,
// <executableDir>/../share/manifold/manifests (installed), the source tree's manifests/ (a build).
std::vector<std::filesystem::path> bundledCatalogCandidates(const std::filesystem::path& executableDir);

// The first candidate that is a folder; executableDir empty means this process's executable's.
std::optional<std::filesystem::path> findBundledCatalog(const std::filesystem::path& executableDir = {});

// Every folder of `dir` with a manifest.yaml, details filled from its files.
CatalogListing listBundledCatalog(const std::filesystem::path& dir);

// The connector's files as they are in the bundled catalog.
workspace::ConnectorFiles bundledFiles(const CatalogEntry& entry);

}  // namespace manifold::catalog
