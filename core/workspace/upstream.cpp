#include "core/workspace/upstream.h"

#include "core/workspace/file_io.h"
#include "core/workspace/line_diff.h"
#include "core/workspace/line_merge.h"

namespace manifold::workspace {

namespace fs = std::filesystem;

namespace {

const std::string* find(const ConnectorFiles& files, std::string_view name) {
  const auto it = files.find(std::string(name));
  return it == files.end() ? nullptr : &it->second;
}

}  // namespace

ConnectorFiles originSnapshot(const fs::path& projectDir) {
  return readConnectorFiles(projectDir / kLocalStateDir / "origin");
}

std::string compareWithUpstream(const fs::path& projectDir, const ConnectorFiles& upstream) {
  const ConnectorFiles ours = readConnectorFiles(projectDir);
  std::string out;
  for (const auto name : kConnectorFiles) {
    const std::string* before = find(upstream, name);
    const std::string* after = find(ours, name);
    if (before == nullptr && after == nullptr) continue;
    std::string beforeText = before != nullptr ? *before : std::string();
    std::string afterText = after != nullptr ? *after : std::string();
    if (name == "metadata.yaml") {
      beforeText = removeOrigin(beforeText);
      afterText = removeOrigin(afterText);
    }
    out += unifiedDiff(beforeText, afterText, before != nullptr ? "upstream/" + std::string(name) : "/dev/null",
                       after != nullptr ? "workspace/" + std::string(name) : "/dev/null");
  }
  return out;
}

Result<UpdateReport> updateFromUpstream(const fs::path& projectDir, const ConnectorFiles& base,
                                        const ConnectorFiles& theirs, const Origin& upstreamOrigin) {
  const ConnectorFiles ours = readConnectorFiles(projectDir);
  if (!ours.contains("manifest.yaml")) {
    return WorkspaceError{WorkspaceErrorKind::NotFound,
                          "cannot update " + projectDir.string() + ": it has no manifest.yaml", ""};
  }
  const std::string oursMetadata = ours.contains("metadata.yaml") ? ours.at("metadata.yaml") : std::string();
  Origin previous = readOrigin(oursMetadata).value_or(Origin{});
  const std::string label = upstreamOrigin.commit.empty() ? upstreamOrigin.version : upstreamOrigin.commit.substr(0, 12);
  const MergeLabels labels{"workspace", "origin", "upstream " + label};

  UpdateReport report;
  ConnectorFiles merged;
  for (const auto name : kConnectorFiles) {
    const std::string file(name);
    const std::string* b = find(base, name);
    const std::string* o = find(ours, name);
    const std::string* t = find(theirs, name);
    FileUpdate update{file, FileUpdate::Status::Unchanged, 0, {}};
    if (t == nullptr) {
      if (o != nullptr && b != nullptr) update.status = FileUpdate::Status::KeptOurs;
      if (o == nullptr && b == nullptr) continue;
    } else if (o == nullptr) {
      // Upstream has it and the user does not: new upstream, or deleted here (then keep it deleted).
      if (b != nullptr) {
        update.status = FileUpdate::Status::KeptOurs;
      } else {
        update.status = FileUpdate::Status::Added;
        merged[file] = *t;
      }
    } else {
      std::string baseText = b != nullptr ? *b : std::string();
      std::string oursText = *o;
      std::string theirsText = *t;
      if (file == "metadata.yaml") {  // the origin block is ours alone; it is rewritten below
        baseText = removeOrigin(baseText);
        oursText = removeOrigin(oursText);
        theirsText = removeOrigin(theirsText);
      }
      MergeResult result = mergeLines(baseText, oursText, theirsText, labels);
      update.conflicts = result.conflicts;
      report.conflicts += result.conflicts;
      if (result.conflicts > 0) {
        update.status = FileUpdate::Status::Conflict;
      } else if (result.text != oursText) {
        update.status = FileUpdate::Status::Updated;
      }
      if (update.status != FileUpdate::Status::Unchanged || file == "metadata.yaml") merged[file] = std::move(result.text);
    }
    report.files.push_back(std::move(update));
  }

  if (report.conflicts > 0) {
    // Nothing in the project changes: every merged text goes to .manifold/merge/ for the user.
    const fs::path mergeDir = projectDir / kLocalStateDir / "merge";
    for (auto& update : report.files) {
      const auto it = merged.find(update.file);
      if (it == merged.end()) continue;
      std::string text = it->second;
      if (update.file == "metadata.yaml") text = writeOrigin(text, previous);
      auto saved = writeFileAtomically(mergeDir / update.file, text);
      if (!saved) return saved.error();
      update.resultPath = mergeDir / update.file;
    }
    return report;
  }

  Origin next = previous;
  next.commit = upstreamOrigin.commit;
  next.version = upstreamOrigin.version;
  if (!upstreamOrigin.branch.empty()) next.branch = upstreamOrigin.branch;
  next.date = utcNowIso();
  merged["metadata.yaml"] = writeOrigin(merged.contains("metadata.yaml") ? merged["metadata.yaml"] : oursMetadata, next);

  report.backupDir = projectDir / kLocalStateDir / "backup" / next.date;
  for (const auto& [file, text] : ours) {
    auto saved = writeFileAtomically(report.backupDir / file, text);
    if (!saved) return saved.error();
  }
  for (auto& update : report.files) {
    const auto it = merged.find(update.file);
    if (it == merged.end()) continue;
    auto saved = writeFileAtomically(projectDir / update.file, it->second);
    if (!saved) return saved.error();
    update.resultPath = projectDir / update.file;
  }
  // The new base for the next comparison: upstream as merged now.
  const fs::path snapshot = projectDir / kLocalStateDir / "origin";
  for (const auto name : kConnectorFiles) {
    std::error_code ec;
    if (const std::string* t = find(theirs, name)) {
      auto saved = writeFileAtomically(snapshot / name, *t);
      if (!saved) return saved.error();
    } else {
      fs::remove(snapshot / name, ec);
    }
  }
  return report;
}

}  // namespace manifold::workspace
