// Compare with upstream and update from upstream on a forked connector folder.
#include "core/workspace/upstream.h"

#include <gtest/gtest.h>

#include "core/workspace/fork.h"
#include "tests/support/temp_dir.h"

namespace manifold::workspace {
namespace {

using testing::TempDir;

const std::string kManifest =
    "version: 6.7.0\n"
    "streams:\n"
    "  - name: users\n"
    "    path: /users\n"
    "  - name: orders\n"
    "    path: /orders\n"
    "  - name: events\n"
    "    path: /events\n";
const std::string kMetadata = "data:\n  name: shop\n  version: 1.0.0\n";

struct Forked {
  TempDir dir;
  std::filesystem::path project;
  ConnectorFiles base{{"manifest.yaml", kManifest}, {"metadata.yaml", kMetadata}};

  Forked() {
    auto forked = forkIntoWorkspace(
        {dir.path(), "shop", base, Origin{"github", "acme/catalog", "main", "connectors/shop", "c1", "", ""}});
    project = forked.value();
  }
  void edit(const std::string& file, const std::string& from, const std::string& to) const {
    std::string text = dir.read("shop/" + file);
    text.replace(text.find(from), from.size(), to);
    dir.write("shop/" + file, text);
  }
};

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  return text.replace(text.find(from), from.size(), to);
}

TEST(Upstream, ComparesTheUsersFilesWithTheOriginAsAUnifiedDiff) {
  Forked f;
  EXPECT_EQ(compareWithUpstream(f.project, originSnapshot(f.project)), "");  // the origin block is not a change
  f.edit("manifest.yaml", "path: /orders", "path: /v2/orders");
  const std::string diff = compareWithUpstream(f.project, originSnapshot(f.project));
  EXPECT_NE(diff.find("--- upstream/manifest.yaml\n+++ workspace/manifest.yaml\n"), std::string::npos) << diff;
  EXPECT_NE(diff.find("-    path: /orders\n+    path: /v2/orders\n"), std::string::npos) << diff;
  EXPECT_EQ(diff.find("metadata.yaml"), std::string::npos) << diff;
}

TEST(Upstream, UpdateAppliesUpstreamChangesBesideTheUsersAndMovesTheOrigin) {
  Forked f;
  f.edit("manifest.yaml", "path: /users", "path: /v2/users");
  ConnectorFiles theirs = f.base;
  theirs["manifest.yaml"] = replaced(kManifest, "path: /events", "path: /events?all=1");
  theirs["metadata.yaml"] = replaced(kMetadata, "1.0.0", "1.1.0");
  theirs["README.md"] = "# Shop\n";
  const auto report = updateFromUpstream(f.project, originSnapshot(f.project), theirs,
                                         Origin{"github", "acme/catalog", "main", "connectors/shop", "c2", "", ""});
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->applied());
  const std::string manifest = f.dir.read("shop/manifest.yaml");
  EXPECT_NE(manifest.find("path: /v2/users"), std::string::npos) << manifest;
  EXPECT_NE(manifest.find("path: /events?all=1"), std::string::npos) << manifest;
  EXPECT_EQ(f.dir.read("shop/README.md"), "# Shop\n");
  const std::string metadata = f.dir.read("shop/metadata.yaml");
  EXPECT_NE(metadata.find("version: 1.1.0"), std::string::npos) << metadata;
  const auto origin = readOrigin(metadata);
  ASSERT_TRUE(origin);
  EXPECT_EQ(origin->commit, "c2");
  EXPECT_EQ(origin->repository, "acme/catalog");
  // The files before the update are kept, and the new base is upstream's.
  EXPECT_NE(f.dir.read("shop/.manifold/backup/" + report->backupDir.filename().string() + "/manifest.yaml")
                .find("path: /v2/users"),
            std::string::npos);
  EXPECT_EQ(originSnapshot(f.project).at("manifest.yaml"), theirs["manifest.yaml"]);
  const std::string diff = compareWithUpstream(f.project, theirs);  // only the user's own change is left
  EXPECT_NE(diff.find("-    path: /users\n+    path: /v2/users\n"), std::string::npos) << diff;
  EXPECT_EQ(diff.find("path: /events"), std::string::npos) << diff;
}

TEST(Upstream, ConflictingUpdateLeavesTheProjectAloneAndWritesTheMergeBesideIt) {
  Forked f;
  f.edit("manifest.yaml", "path: /orders", "path: /mine/orders");
  const std::string before = f.dir.read("shop/manifest.yaml");
  const std::string metadataBefore = f.dir.read("shop/metadata.yaml");
  ConnectorFiles theirs = f.base;
  theirs["manifest.yaml"] = replaced(replaced(kManifest, "path: /orders", "path: /theirs/orders"), "path: /events",
                                     "path: /v3/events");
  const auto report = updateFromUpstream(f.project, originSnapshot(f.project), theirs,
                                         Origin{"github", "acme/catalog", "main", "connectors/shop", "c2", "", ""});
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_FALSE(report->applied());
  EXPECT_EQ(report->conflicts, 1u);
  EXPECT_EQ(f.dir.read("shop/manifest.yaml"), before);
  EXPECT_EQ(f.dir.read("shop/metadata.yaml"), metadataBefore);
  const auto& manifestUpdate = report->files.front();
  EXPECT_EQ(manifestUpdate.file, "manifest.yaml");
  EXPECT_EQ(manifestUpdate.status, FileUpdate::Status::Conflict);
  EXPECT_EQ(manifestUpdate.resultPath, f.project / ".manifold" / "merge" / "manifest.yaml");
  const std::string merged = f.dir.read("shop/.manifold/merge/manifest.yaml");
  EXPECT_NE(merged.find("<<<<<<< workspace\n    path: /mine/orders\n||||||| origin\n    path: /orders\n=======\n"
                        "    path: /theirs/orders\n>>>>>>> upstream c2\n"),
            std::string::npos)
      << merged;
  EXPECT_NE(merged.find("path: /v3/events"), std::string::npos) << merged;  // the clean part is merged too
  EXPECT_EQ(readOrigin(f.dir.read("shop/.manifold/merge/metadata.yaml"))->commit, "c1");
}

TEST(Upstream, KeepsAFileUpstreamDeleted) {
  Forked f;
  ConnectorFiles theirs{{"manifest.yaml", kManifest}};
  const auto report = updateFromUpstream(f.project, originSnapshot(f.project), theirs,
                                         Origin{"github", "acme/catalog", "main", "connectors/shop", "c2", "", ""});
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->applied());
  EXPECT_NE(f.dir.read("shop/metadata.yaml").find("name: shop"), std::string::npos);
  EXPECT_EQ(report->files[1].status, FileUpdate::Status::KeptOurs);
}

}  // namespace
}  // namespace manifold::workspace
