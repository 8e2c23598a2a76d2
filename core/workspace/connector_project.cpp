#include "core/workspace/connector_project.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>

#include "core/workspace/file_io.h"

namespace manifold::workspace {

namespace fs = std::filesystem;

ConnectorFiles readConnectorFiles(const fs::path& dir) {
  ConnectorFiles files;
  for (const auto name : kConnectorFiles) {
    if (auto text = readTextFile(dir / name)) files.emplace(std::string(name), std::move(*text));
  }
  return files;
}

std::vector<ConnectorProject> listWorkspace(const fs::path& workspaceDir) {
  std::vector<ConnectorProject> projects;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(workspaceDir, ec)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_directory(ec) || !isValidConnectorName(name)) continue;
    if (!fs::is_regular_file(entry.path() / "manifest.yaml", ec)) continue;
    ConnectorProject project{name, entry.path(), name, std::nullopt};
    if (const auto metadata = readTextFile(entry.path() / "metadata.yaml")) {
      project.origin = readOrigin(*metadata);
      try {
        const YAML::Node data = YAML::Load(*metadata)["data"];
        if (data && data["title"] && data["title"].IsScalar()) {
          project.title = data["title"].as<std::string>();
        } else if (data && data["name"] && data["name"].IsScalar()) {
          project.title = data["name"].as<std::string>();
        }
      } catch (const YAML::Exception&) {
        // A broken metadata.yaml still lists the project, under its folder name.
      }
    }
    projects.push_back(std::move(project));
  }
  std::sort(projects.begin(), projects.end(),
            [](const ConnectorProject& a, const ConnectorProject& b) { return a.name < b.name; });
  return projects;
}

fs::path defaultWorkspaceDir() {
  const char* home = std::getenv("HOME");
  const fs::path base = home != nullptr && *home != '\0' ? fs::path(home) : fs::current_path();
  return base / "Manifold" / "connectors";
}

bool isValidConnectorName(std::string_view name) {
  if (name.empty() || name.size() > 100 || name.front() == '.' || name.front() == '-') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
  });
}

}  // namespace manifold::workspace
