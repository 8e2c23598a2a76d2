#include "core/catalog/catalog_fork.h"

#include "core/catalog/bundled_catalog.h"
#include "core/workspace/fork.h"
#include "core/workspace/upstream.h"

namespace manifold::catalog {

namespace fs = std::filesystem;

workspace::Origin originOf(const CatalogEntry& entry) {
  workspace::Origin origin;
  if (entry.source.kind == CatalogKind::Bundled) {
    origin.catalog = "bundled";
    origin.path = "manifests/" + entry.name;
    origin.version = entry.version;
  } else {
    origin.catalog = "github";
    origin.repository = entry.source.repository;
    origin.branch = entry.source.branch;
    origin.path = entry.path;
    origin.commit = entry.commit;
  }
  return origin;
}

Result<fs::path> forkEntry(const CatalogEntry& entry, const workspace::ConnectorFiles& files,
                           const fs::path& workspaceDir, const std::string& name) {
  auto forked = workspace::forkIntoWorkspace(
      workspace::ForkRequest{workspaceDir, name.empty() ? entry.name : name, files, originOf(entry)});
  if (!forked) return fromWorkspace(forked.error());
  return std::move(forked).value();
}

Result<Upstream> fetchUpstream(const workspace::Origin& origin, const std::optional<fs::path>& bundledDir,
                               RemoteCatalogOptions remote, std::stop_token stop) {
  if (origin.catalog == "bundled") {
    const std::string name = fs::path(origin.path).filename().string();
    if (!bundledDir) return CatalogError{CatalogErrorKind::NotFound, "the bundled catalog is not installed", ""};
    const auto listing = listBundledCatalog(*bundledDir);
    const CatalogEntry* entry = findEntry(listing, name);
    if (entry == nullptr) {
      return CatalogError{CatalogErrorKind::NotFound, "the bundled catalog has no connector '" + name + "' any more", ""};
    }
    return Upstream{bundledFiles(*entry), originOf(*entry)};
  }
  if (origin.repository.empty() || origin.path.empty()) {
    return CatalogError{CatalogErrorKind::Invalid, "metadata.yaml's origin names no repository and path", ""};
  }
  remote.repository = origin.repository;
  if (!origin.branch.empty()) remote.branch = origin.branch;
  RemoteCatalog catalog(remote);
  auto head = catalog.headCommit(stop);
  if (!head) return head.error();
  auto files = catalog.filesAt(origin.path, head.value(), stop);
  if (!files) return files.error();
  workspace::Origin now = origin;
  now.branch = remote.branch;
  now.commit = head.value();
  return Upstream{std::move(files).value(), now};
}

Result<workspace::ConnectorFiles> fetchOriginFiles(const fs::path& projectDir, const workspace::Origin& origin,
                                                   RemoteCatalogOptions remote, std::stop_token stop) {
  auto snapshot = workspace::originSnapshot(projectDir);
  if (!snapshot.empty()) return snapshot;
  if (origin.catalog != "github" || origin.commit.empty()) {
    return CatalogError{CatalogErrorKind::NotFound,
                        "the files " + projectDir.filename().string() + " was forked from are not recorded", ""};
  }
  remote.repository = origin.repository;
  RemoteCatalog catalog(remote);
  return catalog.filesAt(origin.path, origin.commit, stop);
}

}  // namespace manifold::catalog
