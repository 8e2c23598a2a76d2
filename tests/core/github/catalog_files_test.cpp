// The catalog files a new connector lacks are generated once, as the web Builder does, and what a
// reviewer would check (name, validation, test reads since the last change) is reported first.
#include "core/github/catalog_files.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <regex>

#include "core/builder/test_read_record.h"
#include "core/github/contribution_plan.h"
#include "core/manifest/manifest_loader.h"
#include "tests/core/github/connector_folder.h"

namespace manifold::github {
namespace {

using testing::ConnectorFolder;

const PlannedFile* fileFor(const ContributionPlan& plan, const std::string& target) {
  for (const auto& f : plan.files) {
    if (f.targetPath == target) return &f;
  }
  return nullptr;
}

bool hasWarning(const ContributionPlan& plan, const std::string& part) {
  for (const auto& w : plan.warnings) {
    if (w.find(part) != std::string::npos) return true;
  }
  return false;
}

// A folder with only a manifest: what someone who wrote a connector from scratch has.
struct BareFolder : ConnectorFolder {
  explicit BareFolder(const std::string& name = "my-api") : ConnectorFolder(name) {
    for (const char* f : {"metadata.yaml", "README.md", "icon.svg"}) std::filesystem::remove(dir() / f);
  }
};

TEST(CatalogFiles, ANewConnectorGetsEveryCatalogFileGeneratedWithTheBuildersMetadata) {
  BareFolder folder;
  const auto plan = planContribution({.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"});
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_EQ(plan->name, "my-api");
  const std::string dir = "airbyte-integrations/connectors/source-my-api/";
  for (const std::string& target : {dir + "metadata.yaml", dir + "icon.svg", dir + "acceptance-test-config.yml",
                                   dir + "README.md", std::string("docs/integrations/sources/my-api.md")}) {
    const auto* file = fileFor(plan.value(), target);
    ASSERT_NE(file, nullptr) << target;
    EXPECT_TRUE(file->generated) << target;
  }
  EXPECT_FALSE(fileFor(plan.value(), dir + "manifest.yaml")->generated);

  const YAML::Node metadata = YAML::Load(fileFor(plan.value(), dir + "metadata.yaml")->content);
  const YAML::Node data = metadata["data"];
  EXPECT_TRUE(std::regex_match(data["definitionId"].as<std::string>(),
                               std::regex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")))
      << data["definitionId"].as<std::string>();
  EXPECT_EQ(data["dockerImageTag"].as<std::string>(), "0.0.1");
  EXPECT_EQ(data["connectorType"].as<std::string>(), "source");
  EXPECT_EQ(data["releaseStage"].as<std::string>(), "alpha");
  EXPECT_EQ(data["supportLevel"].as<std::string>(), "community");
  EXPECT_EQ(data["dockerRepository"].as<std::string>(), "airbyte/source-my-api");
  EXPECT_EQ(data["name"].as<std::string>(), "My Api");
  // The manifest-only base image at the manifest's version, and the hosts its url_base names.
  EXPECT_EQ(data["connectorBuildOptions"]["baseImage"].as<std::string>(),
            "docker.io/airbyte/source-declarative-manifest:6.7.0");
  ASSERT_EQ(data["allowedHosts"]["hosts"].size(), 1u);
  EXPECT_EQ(data["allowedHosts"]["hosts"][0].as<std::string>(), "api.example.com");

  // The docs page lists the inputs and streams; the icon is an SVG; the acceptance config names the image.
  const std::string docs = fileFor(plan.value(), "docs/integrations/sources/my-api.md")->content;
  EXPECT_NE(docs.find("# My Api"), std::string::npos) << docs;
  EXPECT_NE(docs.find("| `api_key` | `string` |"), std::string::npos) << docs;
  EXPECT_NE(docs.find("| users |"), std::string::npos) << docs;
  EXPECT_NE(docs.find("| 0.0.1 |"), std::string::npos) << docs;
  EXPECT_EQ(fileFor(plan.value(), dir + "icon.svg")->content.rfind("<svg", 0), 0u);
  const YAML::Node acceptance = YAML::Load(fileFor(plan.value(), dir + "acceptance-test-config.yml")->content);
  EXPECT_EQ(acceptance["connector_image"].as<std::string>(), "airbyte/source-my-api:dev");
  EXPECT_EQ(acceptance["acceptance_tests"]["spec"]["tests"][0]["spec_path"].as<std::string>(), "manifest.yaml");
  // The dry run wrote nothing.
  EXPECT_FALSE(std::filesystem::exists(folder.dir() / "metadata.yaml"));
}

TEST(CatalogFiles, GeneratedFilesAreSavedOnceSoTheDefinitionIdStays) {
  BareFolder folder;
  const auto first = planContribution({.connectorDir = folder.dir(), .upstream = "a/b"});
  ASSERT_TRUE(first);
  const auto saved = saveGeneratedFiles(folder.dir(), first.value());
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved.value(), (std::vector<std::string>{"metadata.yaml", "icon.svg", "README.md", "acceptance-test-config.yml"}));
  const std::string metadata = folder.read("metadata.yaml");
  const auto second = planContribution({.connectorDir = folder.dir(), .upstream = "a/b"});
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->name, "my-api");  // read back from dockerRepository, not the title "My Api"
  const auto* sent = fileFor(second.value(), "airbyte-integrations/connectors/source-my-api/metadata.yaml");
  ASSERT_NE(sent, nullptr);
  EXPECT_FALSE(sent->generated);
  EXPECT_EQ(sent->content, metadata);
  EXPECT_TRUE(saveGeneratedFiles(folder.dir(), second.value())->empty());
}

TEST(CatalogFiles, ExistingFilesAreKeptAsTheyAre) {
  ConnectorFolder folder("example");
  folder.write("README.md", "# Mine\n");
  const auto plan = planContribution({.connectorDir = folder.dir(), .upstream = "a/b"});
  ASSERT_TRUE(plan);
  const auto* docs = fileFor(plan.value(), "docs/integrations/sources/example.md");
  ASSERT_NE(docs, nullptr);
  EXPECT_FALSE(docs->generated);
  EXPECT_EQ(docs->content, "# Mine\n");
  ASSERT_TRUE(saveGeneratedFiles(folder.dir(), plan.value()));
  EXPECT_EQ(folder.read("README.md"), "# Mine\n");
  EXPECT_EQ(folder.read("metadata.yaml"), "data:\n  name: example\n  connectorType: source\n");
  // A metadata.yaml of the user's without a definitionId is sent, with a reviewer's warning.
  EXPECT_TRUE(hasWarning(plan.value(), "no data.definitionId"));
}

TEST(CatalogFiles, AForksMissingFilesAreLeftOutSoTheCatalogsOwnStay) {
  ConnectorFolder folder("example");
  folder.write("metadata.yaml", "data:\n  name: example\norigin:\n  repository: airbytehq/airbyte\n  commit: abc\n");
  std::filesystem::remove(folder.dir() / "icon.svg");
  const auto plan = planContribution({.connectorDir = folder.dir(), .upstream = "a/b"});
  ASSERT_TRUE(plan);
  for (const auto& f : plan->files) EXPECT_FALSE(f.generated) << f.targetPath;
  EXPECT_EQ(fileFor(plan.value(), "airbyte-integrations/connectors/source-example/icon.svg"), nullptr);
  EXPECT_EQ(fileFor(plan.value(), "airbyte-integrations/connectors/source-example/README.md"), nullptr);
}

TEST(CatalogFiles, TitleFromNameCapitalisesEachWord) { EXPECT_EQ(titleFromName("my-great_api"), "My Great Api"); }

TEST(CatalogFiles, TheLayoutIsASettingThatSurvivesNewFields) {
  CatalogLayout layout;
  layout.docsPath = "docs/{name}.md";
  nlohmann::json stored = toJson(layout);
  stored.erase("readmePath");  // written by an older version
  const auto back = catalogLayoutFromJson(stored);
  EXPECT_EQ(back.docsPath, "docs/{name}.md");
  EXPECT_EQ(back.readmePath, CatalogLayout().readmePath);
  EXPECT_EQ(catalogLayoutFromJson("not an object").manifestPath, CatalogLayout().manifestPath);
}

TEST(ReviewerChecks, ANameThatIsNotACatalogNameIsRefusedOnceThePrefixIsAdded) {
  for (const char* bad : {"My_API", "source-", "über"}) {
    ConnectorFolder folder("x");
    folder.write("metadata.yaml", std::string("data:\n  name: ") + bad + "\n");
    const auto plan = planContribution({.connectorDir = folder.dir(), .upstream = "a/b"});
    ASSERT_FALSE(plan) << bad;
    EXPECT_NE(plan.error().message.find("^source-[a-z0-9-]+$"), std::string::npos) << plan.error().message;
  }
}

TEST(ReviewerChecks, AMetadataFileOfTheWrongShapeIsRefusedNotACrash) {
  for (const char* bad : {"just text\n", "- a\n- b\n", "data: a scalar\n", "data: [1, 2]\n"}) {
    ConnectorFolder folder("example");
    folder.write("metadata.yaml", bad);
    const auto plan = planContribution({.connectorDir = folder.dir(), .upstream = "a/b"});
    if (plan) {
      EXPECT_EQ(plan->name, "example") << bad;  // data: of another shape names nothing; the folder does
    } else {
      EXPECT_NE(plan.error().message.find("metadata.yaml"), std::string::npos) << bad;
    }
  }
}

TEST(ReviewerChecks, ValidationFindingsAreWarningsWithTheirLines) {
  ConnectorFolder folder;
  std::string manifest = testing::kTestManifest;
  manifest.replace(manifest.find("type: SimpleRetriever"), 21, "type: SimpleRetreiver");
  folder.write("manifest.yaml", manifest);
  const auto plan = planContribution({.connectorDir = folder.dir(), .upstream = "a/b"});
  ASSERT_TRUE(plan) << plan.error().message;
  std::string validation;
  for (const auto& w : plan->warnings) {
    if (w.find("manifest.yaml does not validate cleanly: ") != std::string::npos) validation = w;
  }
  ASSERT_FALSE(validation.empty());
  EXPECT_NE(validation.find("line 17: "), std::string::npos) << validation;
  EXPECT_NE(validation.find("SimpleRetreiver"), std::string::npos) << validation;
  ConnectorFolder clean;
  const auto cleanPlan = planContribution({.connectorDir = clean.dir(), .upstream = "a/b"});
  EXPECT_FALSE(hasWarning(cleanPlan.value(), "validate"));
}

TEST(ReviewerChecks, EveryStreamNeedsAPassingTestReadSinceItsLastChange) {
  ConnectorFolder folder;
  const auto resolved = manifest::loadManifest(testing::kTestManifest).resolved;
  std::filesystem::remove(folder.dir() / ".manifold" / "last_test_read.json");
  ASSERT_EQ(builder::recordStreamTestRead(folder.dir(), {"users", 12, true, "2026-12-01T10:00:00Z",
                                                         builder::streamFingerprint(resolved, "users"), {}}),
            "");
  auto plan = planContribution({.connectorDir = folder.dir(), .upstream = "a/b"});
  ASSERT_TRUE(plan);
  EXPECT_TRUE(hasWarning(plan.value(), "stream 'orders' has no test read"));
  EXPECT_FALSE(hasWarning(plan.value(), "'users'"));

  ASSERT_EQ(builder::recordStreamTestRead(folder.dir(), {"orders", 0, false, "2026-12-01T10:05:00Z",
                                                         builder::streamFingerprint(resolved, "orders"), {}}),
            "");
  plan = planContribution({.connectorDir = folder.dir(), .upstream = "a/b"});
  EXPECT_TRUE(hasWarning(plan.value(), "the last test read of stream 'orders' failed"));

  // An edit of the shared requester reaches both streams: both need a new read.
  std::string edited = testing::kTestManifest;
  edited.replace(edited.find("url_base: https://api.example.com"), 33, "url_base: https://api.example.com/v2");
  folder.write("manifest.yaml", edited);
  plan = planContribution({.connectorDir = folder.dir(), .upstream = "a/b"});
  EXPECT_TRUE(hasWarning(plan.value(), "stream 'users' changed since its last passing test read (2026-12-01T10:00:00Z)"));
  // The plan is still made: the user may go on.
  EXPECT_EQ(plan->lastTestRead->finishedAt, "2026-12-01T10:05:00Z");
}

}  // namespace
}  // namespace manifold::github
