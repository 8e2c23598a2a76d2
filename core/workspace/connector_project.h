// A connector project on disk: a folder <name>/ with manifest.yaml, metadata.yaml, optional
// README.md and icon.svg, and .manifold/ for local state that is never contributed.
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/workspace/origin.h"

namespace manifold::workspace {

// The files a connector is made of, in the order they are shown.
inline constexpr std::array<std::string_view, 4> kConnectorFiles = {"manifest.yaml", "metadata.yaml", "README.md",
                                                                    "icon.svg"};
inline constexpr std::string_view kLocalStateDir = ".manifold";

using ConnectorFiles = std::map<std::string, std::string>;  // file name → content

// Those of kConnectorFiles that exist in `dir`.
ConnectorFiles readConnectorFiles(const std::filesystem::path& dir);

struct ConnectorProject {
  std::string name;            // the folder's name
  std::filesystem::path dir;
  std::string title;           // metadata.yaml data.title (or data.name), else the name
  std::optional<Origin> origin;
};

// The folders of `workspaceDir` that hold a manifest.yaml, sorted by name; empty when the
// workspace does not exist yet.
std::vector<ConnectorProject> listWorkspace(const std::filesystem::path& workspaceDir);

// ~/Manifold/connectors ($HOME; the current folder when HOME is unset).
std::filesystem::path defaultWorkspaceDir();

// A folder name a connector may have: letters, digits, '.', '_' and '-', not starting with '.'.
bool isValidConnectorName(std::string_view name);

}  // namespace manifold::workspace
