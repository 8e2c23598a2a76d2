// Compare with upstream and update from upstream for a forked connector folder.
#include "core/catalog/fork_upstream.h"

#include "core/catalog/catalog_fork.h"
#include "core/workspace/connector_project.h"
#include "core/workspace/file_io.h"

namespace manifold::catalog {

namespace fs = std::filesystem;

Result<workspace::Origin> forkOrigin(const fs::path& projectDir) {
  const auto metadata = workspace::readTextFile(projectDir / "metadata.yaml");
  if (!metadata) {
    return CatalogError{CatalogErrorKind::NotFound,
                        projectDir.string() + " has no metadata.yaml, so it does not say where it was forked from", ""};
  }
  auto origin = workspace::readOrigin(*metadata);
  if (!origin) {
    return CatalogError{CatalogErrorKind::Invalid,
                        projectDir.filename().string() +
                            " was not forked from a catalog: its metadata.yaml has no origin: block",
                        ""};
  }
  return std::move(*origin);
}

Result<UpstreamComparison> compareForkWithUpstream(const fs::path& projectDir, CompareAgainst against,
                                                   const std::optional<fs::path>& bundledDir,
                                                   RemoteCatalogOptions remote, std::stop_token stop) {
  auto origin = forkOrigin(projectDir);
  if (!origin) return origin.error();
  UpstreamComparison comparison;
  workspace::ConnectorFiles files;
  if (against == CompareAgainst::Origin) {
    auto base = fetchOriginFiles(projectDir, origin.value(), remote, stop);
    if (!base) return base.error();
    files = std::move(base).value();
    comparison.against = origin.value();
  } else {
    auto upstream = fetchUpstream(origin.value(), bundledDir, remote, stop);
    if (!upstream) return upstream.error();
    files = std::move(upstream->files);
    comparison.against = std::move(upstream->origin);
  }
  comparison.diff = workspace::compareWithUpstream(projectDir, files);
  return comparison;
}

Result<workspace::UpdateReport> updateForkFromUpstream(const fs::path& projectDir,
                                                       const std::optional<fs::path>& bundledDir,
                                                       RemoteCatalogOptions remote, std::stop_token stop) {
  auto origin = forkOrigin(projectDir);
  if (!origin) return origin.error();
  auto base = fetchOriginFiles(projectDir, origin.value(), remote, stop);
  if (!base) return base.error();
  auto upstream = fetchUpstream(origin.value(), bundledDir, remote, stop);
  if (!upstream) return upstream.error();
  if (stop.stop_requested()) return CatalogError{CatalogErrorKind::Cancelled, "the update was cancelled", ""};
  auto report = workspace::updateFromUpstream(projectDir, base.value(), upstream->files, upstream->origin);
  if (!report) return fromWorkspace(report.error());
  return std::move(report).value();
}

std::string describeVersion(const workspace::Origin& origin) {
  if (!origin.commit.empty()) return "commit " + origin.commit.substr(0, 12);
  if (!origin.version.empty()) return "bundled " + origin.version;
  return origin.catalog;
}

}  // namespace manifold::catalog
