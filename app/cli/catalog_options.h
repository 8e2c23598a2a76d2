// The options `catalog list` and `fork` share: which catalog (bundled or a GitHub repository),
// how to reach GitHub, and where the cache is.
#pragma once

#include "app/cli/cli_context.h"
#include "core/catalog/catalog_listing.h"
#include "core/catalog/remote_catalog.h"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace manifold::cli {

struct CatalogOptions {
  std::string remote;  // OWNER/NAME; empty: the bundled catalog
  std::string branch = "master";
  std::string pathPattern = "airbyte-integrations/connectors/source-*/manifest.yaml";
  std::string apiUrl;  // empty: $MANIFOLD_GITHUB_API_URL, else https://api.github.com
  std::string cacheDir;
  bool offline = false;
};

void addCatalogOptions(CLI::App* sub, CatalogOptions& options);

// The remote catalog's options: the token from GITHUB_TOKEN, the cache in
// $XDG_CACHE_HOME/Manifold/Manifold/catalog (the IDE's cache location) unless --cache-dir.
catalog::RemoteCatalogOptions remoteOptions(const CatalogOptions& options);

// The listing asked for; on failure reports it through `context` and returns nullopt.
std::optional<catalog::CatalogListing> loadListing(CliContext& context, const CatalogOptions& options);

}  // namespace manifold::cli
