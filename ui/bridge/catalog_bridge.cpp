#include "ui/bridge/catalog_bridge.h"

#include <QDir>
#include <QStandardPaths>

#include "core/catalog/bundled_catalog.h"
#include "core/catalog/catalog_fork.h"
#include "ui/settings/app_settings.h"

namespace manifold::ui {

CatalogSettings CatalogSettings::fromAppSettings() {
  auto& settings = AppSettings::instance();
  CatalogSettings s;
  s.workspaceDir = settings.workspaceDir.value();
  if (s.workspaceDir.isEmpty()) s.workspaceDir = QString::fromStdString(workspace::defaultWorkspaceDir().string());
  s.repository = settings.catalogRepository.value();
  s.branch = settings.catalogBranch.value();
  s.pathPattern = settings.catalogPathPattern.value();
  s.apiUrl = settings.githubApiUrl.value();
  s.cacheDir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/catalog");
  s.token = qEnvironmentVariable("GITHUB_TOKEN");
  return s;
}

catalog::RemoteCatalogOptions CatalogSettings::remoteOptions() const {
  catalog::RemoteCatalogOptions options;
  options.repository = repository.toStdString();
  options.branch = branch.toStdString();
  options.pathPattern = pathPattern.toStdString();
  options.client.apiUrl = apiUrl.toStdString();
  options.client.token = token.toStdString();
  options.cacheDir = cacheDir.toStdString();
  return options;
}

CatalogLoad loadBundledCatalog() {
  CatalogLoad load;
  const auto dir = catalog::findBundledCatalog();
  if (!dir) {
    load.error = QObject::tr("The bundled catalog is not installed.");
    return load;
  }
  auto listing = catalog::listBundledCatalog(*dir);
  load.entries = std::move(listing.entries);
  for (const auto& warning : listing.warnings) load.warnings << toQString(warning);
  return load;
}

CatalogLoad loadRemoteCatalog(const CatalogSettings& settings, std::stop_token stop) {
  CatalogLoad load;
  catalog::RemoteCatalog remote(settings.remoteOptions());
  auto listing = remote.list(stop);
  if (!listing) {
    load.error = toQString(listing.error().message);
    return load;
  }
  load.entries = std::move(listing->entries);
  for (const auto& warning : listing->warnings) load.warnings << toQString(warning);
  return load;
}

std::optional<catalog::CatalogEntry> loadDetails(const CatalogSettings& settings, const catalog::CatalogEntry& entry,
                                                 std::stop_token stop) {
  if (entry.detailed || entry.source.kind == catalog::CatalogKind::Bundled) return entry;
  catalog::RemoteCatalog remote(settings.remoteOptions());
  auto detailed = remote.details(entry, stop);
  if (!detailed) return std::nullopt;
  return std::move(detailed).value();
}

ForkOutcome forkCatalogEntry(const CatalogSettings& settings, const catalog::CatalogEntry& entry, const QString& name,
                             std::stop_token stop) {
  ForkOutcome outcome;
  workspace::ConnectorFiles files;
  if (entry.source.kind == catalog::CatalogKind::Bundled) {
    files = catalog::bundledFiles(entry);
  } else {
    catalog::RemoteCatalog remote(settings.remoteOptions());
    auto fetched = remote.files(entry, stop);
    if (!fetched) {
      outcome.error = toQString(fetched.error().message);
      return outcome;
    }
    files = std::move(fetched).value();
  }
  const auto forked = catalog::forkEntry(entry, files, settings.workspaceDir.toStdString(), name.toStdString());
  if (!forked) {
    outcome.error = toQString(forked.error().message);
    outcome.suggestedName = toQString(forked.error().suggestedName);
    return outcome;
  }
  outcome.dir = QString::fromStdString(forked.value().string());
  return outcome;
}

std::vector<workspace::ConnectorProject> listWorkspaceConnectors(const QString& workspaceDir) {
  return workspace::listWorkspace(workspaceDir.toStdString());
}

}  // namespace manifold::ui
