// Compare with upstream and update from upstream for a forked connector folder, in Qt types.
#include "ui/bridge/upstream_bridge.h"

#include "core/catalog/bundled_catalog.h"
#include "core/catalog/fork_upstream.h"
#include "core/workspace/file_io.h"

#include <QObject>

namespace manifold::ui {

namespace {

std::filesystem::path pathOf(const QString& dir) { return std::filesystem::path(dir.toStdString()); }

UpstreamFileResult::Status uiStatus(workspace::FileUpdate::Status status) {
  using S = workspace::FileUpdate::Status;
  switch (status) {
    case S::Unchanged: return UpstreamFileResult::Status::Unchanged;
    case S::Updated: return UpstreamFileResult::Status::Updated;
    case S::Added: return UpstreamFileResult::Status::Added;
    case S::KeptOurs: return UpstreamFileResult::Status::KeptOurs;
    case S::Conflict: return UpstreamFileResult::Status::Conflict;
  }
  return UpstreamFileResult::Status::Unchanged;
}

}  // namespace

bool isForkedConnector(const QString& dir) {
  return !dir.isEmpty() && catalog::forkOrigin(pathOf(dir)).ok();
}

UpstreamDiff compareConnectorWithUpstream(const CatalogSettings& settings, const QString& dir, bool upstreamNow,
                                          std::stop_token stop) {
  UpstreamDiff out;
  const auto comparison = catalog::compareForkWithUpstream(
      pathOf(dir), upstreamNow ? catalog::CompareAgainst::UpstreamNow : catalog::CompareAgainst::Origin,
      catalog::findBundledCatalog(), settings.remoteOptions(), stop);
  if (!comparison) {
    out.error = toQString(comparison.error().message);
    return out;
  }
  out.diff = toQString(comparison->diff);
  out.against = toQString(catalog::describeVersion(comparison->against));
  return out;
}

UpstreamUpdate updateConnectorFromUpstream(const CatalogSettings& settings, const QString& dir, std::stop_token stop) {
  UpstreamUpdate out;
  const auto report =
      catalog::updateForkFromUpstream(pathOf(dir), catalog::findBundledCatalog(), settings.remoteOptions(), stop);
  if (!report) {
    out.error = toQString(report.error().message);
    return out;
  }
  out.applied = report->applied();
  out.conflicts = static_cast<int>(report->conflicts);
  out.backupDir = QString::fromStdString(report->backupDir.string());
  for (const auto& file : report->files) {
    UpstreamFileResult result{toQString(file.file), uiStatus(file.status), static_cast<int>(file.conflicts),
                              QString::fromStdString(file.resultPath.string())};
    if (result.status == UpstreamFileResult::Status::Conflict) {
      const auto merged = workspace::readTextFile(file.resultPath);
      out.conflictText += QStringLiteral("# %1 — %2\n").arg(result.file, result.mergedPath);
      out.conflictText += merged ? toQString(*merged) : QObject::tr("(the merged text could not be read)\n");
      out.conflictText += QLatin1Char('\n');
    }
    out.files.append(result);
  }
  return out;
}

}  // namespace manifold::ui
