// manifold-cli diff-upstream and update-upstream on a fork of a catalog folder the test owns
// ($MANIFOLD_MANIFESTS_DIR), run as a user runs them.
#include "tests/support/process_runner.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace {

using manifold::testing::binaryPath;
using manifold::testing::ProcessOptions;
using manifold::testing::ProcessResult;
using manifold::testing::runProcess;
using manifold::testing::TempDir;

const char* kManifest =
    "version: 6.4.0\ntype: DeclarativeSource\ncheck:\n  type: CheckStream\n  stream_names: [users]\n"
    "streams:\n  - type: DeclarativeStream\n    name: users\n    retriever:\n      type: SimpleRetriever\n"
    "      requester:\n        type: HttpRequester\n        url_base: https://api.example.com\n"
    "        path: /users\n      record_selector:\n        type: RecordSelector\n        extractor:\n"
    "          type: DpathExtractor\n          field_path: []\n";

struct UpstreamCli : ::testing::Test {
  TempDir catalog{"manifold-cli-catalog"};
  TempDir workspace{"manifold-cli-ws"};
  ProcessOptions options;

  void SetUp() override {
    catalog.write("shop/manifest.yaml", kManifest);
    catalog.write("shop/metadata.yaml", "data:\n  name: shop\n  title: Shop\n  version: 1.0.0\n");
    options.extraEnv = {"MANIFOLD_MANIFESTS_DIR=" + catalog.path().string()};
    const auto forked = cli({"fork", "shop", "--into", workspace.path().string()});
    ASSERT_EQ(forked.exitCode, 0) << forked.err;
  }

  ProcessResult cli(const std::vector<std::string>& args) const {
    return runProcess(binaryPath("manifold-cli"), args, options);
  }
  std::string dir() const { return (workspace / "shop").string(); }
};

}  // namespace

TEST_F(UpstreamCli, DiffUpstreamShowsTheUsersChangesOrEverythingAgainstUpstreamNow) {
  auto r = cli({"diff-upstream", dir()});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("no difference from bundled 1.0.0"), std::string::npos) << r.err;

  ASSERT_TRUE(workspace.replaceFirst("shop/manifest.yaml", "field_path: []", "field_path: [data]")) << "field_path: []";
  ASSERT_TRUE(catalog.replaceFirst("shop/manifest.yaml", "https://api.example.com", "https://api.example.org")) << "https://api.example.com";
  r = cli({"diff-upstream", dir()});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("--- upstream/manifest.yaml\n+++ workspace/manifest.yaml\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("+          field_path: [data]\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("example.org"), std::string::npos) << r.out;

  r = cli({"diff-upstream", dir(), "--against", "upstream"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("-        url_base: https://api.example.org\n"), std::string::npos) << r.out;

  r = cli({"diff-upstream", dir(), "--against", "yesterday"});
  EXPECT_EQ(r.exitCode, 2);
}

TEST_F(UpstreamCli, UpdateUpstreamMergesOrReportsTheConflictAndChangesNothing) {
  ASSERT_TRUE(workspace.replaceFirst("shop/manifest.yaml", "field_path: []", "field_path: [data]")) << "field_path: []";
  ASSERT_TRUE(catalog.replaceFirst("shop/manifest.yaml", "https://api.example.com", "https://api.example.org")) << "https://api.example.com";
  auto r = cli({"update-upstream", dir()});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("updated\tmanifest.yaml\n"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("updated; the previous files are in "), std::string::npos) << r.err;
  std::string merged = workspace.read("shop/manifest.yaml");
  EXPECT_NE(merged.find("field_path: [data]"), std::string::npos);
  EXPECT_NE(merged.find("api.example.org"), std::string::npos);

  ASSERT_TRUE(workspace.replaceFirst("shop/manifest.yaml", "path: /users", "path: /mine")) << "path: /users";
  ASSERT_TRUE(catalog.replaceFirst("shop/manifest.yaml", "path: /users", "path: /theirs")) << "path: /users";
  merged = workspace.read("shop/manifest.yaml");
  r = cli({"update-upstream", dir()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.out.find("CONFLICT\tmanifest.yaml (1 conflict)\t"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("not updated: 1 conflict where you and upstream changed the same lines"), std::string::npos)
      << r.err;
  EXPECT_EQ(workspace.read("shop/manifest.yaml"), merged) << "nothing changed";
}

TEST_F(UpstreamCli, AFolderThatWasNotForkedIsRefusedWithTheReason) {
  TempDir plain;
  plain.write("manifest.yaml", kManifest);
  plain.write("metadata.yaml", "data:\n  name: plain\n");
  const auto r = cli({"diff-upstream", plain.path().string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.err.find("was not forked from a catalog"), std::string::npos) << r.err;
}
