// RemoteCatalog: a catalog that is a GitHub repository (by default airbytehq/airbyte), listed
// through the git trees API and read file by file on demand, cached on disk by SHA.
#pragma once

#include <filesystem>
#include <memory>
#include <stop_token>
#include <string>

#include "core/catalog/catalog_cache.h"
#include "core/catalog/catalog_error.h"
#include "core/catalog/catalog_listing.h"
#include "core/github/github_client.h"
#include "core/workspace/connector_project.h"

namespace manifold::catalog {

struct RemoteCatalogOptions {
  std::string repository = "airbytehq/airbyte";
  std::string branch = "master";
  // Where manifests are: '/'-separated segments, each a glob ('*', '?'); the folder holding
  // the manifest is the connector, its name the folder's name, its other files beside it.
  std::string pathPattern = "airbyte-integrations/connectors/source-*/manifest.yaml";
  github::GitHubClientOptions client{};  // API base URL (GitHub Enterprise, local fakes) and token
  std::filesystem::path cacheDir{};      // empty: nothing is cached
  bool offline = false;                  // never send a request; answer from the cache only
};

// Not thread-safe: one per worker thread (it owns a GitHubClient).
class RemoteCatalog {
 public:
  explicit RemoteCatalog(RemoteCatalogOptions options);
  ~RemoteCatalog();
  RemoteCatalog(const RemoteCatalog&) = delete;
  RemoteCatalog& operator=(const RemoteCatalog&) = delete;

  CatalogSource source() const;
  const RemoteCatalogOptions& options() const { return options_; }

  // The connectors at the branch's head commit: one call for the head, one recursive trees
  // call (a truncated tree is walked folder by folder along the pattern), nothing when the
  // listing for that commit is cached. Entries carry the details already cached. When GitHub
  // cannot be reached or the rate limit is used up, the last cached listing of the branch is
  // returned with fromCache set and a warning saying why.
  Result<CatalogListing> list(std::stop_token stop = {});

  // The entry with its metadata, streams and icon read (two or three blobs, cached).
  Result<CatalogEntry> details(CatalogEntry entry, std::stop_token stop = {});

  // The connector's files (kConnectorFiles that exist) at the entry's commit.
  Result<workspace::ConnectorFiles> files(const CatalogEntry& entry, std::stop_token stop = {});

  // The files of `folder` at any commit (an origin commit, for compare and update).
  Result<workspace::ConnectorFiles> filesAt(const std::string& folder, const std::string& commit,
                                            std::stop_token stop = {});

  // The branch's head commit SHA.
  Result<std::string> headCommit(std::stop_token stop = {});

 private:
  struct Walk;
  Result<github::GitHubResponse> get(const std::string& path, const std::string& what, std::stop_token stop);
  Result<bool> walk(const std::string& treeish, const std::string& prefix, std::size_t segment, Walk& walk,
                    std::stop_token stop);
  Result<std::string> blob(const std::string& sha, const std::string& extension, std::stop_token stop);
  CatalogListing fromListingJson(const nlohmann::json& json) const;

  RemoteCatalogOptions options_;
  CatalogCache cache_;
  std::unique_ptr<github::GitHubClient> client_;  // made on the first request
};

}  // namespace manifold::catalog
