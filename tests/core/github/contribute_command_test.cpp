// manifold-cli contribute as a user runs it: progress on stderr, the PR URL as the last stdout line.
#include <gtest/gtest.h>

#include "tests/core/github/connector_folder.h"
#include "tests/core/github/fake_github.h"
#include "tests/support/process_runner.h"
#include "tests/support/temp_dir.h"

namespace manifold::github {
namespace {

using testing::binaryPath;
using testing::ConnectorFolder;
using testing::FakeGitHub;
using testing::runProcess;

testing::ProcessOptions env(std::string variable) {
  testing::ProcessOptions options;
  options.extraEnv.push_back(std::move(variable));
  return options;
}

std::string lastLine(const std::string& text) {
  std::string trimmed = text;
  while (!trimmed.empty() && trimmed.back() == '\n') trimmed.pop_back();
  return trimmed.substr(trimmed.rfind('\n') == std::string::npos ? 0 : trimmed.rfind('\n') + 1);
}

TEST(ContributeCommand, OpensThePullRequestAndPrintsItsUrlLast) {
  FakeGitHub fake;
  fake.forkExists = true;
  fake.forkNotReadyPolls = 0;
  fake.refs["alice/airbyte"] = fake.refs["airbytehq/airbyte"];
  fake.start();
  ConnectorFolder folder;
  const auto r = runProcess(binaryPath("manifold-cli"),
                            {"contribute", "--connector", folder.dir().string(), "--repo", "airbytehq/airbyte",
                             "--api-url", fake.baseUrl(), "--title", "Add source-example", "--branch", "feature/x"},
                            env(std::string("GITHUB_TOKEN=") + FakeGitHub::kToken));
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(lastLine(r.out), "https://github.com/airbytehq/airbyte/pull/100");
  EXPECT_NE(r.err.find("[fork] Using the fork alice/airbyte"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(FakeGitHub::kToken), std::string::npos);
  ASSERT_EQ(fake.pulls.size(), 1u);
  EXPECT_EQ(fake.pulls[0].title, "Add source-example");
  EXPECT_EQ(fake.pulls[0].head, "alice:feature/x");
}

TEST(ContributeCommand, FailsClearlyWithoutToken) {
  ConnectorFolder folder;
  const auto r = runProcess(binaryPath("manifold-cli"),
                            {"contribute", "--connector", folder.dir().string(), "--repo", "airbytehq/airbyte",
                             "--api-url", "http://127.0.0.1:1"},
                            env("GITHUB_TOKEN="));
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("GITHUB_TOKEN is not set"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(ContributeCommand, FailsWithTheApisMessageAndNonZeroExit) {
  FakeGitHub fake;
  fake.start();
  ConnectorFolder folder;
  const auto r = runProcess(binaryPath("manifold-cli"),
                            {"contribute", "--connector", folder.dir().string(), "--repo", "airbytehq/airbyte",
                             "--api-url", fake.baseUrl()},
                            env("GITHUB_TOKEN=ghp_expired"));
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.err.find("sign in again"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was created"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("ghp_expired"), std::string::npos);
  EXPECT_TRUE(r.out.empty());
}

TEST(ContributeCommand, DryRunListsFilesAndTargetsWithoutNetwork) {
  ConnectorFolder folder;
  const auto r = runProcess(binaryPath("manifold-cli"),
                            {"contribute", "--dry-run", "--connector", folder.dir().string(), "--repo",
                             "airbytehq/airbyte", "--api-url", "http://127.0.0.1:1"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("README.md -> docs/integrations/sources/example.md"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Branch: manifold/source-example"), std::string::npos);
  EXPECT_EQ(r.out.find(".manifold"), std::string::npos);
}

TEST(ContributeCommand, RefusesASecretAndNamesTheFile) {
  ConnectorFolder folder;
  folder.write("icon.svg", "<svg><!-- sk_live_VERYSECRET42 --></svg>");
  const auto r = runProcess(binaryPath("manifold-cli"),
                            {"contribute", "--connector", folder.dir().string(), "--repo", "airbytehq/airbyte",
                             "--api-url", "http://127.0.0.1:1"},
                            env("GITHUB_TOKEN=ghp_x"));
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.err.find("icon.svg contains the value of a secret"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("VERYSECRET"), std::string::npos);
}

TEST(ContributeCommand, GeneratesTheMissingCatalogFilesOnceAndSendsThem) {
  FakeGitHub fake;
  fake.forkNotReadyPolls = 0;  // the CLI waits in real time; the backoff has its own test
  fake.start();
  ConnectorFolder folder("my-api");
  for (const char* f : {"metadata.yaml", "icon.svg"}) std::filesystem::remove(folder.dir() / f);
  const std::vector<std::string> args{"contribute", "--connector", folder.dir().string(), "--repo", "airbytehq/airbyte",
                                      "--api-url", fake.baseUrl()};

  auto dry = args;
  dry.push_back("--dry-run");
  const auto plan = runProcess(binaryPath("manifold-cli"), dry);
  EXPECT_EQ(plan.exitCode, 0) << plan.err;
  EXPECT_NE(plan.out.find("metadata.yaml -> airbyte-integrations/connectors/source-my-api/metadata.yaml  (generated"),
            std::string::npos)
      << plan.out;
  EXPECT_NE(plan.out.find("(generated) -> airbyte-integrations/connectors/source-my-api/README.md"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(folder.dir() / "metadata.yaml"));  // a dry run writes nothing

  const testing::TempDir bodyDir("manifold-body");
  bodyDir.write("body.md", "Hand-written description.\n");
  auto real = args;
  real.insert(real.end(), {"--body-file", (bodyDir.path() / "body.md").string(), "--base", "master"});
  const auto r = runProcess(binaryPath("manifold-cli"), real, env(std::string("GITHUB_TOKEN=") + FakeGitHub::kToken));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(lastLine(r.out), "https://github.com/airbytehq/airbyte/pull/100");
  EXPECT_NE(r.err.find("[prepare] Generated metadata.yaml in the connector folder"), std::string::npos) << r.err;
  const std::string metadata = folder.read("metadata.yaml");
  EXPECT_NE(metadata.find("definitionId: "), std::string::npos);
  ASSERT_EQ(fake.pulls.size(), 1u);
  EXPECT_EQ(fake.pulls[0].body, "Hand-written description.\n");
  const auto files = fake.filesAt(fake.refs["alice/airbyte"]["manifold/source-my-api"]);
  ASSERT_TRUE(files.contains("airbyte-integrations/connectors/source-my-api/metadata.yaml"));
  EXPECT_EQ(files.at("airbyte-integrations/connectors/source-my-api/metadata.yaml"), metadata);
  EXPECT_TRUE(files.contains("airbyte-integrations/connectors/source-my-api/icon.svg"));

  // Run again: the open pull request gets a new commit, and the same metadata (same definitionId).
  folder.write("README.md", "# My API\n\nMore.\n");
  const auto again = runProcess(binaryPath("manifold-cli"), args, env(std::string("GITHUB_TOKEN=") + FakeGitHub::kToken));
  ASSERT_EQ(again.exitCode, 0) << again.err;
  EXPECT_EQ(lastLine(again.out), "https://github.com/airbytehq/airbyte/pull/100");
  EXPECT_NE(again.err.find("Updated the open pull request #100"), std::string::npos) << again.err;
  EXPECT_EQ(folder.read("metadata.yaml"), metadata);
  EXPECT_EQ(fake.pulls.size(), 1u);
}

TEST(ContributeCommand, AnUnknownRepositoryFailsWithAnActionableMessage) {
  FakeGitHub fake;
  fake.start();
  ConnectorFolder folder;
  const auto r = runProcess(binaryPath("manifold-cli"),
                            {"contribute", "--connector", folder.dir().string(), "--repo", "nobody/catalog",
                             "--api-url", fake.baseUrl()},
                            env(std::string("GITHUB_TOKEN=") + FakeGitHub::kToken));
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.err.find("repository nobody/catalog: not found (404)"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
  const auto bad = runProcess(binaryPath("manifold-cli"),
                              {"contribute", "--connector", folder.dir().string(), "--repo", "no-slash", "--api-url",
                               fake.baseUrl()},
                              env(std::string("GITHUB_TOKEN=") + FakeGitHub::kToken));
  EXPECT_NE(bad.exitCode, 0);
  EXPECT_NE(bad.err.find("OWNER/NAME"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace manifold::github
