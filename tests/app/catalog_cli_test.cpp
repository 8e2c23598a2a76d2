// manifold-cli catalog list and fork, run as a user runs them, against the bundled catalog and
// the fake GitHub on 127.0.0.1.
#include "tests/core/github/fake_github.h"
#include "tests/support/process_runner.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace {

using manifold::testing::binaryPath;
using manifold::testing::FakeGitHub;
using manifold::testing::ProcessOptions;
using manifold::testing::runProcess;
using manifold::testing::TempDir;

const std::string kDir = "airbyte-integrations/connectors/";
const char* kManifest =
    "version: 6.7.0\ntype: DeclarativeSource\nstreams:\n  - type: DeclarativeStream\n    name: pets\n"
    "    retriever:\n      type: SimpleRetriever\n      requester:\n        type: HttpRequester\n"
    "        url_base: https://api.example.com\n        path: /pets\n      record_selector:\n"
    "        type: RecordSelector\n        extractor:\n          type: DpathExtractor\n          field_path: []\n";

struct Remote {
  FakeGitHub fake;
  TempDir cache{"manifold-cli-cache"};
  std::string head;
  Remote() {
    head = fake.commitFiles(fake.upstream, "master",
                            {{kDir + "source-alpha/manifest.yaml", kManifest},
                             {kDir + "source-alpha/metadata.yaml", "data:\n  name: Alpha\n  supportLevel: community\n"}});
  }
  // The API URL from the environment, as tests and GitHub Enterprise users set it.
  ProcessOptions env(bool token = true) const {
    ProcessOptions options;
    options.extraEnv = {"MANIFOLD_GITHUB_API_URL=" + fake.baseUrl(), "XDG_CACHE_HOME=" + cache.path().string(),
                        std::string("GITHUB_TOKEN=") + (token ? FakeGitHub::kToken : "")};
    return options;
  }
};

TEST(CatalogCli, ListsTheBundledCatalog) {
  const auto r = runProcess(binaryPath("manifold-cli"), {"catalog", "list"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("demo\tManifold Demo API\tbundled\tcustomers, orders, "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("pokeapi\t"), std::string::npos) << r.out;
}

TEST(CatalogCli, ListsTheBundledCatalogAsJson) {
  const auto r = runProcess(binaryPath("manifold-cli"), {"catalog", "list", "--json"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json["source"], "bundled");
  ASSERT_GE(json["connectors"].size(), 15u);
  const auto& first = json["connectors"][0];
  for (const char* key : {"name", "title", "source", "streams", "authType", "supportLevel", "category"}) {
    EXPECT_TRUE(first.contains(key)) << key;
  }
}

TEST(CatalogCli, ListsARemoteCatalogWithTitlesAndStreamsUsingTheToken) {
  Remote remote;
  remote.fake.start();
  const auto r = runProcess(binaryPath("manifold-cli"), {"catalog", "list", "--remote", "airbytehq/airbyte"}, remote.env());
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "source-alpha\tAlpha\tairbytehq/airbyte@master\tpets\n");
  // The listing and files were cached under $XDG_CACHE_HOME/Manifold/Manifold/catalog.
  EXPECT_TRUE(std::filesystem::is_directory(remote.cache / "Manifold/Manifold/catalog/github"));
  remote.fake.clearRequests();
  const auto offline = runProcess(binaryPath("manifold-cli"),
                                  {"catalog", "list", "--remote", "airbytehq/airbyte", "--offline", "--json"}, remote.env());
  ASSERT_EQ(offline.exitCode, 0) << offline.err;
  EXPECT_TRUE(remote.fake.requests().empty());
  const auto json = nlohmann::json::parse(offline.out);
  EXPECT_EQ(json["commit"], remote.head);
  EXPECT_EQ(json["fromCache"], true);
  EXPECT_EQ(json["connectors"][0]["streams"], nlohmann::json::array({"pets"}));
}

TEST(CatalogCli, ReportsTheRateLimitAndA404) {
  Remote remote;
  remote.fake.overrides.push_back({"GET", "/repos/airbytehq/airbyte/git/ref", 403, {{"message", "API rate limit exceeded"}},
                                   {{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset", "1795000000"}}});
  remote.fake.start();
  const auto limited = runProcess(binaryPath("manifold-cli"), {"catalog", "list", "--remote", "airbytehq/airbyte"}, remote.env());
  EXPECT_EQ(limited.exitCode, 1);
  EXPECT_NE(limited.err.find("rate limit"), std::string::npos) << limited.err;
  EXPECT_NE(limited.err.find("2026-11-18 11:06:40 UTC"), std::string::npos) << limited.err;
  const auto missing = runProcess(binaryPath("manifold-cli"), {"catalog", "list", "--remote", "someone/else"}, remote.env());
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_NE(missing.err.find("someone/else"), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("404"), std::string::npos) << missing.err;
}

TEST(CatalogCli, ForksABundledConnectorOnceAndSuggestsAnotherName) {
  TempDir workspace;
  const auto r = runProcess(binaryPath("manifold-cli"), {"fork", "demo", "--into", workspace.path().string()});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, (workspace / "demo").string() + "\n");
  EXPECT_NE(workspace.read("demo/metadata.yaml").find("origin:\n  catalog: \"bundled\"\n"), std::string::npos);
  const auto again = runProcess(binaryPath("manifold-cli"), {"fork", "demo", "--into", workspace.path().string()});
  EXPECT_EQ(again.exitCode, 1);
  EXPECT_NE(again.err.find("'demo-2'"), std::string::npos) << again.err;
  const auto renamed =
      runProcess(binaryPath("manifold-cli"), {"fork", "demo", "--into", workspace.path().string(), "--as", "demo-2"});
  EXPECT_EQ(renamed.exitCode, 0) << renamed.err;
  const auto unknown = runProcess(binaryPath("manifold-cli"), {"fork", "nope", "--into", workspace.path().string()});
  EXPECT_EQ(unknown.exitCode, 1);
  EXPECT_NE(unknown.err.find("no connector 'nope'"), std::string::npos) << unknown.err;
}

TEST(CatalogCli, ForksARemoteConnectorAtTheListedCommit) {
  Remote remote;
  remote.fake.start();
  TempDir workspace;
  const auto r = runProcess(binaryPath("manifold-cli"),
                            {"fork", "alpha", "--remote", "airbytehq/airbyte", "--into", workspace.path().string(),
                             "--api-url", remote.fake.baseUrl()},
                            remote.env());
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(workspace.read("source-alpha/manifest.yaml"), kManifest);
  const std::string metadata = workspace.read("source-alpha/metadata.yaml");
  EXPECT_NE(metadata.find("  commit: \"" + remote.head + "\"\n"), std::string::npos) << metadata;
  EXPECT_NE(metadata.find("  path: \"airbyte-integrations/connectors/source-alpha\"\n"), std::string::npos) << metadata;
}

}  // namespace
