// Compare with upstream and update from upstream for a fork of a bundled catalog whose folder the
// test owns, so "upstream" can change under the fork.
#include "core/catalog/fork_upstream.h"

#include <gtest/gtest.h>

#include "core/catalog/bundled_catalog.h"
#include "core/catalog/catalog_fork.h"
#include "tests/support/temp_dir.h"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace manifold::catalog {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

const std::string kManifest =
    "version: 6.4.0\n"
    "type: DeclarativeSource\n"
    "check:\n  type: CheckStream\n  stream_names: [users]\n"
    "streams:\n"
    "  - type: DeclarativeStream\n"
    "    name: users\n"
    "    retriever:\n"
    "      type: SimpleRetriever\n"
    "      requester:\n"
    "        type: HttpRequester\n"
    "        url_base: https://api.example.com\n"
    "        path: /users\n"
    "      record_selector:\n"
    "        type: RecordSelector\n"
    "        extractor:\n"
    "          type: DpathExtractor\n"
    "          field_path: []\n";

struct ForkUpstream : ::testing::Test {
  TempDir catalogDir{"manifold-catalog"};
  TempDir workspaceDir{"manifold-workspace"};
  fs::path project;

  void SetUp() override {
    catalogDir.write("shop/manifest.yaml", kManifest);
    catalogDir.write("shop/metadata.yaml", "data:\n  name: shop\n  title: Shop\n  version: 1.0.0\n");
    const auto listing = listBundledCatalog(catalogDir.path());
    const CatalogEntry* shop = findEntry(listing, "shop");
    ASSERT_NE(shop, nullptr);
    const auto forked = forkEntry(*shop, bundledFiles(*shop), workspaceDir.path());
    ASSERT_TRUE(forked) << forked.error().message;
    project = forked.value();
  }
};

}  // namespace

TEST_F(ForkUpstream, ComparesTheUsersChangesWithTheOriginAndEverythingWithUpstreamNow) {
  auto same = compareForkWithUpstream(project, CompareAgainst::Origin, catalogDir.path(), {});
  ASSERT_TRUE(same) << same.error().message;
  EXPECT_EQ(same->diff, "");
  EXPECT_EQ(describeVersion(same->against), "bundled 1.0.0");

  ASSERT_TRUE(workspaceDir.replaceFirst("shop/manifest.yaml", "field_path: []", "field_path: [data]")) << "field_path: []";
  ASSERT_TRUE(catalogDir.replaceFirst("shop/manifest.yaml", "https://api.example.com", "https://api.example.org")) << "https://api.example.com";

  const auto mine = compareForkWithUpstream(project, CompareAgainst::Origin, catalogDir.path(), {});
  ASSERT_TRUE(mine) << mine.error().message;
  EXPECT_NE(mine->diff.find("--- upstream/manifest.yaml"), std::string::npos) << mine->diff;
  EXPECT_NE(mine->diff.find("-          field_path: []\n+          field_path: [data]\n"), std::string::npos) << mine->diff;
  EXPECT_EQ(mine->diff.find("example.org"), std::string::npos) << "upstream's change is not the user's";

  const auto all = compareForkWithUpstream(project, CompareAgainst::UpstreamNow, catalogDir.path(), {});
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_NE(all->diff.find("-        url_base: https://api.example.org\n+        url_base: https://api.example.com\n"),
            std::string::npos)
      << all->diff;
  EXPECT_NE(all->diff.find("+          field_path: [data]\n"), std::string::npos);
}

TEST_F(ForkUpstream, AnUpdateTakesUpstreamsChangesBesideTheUsers) {
  ASSERT_TRUE(workspaceDir.replaceFirst("shop/manifest.yaml", "field_path: []", "field_path: [data]")) << "field_path: []";
  ASSERT_TRUE(catalogDir.replaceFirst("shop/manifest.yaml", "https://api.example.com", "https://api.example.org")) << "https://api.example.com";
  ASSERT_TRUE(catalogDir.replaceFirst("shop/metadata.yaml", "version: 1.0.0", "version: 1.1.0")) << "version: 1.0.0";

  const auto report = updateForkFromUpstream(project, catalogDir.path(), {});
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->applied());
  const std::string merged = workspaceDir.read("shop/manifest.yaml");
  EXPECT_NE(merged.find("field_path: [data]"), std::string::npos) << merged;
  EXPECT_NE(merged.find("https://api.example.org"), std::string::npos) << merged;
  EXPECT_TRUE(fs::exists(report->backupDir / "manifest.yaml"));
  const auto origin = forkOrigin(project);
  ASSERT_TRUE(origin);
  EXPECT_EQ(origin->version, "1.1.0") << "the fork now stands on upstream's version";
  const auto mine = compareForkWithUpstream(project, CompareAgainst::Origin, catalogDir.path(), {});
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->diff.find("example.org"), std::string::npos) << "the new base includes upstream's change";
  EXPECT_NE(mine->diff.find("+          field_path: [data]"), std::string::npos) << mine->diff;
}

TEST_F(ForkUpstream, AConflictChangesNothingAndKeepsBothSidesInTheMergeFolder) {
  ASSERT_TRUE(workspaceDir.replaceFirst("shop/manifest.yaml", "path: /users", "path: /mine")) << "path: /users";
  ASSERT_TRUE(catalogDir.replaceFirst("shop/manifest.yaml", "path: /users", "path: /theirs")) << "path: /users";
  const std::string before = workspaceDir.read("shop/manifest.yaml");

  const auto report = updateForkFromUpstream(project, catalogDir.path(), {});
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_FALSE(report->applied());
  EXPECT_EQ(report->conflicts, 1u);
  EXPECT_EQ(workspaceDir.read("shop/manifest.yaml"), before) << "nothing lost, nothing changed";
  const auto conflict = std::find_if(report->files.begin(), report->files.end(), [](const auto& f) {
    return f.status == workspace::FileUpdate::Status::Conflict;
  });
  ASSERT_NE(conflict, report->files.end());
  EXPECT_EQ(conflict->file, "manifest.yaml");
  std::ifstream in(conflict->resultPath);
  const std::string markers((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(markers.find("<<<<<<< workspace"), std::string::npos) << markers;
  EXPECT_NE(markers.find("path: /mine"), std::string::npos);
  EXPECT_NE(markers.find("path: /theirs"), std::string::npos);
}

TEST(ForkOrigin, AFolderThatWasNotForkedSaysSo) {
  TempDir dir;
  dir.write("mine/manifest.yaml", kManifest);
  dir.write("mine/metadata.yaml", "data:\n  name: mine\n");
  const auto origin = forkOrigin(dir / "mine");
  ASSERT_FALSE(origin);
  EXPECT_NE(origin.error().message.find("was not forked from a catalog"), std::string::npos) << origin.error().message;
  const auto compared = compareForkWithUpstream(dir / "mine", CompareAgainst::Origin, std::nullopt, {});
  EXPECT_FALSE(compared);
}

}  // namespace manifold::catalog
