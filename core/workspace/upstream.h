// Compare with upstream and update from upstream: a forked connector against its catalog.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/workspace/connector_project.h"
#include "core/workspace/origin.h"
#include "core/workspace/result.h"

namespace manifold::workspace {

// The catalog's files as they were forked (.manifold/origin/), the base of a comparison.
ConnectorFiles originSnapshot(const std::filesystem::path& projectDir);

// A unified diff of the project's files against `upstream` (labels upstream/<file> and
// workspace/<file>); metadata.yaml is compared without its `origin:` block. Empty when equal.
std::string compareWithUpstream(const std::filesystem::path& projectDir, const ConnectorFiles& upstream);

struct FileUpdate {
  enum class Status { Unchanged, Updated, Added, KeptOurs, Conflict };
  std::string file;
  Status status = Status::Unchanged;
  std::size_t conflicts = 0;
  std::filesystem::path resultPath;  // where the merged text was written (Conflict: in .manifold/merge/)
};

struct UpdateReport {
  std::vector<FileUpdate> files;
  std::size_t conflicts = 0;           // total conflict blocks; 0 means the update was applied
  std::filesystem::path backupDir;     // the project's files before a clean update
  bool applied() const { return conflicts == 0; }
};

// Three-way merge of each file: base = the origin's files, ours = the project's, theirs =
// upstream now. When every file merges cleanly, the old files go to .manifold/backup/<date>/,
// the merged ones replace them, and origin (commit, date) and the snapshot move to `theirs`.
// When any file conflicts, the project's files stay untouched and each merged text (with
// conflict markers where both sides changed the same lines) is written to .manifold/merge/.
// A file upstream deleted is kept (KeptOurs); one upstream added is added.
Result<UpdateReport> updateFromUpstream(const std::filesystem::path& projectDir, const ConnectorFiles& base,
                                        const ConnectorFiles& theirs, const Origin& upstreamOrigin);

}  // namespace manifold::workspace
