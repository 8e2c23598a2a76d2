#include "core/catalog/bundled_catalog.h"

#include <algorithm>
#include <cstdlib>

#include "core/workspace/file_io.h"

namespace manifold::catalog {

namespace fs = std::filesystem;

std::vector<fs::path> bundledCatalogCandidates(const fs::path& executableDir) {
  std::vector<fs::path> candidates;
  if (const char* overridden = std::getenv("MANIFOLD_MANIFESTS_DIR"); overridden != nullptr && *overridden != '\0') {
    candidates.emplace_back(overridden);
  }
  if (!executableDir.empty()) {
    candidates.push_back((executableDir / ".." / "share" / "manifold" / "manifests").lexically_normal());
  }
  candidates.emplace_back(MANIFOLD_SOURCE_MANIFESTS_DIR);
  return candidates;
}

std::optional<fs::path> findBundledCatalog(const fs::path& executableDir) {
  fs::path dir = executableDir;
  if (dir.empty()) {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) dir = self.parent_path();
  }
  for (const auto& candidate : bundledCatalogCandidates(dir)) {
    std::error_code ec;
    if (fs::is_directory(candidate, ec)) return candidate;
  }
  return std::nullopt;
}

CatalogListing listBundledCatalog(const fs::path& dir) {
  CatalogListing listing;
  std::error_code ec;
  for (const auto& folder : fs::directory_iterator(dir, ec)) {
    if (!folder.is_directory(ec)) continue;
    const auto manifest = workspace::readTextFile(folder.path() / "manifest.yaml");
    if (!manifest) continue;
    CatalogEntry entry;
    entry.name = folder.path().filename().string();
    entry.path = folder.path().string();
    const auto metadata = workspace::readTextFile(folder.path() / "metadata.yaml");
    auto warnings = fillDetails(entry, metadata ? &*metadata : nullptr, &*manifest);
    listing.warnings.insert(listing.warnings.end(), warnings.begin(), warnings.end());
    if (fs::is_regular_file(folder.path() / "icon.svg", ec)) entry.iconPath = (folder.path() / "icon.svg").string();
    listing.entries.push_back(std::move(entry));
  }
  if (ec) listing.warnings.push_back("cannot read the bundled catalog " + dir.string() + ": " + ec.message());
  std::sort(listing.entries.begin(), listing.entries.end(),
            [](const CatalogEntry& a, const CatalogEntry& b) { return a.name < b.name; });
  return listing;
}

workspace::ConnectorFiles bundledFiles(const CatalogEntry& entry) { return workspace::readConnectorFiles(entry.path); }

}  // namespace manifold::catalog
