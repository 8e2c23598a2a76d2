// Compare with upstream and update from upstream for a forked connector folder: reads its
// origin, fetches the files it is compared or merged with, and runs core/workspace's diff or diff3.
#pragma once

#include <filesystem>
#include <optional>
#include <stop_token>
#include <string>

#include "core/catalog/catalog_error.h"
#include "core/catalog/remote_catalog.h"
#include "core/workspace/origin.h"
#include "core/workspace/upstream.h"

namespace manifold::catalog {

// The connector's origin from its metadata.yaml; Invalid when it was not forked from a catalog.
Result<workspace::Origin> forkOrigin(const std::filesystem::path& projectDir);

enum class CompareAgainst {
  Origin,       // the files as they were forked (the origin commit): what the user changed
  UpstreamNow,  // upstream's files today: everything that differs
};

struct UpstreamComparison {
  std::string diff;            // unified diff from upstream to the workspace; empty when equal
  workspace::Origin against;   // which version the diff is against (commit or bundled version)
};

// bundledDir is where the bundled catalog is (for forks of it); remote gives the GitHub API URL,
// token and cache (repository and branch come from the origin).
Result<UpstreamComparison> compareForkWithUpstream(const std::filesystem::path& projectDir, CompareAgainst against,
                                                   const std::optional<std::filesystem::path>& bundledDir,
                                                   RemoteCatalogOptions remote, std::stop_token stop = {});

// Merges upstream's changes since the origin into the project (workspace::updateFromUpstream):
// applied when nothing conflicts, otherwise the project stays as it was and the merged texts
// with conflict markers are in .manifold/merge/.
Result<workspace::UpdateReport> updateForkFromUpstream(const std::filesystem::path& projectDir,
                                                       const std::optional<std::filesystem::path>& bundledDir,
                                                       RemoteCatalogOptions remote, std::stop_token stop = {});

// A short name of a version: "commit 1a2b3c4d5e6f" or "bundled 0.1.0".
std::string describeVersion(const workspace::Origin& origin);

}  // namespace manifold::catalog
