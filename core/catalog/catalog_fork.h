// Forking a catalog entry into the workspace, and fetching a fork's upstream for compare/update.
#pragma once

#include <filesystem>
#include <optional>
#include <stop_token>
#include <string>

#include "core/catalog/catalog_entry.h"
#include "core/catalog/catalog_error.h"
#include "core/catalog/remote_catalog.h"
#include "core/workspace/connector_project.h"
#include "core/workspace/origin.h"

namespace manifold::catalog {

// The provenance recorded for a fork of `entry` (catalog, repository, branch, path, commit).
workspace::Origin originOf(const CatalogEntry& entry);

// Copies the entry's files into <workspaceDir>/<name> (name empty: the entry's name) with its
// origin; never overwrites (the error's suggestedName is free).
Result<std::filesystem::path> forkEntry(const CatalogEntry& entry, const workspace::ConnectorFiles& files,
                                        const std::filesystem::path& workspaceDir, const std::string& name = {});

struct Upstream {
  workspace::ConnectorFiles files;  // upstream's files now
  workspace::Origin origin;         // where they are from (the head commit, or the bundled version)
};

// A fork's upstream as it is now: the bundled catalog's folder, or the origin repository's
// branch head (the remote options give the API URL, token and cache; repository and branch
// come from the origin).
Result<Upstream> fetchUpstream(const workspace::Origin& origin, const std::optional<std::filesystem::path>& bundledDir,
                               RemoteCatalogOptions remote, std::stop_token stop = {});

// The fork's base: the .manifold/origin/ snapshot, else the origin commit's files from GitHub.
Result<workspace::ConnectorFiles> fetchOriginFiles(const std::filesystem::path& projectDir,
                                                   const workspace::Origin& origin, RemoteCatalogOptions remote,
                                                   std::stop_token stop = {});

}  // namespace manifold::catalog
