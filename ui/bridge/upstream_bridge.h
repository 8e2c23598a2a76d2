// Compare with upstream and update from upstream for a forked connector folder: core/catalog's
// fork_upstream in Qt types. The two calls touch the disk and maybe GitHub: run them on a worker.
#pragma once

#include "ui/bridge/catalog_bridge.h"

#include <QList>
#include <QString>

#include <stop_token>

namespace manifold::ui {

// True when dir/metadata.yaml records an origin (a small local read).
bool isForkedConnector(const QString& dir);

struct UpstreamDiff {
  QString diff;     // unified diff from upstream to the workspace; empty when equal
  QString against;  // "commit 1a2b3c4d5e6f", "bundled 0.1.0"
  QString error;
};

// upstreamNow false: against the version forked (the user's own changes); true: upstream today.
UpstreamDiff compareConnectorWithUpstream(const CatalogSettings& settings, const QString& dir, bool upstreamNow,
                                          std::stop_token stop);

struct UpstreamFileResult {
  QString file;
  enum class Status { Unchanged, Updated, Added, KeptOurs, Conflict } status = Status::Unchanged;
  int conflicts = 0;
  QString mergedPath;  // Conflict: the merged text with conflict markers, in .manifold/merge/
};

struct UpstreamUpdate {
  QString error;  // the update could not run at all
  bool applied = false;
  int conflicts = 0;
  QList<UpstreamFileResult> files;
  QString backupDir;     // applied: the files as they were before
  QString conflictText;  // not applied: each conflicting file's merged text, headed by its name
};

UpstreamUpdate updateConnectorFromUpstream(const CatalogSettings& settings, const QString& dir, std::stop_token stop);

}  // namespace manifold::ui
