// The catalog browser's calls into core: listing catalogs, reading details, forking, the
// workspace. Each runs on a worker thread (it may touch the network or the disk).
#pragma once

#include <QString>
#include <QVector>

#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "core/catalog/catalog_entry.h"
#include "core/catalog/remote_catalog.h"
#include "core/workspace/connector_project.h"

namespace manifold::ui {

// Where the catalogs are and how to reach GitHub (from AppSettings; tests set them directly).
struct CatalogSettings {
  QString workspaceDir;   // the user's connectors
  QString repository;     // GitHub catalog: OWNER/NAME
  QString branch;
  QString pathPattern;
  QString apiUrl;
  QString cacheDir;       // QStandardPaths::CacheLocation + "/catalog"
  QString token;          // GITHUB_TOKEN, when set

  static CatalogSettings fromAppSettings();
  catalog::RemoteCatalogOptions remoteOptions() const;
};

struct CatalogLoad {
  std::vector<catalog::CatalogEntry> entries;
  QStringList warnings;
  QString error;  // empty when the listing worked
};

CatalogLoad loadBundledCatalog();
CatalogLoad loadRemoteCatalog(const CatalogSettings& settings, std::stop_token stop);

// The entry with metadata, streams and icon (a remote entry's files are read on demand).
std::optional<catalog::CatalogEntry> loadDetails(const CatalogSettings& settings, const catalog::CatalogEntry& entry,
                                                 std::stop_token stop);

struct ForkOutcome {
  QString dir;            // the new connector folder, empty on failure
  QString error;
  QString suggestedName;  // when the folder existed
};

// Copies the entry into the workspace as `name` (empty: the entry's name).
ForkOutcome forkCatalogEntry(const CatalogSettings& settings, const catalog::CatalogEntry& entry, const QString& name,
                             std::stop_token stop);

std::vector<workspace::ConnectorProject> listWorkspaceConnectors(const QString& workspaceDir);

inline QString toQString(const std::string& text) { return QString::fromStdString(text); }

}  // namespace manifold::ui
