// Forking: a catalog connector copied into the workspace, remembering where it came from.
#pragma once

#include <filesystem>
#include <string>

#include "core/workspace/connector_project.h"
#include "core/workspace/origin.h"
#include "core/workspace/result.h"

namespace manifold::workspace {

struct ForkRequest {
  std::filesystem::path workspaceDir;
  std::string name;       // the new folder's name
  ConnectorFiles files;   // the catalog's files (kConnectorFiles only; others are ignored)
  Origin origin;          // written to metadata.yaml; an empty date becomes now
};

// Creates <workspaceDir>/<name>/ with the files, metadata.yaml's `origin:` block, an empty
// .manifold/ and .manifold/origin/ holding the catalog's files as forked (the base that
// "compare" and "update from upstream" use). The folder appears whole or not at all, and an
// existing folder is never touched: the error then suggests a free name.
Result<std::filesystem::path> forkIntoWorkspace(const ForkRequest& request);

// `name` when <workspaceDir>/<name> is free, else name-2, name-3, ...
std::string freeName(const std::filesystem::path& workspaceDir, const std::string& name);

}  // namespace manifold::workspace
