// Forking catalog entries (bundled and GitHub) with provenance, and updating a fork from upstream.
#include "core/catalog/catalog_fork.h"

#include <gtest/gtest.h>

#include "core/catalog/bundled_catalog.h"
#include "core/workspace/upstream.h"
#include "tests/core/github/fake_github.h"
#include "tests/support/temp_dir.h"

namespace manifold::catalog {
namespace {

namespace fs = std::filesystem;
using testing::FakeGitHub;
using testing::TempDir;

TEST(CatalogFork, ForksABundledConnectorWithItsProvenance) {
  TempDir workspace;
  const auto listing = listBundledCatalog(fs::path(MANIFOLD_SOURCE_DIR) / "manifests");
  const CatalogEntry* demo = findEntry(listing, "demo");
  ASSERT_NE(demo, nullptr);
  const auto forked = forkEntry(*demo, bundledFiles(*demo), workspace.path());
  ASSERT_TRUE(forked) << forked.error().message;
  EXPECT_EQ(forked.value(), workspace / "demo");
  EXPECT_EQ(workspace.read("demo/manifest.yaml"), workspace::readConnectorFiles(demo->path).at("manifest.yaml"));
  const auto origin = workspace::readOrigin(workspace.read("demo/metadata.yaml"));
  ASSERT_TRUE(origin);
  EXPECT_EQ(origin->catalog, "bundled");
  EXPECT_EQ(origin->path, "manifests/demo");
  EXPECT_EQ(origin->version, "0.1.0");
  EXPECT_TRUE(fs::is_directory(workspace / "demo/.manifold"));

  const auto again = forkEntry(*demo, bundledFiles(*demo), workspace.path());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, CatalogErrorKind::Exists);
  EXPECT_EQ(again.error().suggestedName, "demo-2");
  EXPECT_TRUE(forkEntry(*demo, bundledFiles(*demo), workspace.path(), "my-demo"));
  EXPECT_EQ(workspace::listWorkspace(workspace.path()).size(), 2u);

  // Upstream of a bundled fork is the bundled folder: nothing differs yet.
  const auto upstream = fetchUpstream(*origin, fs::path(MANIFOLD_SOURCE_DIR) / "manifests", {});
  ASSERT_TRUE(upstream) << upstream.error().message;
  EXPECT_EQ(workspace::compareWithUpstream(forked.value(), upstream->files), "");
}

TEST(CatalogFork, ForksFromGitHubAtTheListedCommitAndUpdatesFromTheNewHead) {
  FakeGitHub fake;
  fake.requireToken = false;
  const std::string dir = "airbyte-integrations/connectors/source-shop/";
  const std::string manifest = "version: 6.7.0\nstreams:\n  - name: users\n    path: /users\n  - name: orders\n"
                               "    path: /orders\n";
  const std::string first = fake.commitFiles(fake.upstream, "master",
                                             {{dir + "manifest.yaml", manifest},
                                              {dir + "metadata.yaml", "data:\n  name: Shop\n"}});
  fake.start();
  TempDir cache;
  TempDir workspace;
  RemoteCatalogOptions options;
  options.client.apiUrl = fake.baseUrl();
  options.cacheDir = cache.path();
  RemoteCatalog catalog(options);
  const auto listing = catalog.list();
  ASSERT_TRUE(listing) << listing.error().message;
  const CatalogEntry* shop = findEntry(listing.value(), "shop");  // "source-" may be left out
  ASSERT_NE(shop, nullptr);
  const auto files = catalog.files(*shop);
  ASSERT_TRUE(files) << files.error().message;
  const auto forked = forkEntry(*shop, files.value(), workspace.path());
  ASSERT_TRUE(forked) << forked.error().message;
  const auto origin = workspace::readOrigin(workspace.read("source-shop/metadata.yaml"));
  ASSERT_TRUE(origin);
  EXPECT_EQ(origin->catalog, "github");
  EXPECT_EQ(origin->repository, "airbytehq/airbyte");
  EXPECT_EQ(origin->branch, "master");
  EXPECT_EQ(origin->path, "airbyte-integrations/connectors/source-shop");
  EXPECT_EQ(origin->commit, first);

  // The user edits users, upstream edits orders: the update takes both.
  std::string mine = workspace.read("source-shop/manifest.yaml");
  mine.replace(mine.find("/users"), 6, "/v2/users");
  workspace.write("source-shop/manifest.yaml", mine);
  std::string theirs = manifest;
  theirs.replace(theirs.find("/orders"), 7, "/v2/orders");
  const std::string second = fake.commitFiles(fake.upstream, "master", {{dir + "manifest.yaml", theirs}});
  const auto upstream = fetchUpstream(*origin, std::nullopt, options);
  ASSERT_TRUE(upstream) << upstream.error().message;
  EXPECT_EQ(upstream->origin.commit, second);
  const auto base = fetchOriginFiles(forked.value(), *origin, options);
  ASSERT_TRUE(base);
  const auto report = workspace::updateFromUpstream(forked.value(), base.value(), upstream->files, upstream->origin);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->applied());
  const std::string merged = workspace.read("source-shop/manifest.yaml");
  EXPECT_NE(merged.find("/v2/users"), std::string::npos) << merged;
  EXPECT_NE(merged.find("/v2/orders"), std::string::npos) << merged;
  EXPECT_EQ(workspace::readOrigin(workspace.read("source-shop/metadata.yaml"))->commit, second);

  // Without the snapshot, the origin commit's files come from GitHub.
  fs::remove_all(forked.value() / ".manifold" / "origin");
  const auto fetched = fetchOriginFiles(forked.value(), *origin, options);
  ASSERT_TRUE(fetched) << fetched.error().message;
  EXPECT_EQ(fetched->at("manifest.yaml"), manifest);
}

}  // namespace
}  // namespace manifold::catalog
