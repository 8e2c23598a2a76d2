// The dry run: which files go where, what is never sent, and the pull request's text.
#include "core/github/contribution_plan.h"

#include <gtest/gtest.h>

#include "core/manifest/connector_metadata.h"
#include "tests/core/github/connector_folder.h"

#include <algorithm>

namespace manifold::github {
namespace {

using testing::ConnectorFolder;

std::vector<std::string> targets(const ContributionPlan& plan) {
  std::vector<std::string> out;
  for (const auto& f : plan.files) out.push_back(f.sourcePath + " -> " + f.targetPath);
  return out;
}

TEST(ContributionPlan, MapsTheFolderToTheCatalogLayoutWithoutLocalState) {
  ConnectorFolder folder("example");
  const auto plan = planContribution({.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"});
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_EQ(plan->name, "example");
  EXPECT_EQ(plan->branch, "manifold/source-example");
  EXPECT_EQ(targets(plan.value()),
            (std::vector<std::string>{
                "manifest.yaml -> airbyte-integrations/connectors/source-example/manifest.yaml",
                "metadata.yaml -> airbyte-integrations/connectors/source-example/metadata.yaml",
                "icon.svg -> airbyte-integrations/connectors/source-example/icon.svg",
                "README.md -> docs/integrations/sources/example.md",
                "acceptance-test-config.yml -> airbyte-integrations/connectors/source-example/acceptance-test-config.yml",
                " -> airbyte-integrations/connectors/source-example/README.md"}));
  EXPECT_EQ(plan->files[0].content, testing::kTestManifest);
  // The folder's own files are sent as they are; only the two it lacks are generated.
  for (std::size_t i = 0; i < plan->files.size(); ++i) EXPECT_EQ(plan->files[i].generated, i >= 4) << i;
}

TEST(ContributionPlan, FollowsAConfiguredLayoutAndLeavesOutMissingFiles) {
  ConnectorFolder folder("source-example");
  std::filesystem::remove(folder.dir() / "icon.svg");
  ContributionRequest request{.connectorDir = folder.dir(), .upstream = "me/catalog", .branch = "topic"};
  request.generateMissing = false;
  request.layout.manifestPath = "connectors/{name}/{name}.yaml";
  request.layout.docsPath = "";
  const auto plan = planContribution(request);
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_EQ(plan->name, "example");  // the catalog prefix is not doubled
  EXPECT_EQ(plan->branch, "topic");
  EXPECT_EQ(targets(plan.value()),
            (std::vector<std::string>{"manifest.yaml -> connectors/example/example.yaml",
                                      "metadata.yaml -> airbyte-integrations/connectors/source-example/metadata.yaml"}));
}

TEST(ContributionPlan, RefusesAFileHoldingATestingValuesSecretAndNamesIt) {
  ConnectorFolder folder;
  folder.write("README.md", "# Example\n\nTry it with the key sk_live_VERYSECRET42.\n");
  const auto plan = planContribution({.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"});
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().kind, GitHubErrorKind::Refused);
  EXPECT_NE(plan.error().message.find("README.md"), std::string::npos) << plan.error().message;
  EXPECT_EQ(plan.error().message.find("VERYSECRET"), std::string::npos);
}

TEST(ContributionPlan, RefusesASecretTheCallerPassedEvenEncoded) {
  ConnectorFolder folder;
  // base64 of "hunter2-token" in the icon
  folder.write("icon.svg", "<svg><image href=\"data:;base64,aHVudGVyMi10b2tlbg==\"/></svg>");
  const auto plan = planContribution(
      {.connectorDir = folder.dir(), .upstream = "a/b", .secretValues = {"hunter2-token"}});
  ASSERT_FALSE(plan);
  EXPECT_NE(plan.error().message.find("icon.svg"), std::string::npos) << plan.error().message;
  // The non-secret testing value ("eu") does not count.
  ConnectorFolder clean;
  EXPECT_TRUE(planContribution({.connectorDir = clean.dir(), .upstream = "a/b"}));
}

TEST(ContributionPlan, RefusesANameTheCatalogWouldReject) {
  ConnectorFolder folder("Example_API");
  const auto plan = planContribution({.connectorDir = folder.dir(), .upstream = "a/b"});
  ASSERT_FALSE(plan);
  EXPECT_NE(plan.error().message.find("^source-[a-z0-9-]+$"), std::string::npos) << plan.error().message;
}

TEST(ContributionPlan, RefusesAFolderWithoutManifest) {
  ConnectorFolder folder;
  std::filesystem::remove(folder.dir() / "manifest.yaml");
  const auto plan = planContribution({.connectorDir = folder.dir(), .upstream = "a/b"});
  ASSERT_FALSE(plan);
  EXPECT_NE(plan.error().message.find("manifest.yaml"), std::string::npos);
}

TEST(ContributionPlan, BodyListsStreamsAgainstTheOriginAndTheLastTestRead) {
  ConnectorFolder folder;
  folder.write("metadata.yaml",
               "data:\n  name: example\norigin:\n  repository: airbytehq/airbyte\n  path: "
               "airbyte-integrations/connectors/source-example\n  commit: abc123\n");
  std::string origin = testing::kTestManifest;
  origin.replace(origin.find("path: /orders"), 13, "path: /v1/orders");
  origin.replace(origin.find("name: users"), 11, "name: people");
  ContributionRequest request{.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"};
  request.originManifest = origin;
  const auto plan = planContribution(request);
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_EQ(plan->streamsAdded, std::vector<std::string>{"users"});
  EXPECT_EQ(plan->streamsChanged, std::vector<std::string>{"orders"});
  EXPECT_EQ(plan->streamsRemoved, std::vector<std::string>{"people"});
  EXPECT_EQ(plan->title, "Update source-example (low-code manifest)");
  EXPECT_NE(plan->body.find("Added:\n- `users`"), std::string::npos) << plan->body;
  EXPECT_NE(plan->body.find("Changed:\n- `orders`"), std::string::npos) << plan->body;
  EXPECT_NE(plan->body.find("| `users` | 12 | passed |"), std::string::npos) << plan->body;
  EXPECT_NE(plan->body.find("2026-11-25T10:00:00Z"), std::string::npos);
  EXPECT_NE(plan->body.find("commit `abc123`"), std::string::npos);
}

TEST(ContributionPlan, NewConnectorWithoutTestReadGetsANewSourceTitleAndAWarning) {
  ConnectorFolder folder;
  std::filesystem::remove(folder.dir() / ".manifold" / "last_test_read.json");
  const auto plan = planContribution({.connectorDir = folder.dir(), .upstream = "a/b"});
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->title, "New source: source-example (low-code manifest)");
  EXPECT_EQ(plan->streamsAdded, (std::vector<std::string>{"orders", "users"}));
  EXPECT_NE(plan->body.find("No test read recorded."), std::string::npos);
  ASSERT_FALSE(plan->warnings.empty());
  EXPECT_NE(plan->warnings.back().find("no test read"), std::string::npos);
}

TEST(ContributionPlan, TitleAndBodyGivenByTheUserAreKept) {
  ConnectorFolder folder;
  const auto plan = planContribution({.connectorDir = folder.dir(), .upstream = "a/b", .title = "Mine", .body = "Text"});
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->title, "Mine");
  EXPECT_EQ(plan->body, "Text");
}

}  // namespace
}  // namespace manifold::github

namespace manifold::github {
namespace {

const PlannedFile* fileFrom(const ContributionPlan& plan, const std::string& source) {
  for (const auto& file : plan.files) {
    if (file.sourcePath == source) return &file;
  }
  return nullptr;
}

constexpr const char* kRecordWithHosts =
    R"({"finishedAt": "2026-12-07T10:00:00Z", "streams": [)"
    R"({"name": "users", "records": 2, "passed": true, "hosts": ["api.example.com", "auth.example.com"]},)"
    R"({"name": "orders", "records": 1, "passed": true, "hosts": ["files.example.org"]},)"
    R"({"name": "gone", "records": 1, "passed": true, "hosts": ["old.example.net"]}]})";

TEST(ContributionPlan, AGeneratedMetadataListsTheHostsTestReadsSaw) {
  ConnectorFolder folder("example");
  std::filesystem::remove(folder.dir() / "metadata.yaml");
  folder.write(".manifold/last_test_read.json", kRecordWithHosts);
  const auto plan = planContribution({.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"});
  ASSERT_TRUE(plan) << plan.error().message;
  const auto* metadata = fileFrom(plan.value(), "metadata.yaml");
  ASSERT_NE(metadata, nullptr);
  EXPECT_TRUE(metadata->generated);
  const auto declared = manifest::allowedHostsFromMetadata(metadata->content);
  // The url_base host, then what reads of streams the manifest still has contacted.
  EXPECT_EQ(declared.hosts, (std::vector<std::string>{"api.example.com", "auth.example.com", "files.example.org"}))
      << metadata->content;
}

TEST(ContributionPlan, AnExistingMetadataGetsTheSeenHostsItDoesNotDeclare) {
  ConnectorFolder folder("example");
  folder.write("metadata.yaml",
               "data:\n"
               "  name: example  # as forked\n"
               "  definitionId: 1b2c\n"
               "  allowedHosts:\n"
               "    hosts:\n"
               "      - \"*.example.com\"\n"
               "  connectorType: source\n");
  folder.write(".manifold/last_test_read.json", kRecordWithHosts);
  const auto plan = planContribution({.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"});
  ASSERT_TRUE(plan) << plan.error().message;
  const auto* metadata = fileFrom(plan.value(), "metadata.yaml");
  ASSERT_NE(metadata, nullptr);
  EXPECT_FALSE(metadata->generated);
  EXPECT_EQ(metadata->content,
            "data:\n"
            "  name: example  # as forked\n"
            "  definitionId: 1b2c\n"
            "  allowedHosts:\n"
            "    hosts:\n"
            "      - \"*.example.com\"\n"
            "      - \"files.example.org\"\n"
            "  connectorType: source\n");
  const bool said = std::any_of(plan->warnings.begin(), plan->warnings.end(), [](const std::string& w) {
    return w.find("allowedHosts gets files.example.org") != std::string::npos;
  });
  EXPECT_TRUE(said);
  // The folder's own file is not changed by a dry run.
  EXPECT_EQ(folder.read("metadata.yaml").find("files.example.org"), std::string::npos);
}

TEST(ContributionPlan, ATemplatedUrlBaseFillsAllowedHostsWithItsPlaceholderNotTheTestingValue) {
  ConnectorFolder folder("example");
  std::string manifest = folder.read("manifest.yaml");
  const std::string literal = "url_base: https://api.example.com";
  manifest.replace(manifest.find(literal), literal.size(), "url_base: \"https://{{ config['region'] }}.api.example.com/v2\"");
  folder.write("manifest.yaml", manifest);
  // The test read went to the testing values' host (region eu) and to a CDN a next-page link named.
  folder.write(".manifold/last_test_read.json",
               R"({"finishedAt": "2026-12-07T10:00:00Z", "streams": [)"
               R"({"name": "users", "records": 2, "passed": true, "hosts": ["eu.api.example.com", "cdn.example.net"]},)"
               R"({"name": "orders", "records": 1, "passed": true, "hosts": ["eu.api.example.com"]}]})");

  // metadata.yaml without allowedHosts gets them, the placeholder kept as the catalog writes it.
  auto plan = planContribution({.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"});
  ASSERT_TRUE(plan) << plan.error().message;
  const auto* metadata = fileFrom(plan.value(), "metadata.yaml");
  ASSERT_NE(metadata, nullptr);
  EXPECT_EQ(manifest::allowedHostsFromMetadata(metadata->content).hosts,
            (std::vector<std::string>{"${region}.api.example.com", "cdn.example.net"}))
      << metadata->content;
  EXPECT_EQ(metadata->content.find("eu.api.example.com"), std::string::npos) << metadata->content;

  // A new connector's generated metadata.yaml lists the same.
  std::filesystem::remove(folder.dir() / "metadata.yaml");
  plan = planContribution({.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"});
  ASSERT_TRUE(plan) << plan.error().message;
  metadata = fileFrom(plan.value(), "metadata.yaml");
  ASSERT_NE(metadata, nullptr);
  EXPECT_TRUE(metadata->generated);
  EXPECT_EQ(manifest::allowedHostsFromMetadata(metadata->content).hosts,
            (std::vector<std::string>{"${region}.api.example.com", "cdn.example.net"}))
      << metadata->content;

  // A metadata.yaml that declares the placeholder (written with "config.") gets nothing more.
  folder.write("metadata.yaml",
               "data:\n  name: example\n  definitionId: 1b2c\n  allowedHosts:\n    hosts:\n"
               "      - \"${config.region}.api.example.com\"\n      - cdn.example.net\n");
  plan = planContribution({.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"});
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_EQ(fileFrom(plan.value(), "metadata.yaml")->content, folder.read("metadata.yaml"));
  for (const auto& warning : plan->warnings) EXPECT_EQ(warning.find("allowedHosts"), std::string::npos) << warning;
}

TEST(ContributionPlan, PlaceholderEntriesAreMatchedWithTheTestingValues) {
  ConnectorFolder folder("example");
  folder.write("metadata.yaml",
               "data:\n  name: example\n  definitionId: 1b2c\n  allowedHosts:\n    hosts:\n"
               "      - api.example.com\n      - ${region}.example.org\n      - auth.example.com\n");
  folder.write(".manifold/testing_values.json", R"({"api_key": "sk_live_VERYSECRET42", "region": "files"})");
  folder.write(".manifold/last_test_read.json", kRecordWithHosts);
  const auto plan = planContribution({.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"});
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_EQ(fileFrom(plan.value(), "metadata.yaml")->content, folder.read("metadata.yaml"));
}

}  // namespace
}  // namespace manifold::github
