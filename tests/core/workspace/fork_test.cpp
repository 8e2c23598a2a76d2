// Forking into the workspace: files and provenance written, .manifold/ made, nothing overwritten.
#include "core/workspace/fork.h"

#include <gtest/gtest.h>

#include "core/workspace/connector_project.h"
#include "tests/support/temp_dir.h"

namespace manifold::workspace {
namespace {

using testing::TempDir;

ForkRequest request(const TempDir& dir, const std::string& name = "pokeapi") {
  ForkRequest r;
  r.workspaceDir = dir.path() / "connectors";
  r.name = name;
  r.files = {{"manifest.yaml", "version: 6.7.0\nstreams: []\n"},
             {"metadata.yaml", "data:\n  name: pokeapi\n  title: PokeAPI\n"},
             {"icon.svg", "<svg/>\n"},
             {".manifold/secret", "never copied"}};
  r.origin = Origin{"github", "airbytehq/airbyte", "master", "airbyte-integrations/connectors/source-pokeapi", "abc123",
                    "", ""};
  return r;
}

TEST(Fork, CopiesTheFilesAndRecordsWhereTheyCameFrom) {
  TempDir dir;
  const auto forked = forkIntoWorkspace(request(dir));
  ASSERT_TRUE(forked) << forked.error().message;
  EXPECT_EQ(forked.value(), dir.path() / "connectors" / "pokeapi");
  EXPECT_EQ(dir.read("connectors/pokeapi/manifest.yaml"), "version: 6.7.0\nstreams: []\n");
  EXPECT_EQ(dir.read("connectors/pokeapi/icon.svg"), "<svg/>\n");
  const std::string metadata = dir.read("connectors/pokeapi/metadata.yaml");
  EXPECT_EQ(metadata.rfind("data:\n  name: pokeapi\n  title: PokeAPI\norigin:\n", 0), 0u) << metadata;
  const auto origin = readOrigin(metadata);
  ASSERT_TRUE(origin);
  EXPECT_EQ(origin->catalog, "github");
  EXPECT_EQ(origin->repository, "airbytehq/airbyte");
  EXPECT_EQ(origin->path, "airbyte-integrations/connectors/source-pokeapi");
  EXPECT_EQ(origin->commit, "abc123");
  EXPECT_EQ(origin->date.size(), 20u);  // 2026-11-25T15:00:00Z
  // The snapshot of what was forked, the base for compare and update; no README was there.
  EXPECT_EQ(dir.read("connectors/pokeapi/.manifold/origin/metadata.yaml"), "data:\n  name: pokeapi\n  title: PokeAPI\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "connectors/pokeapi/README.md"));
  EXPECT_FALSE(std::filesystem::exists(dir / "connectors/pokeapi/.manifold/secret"));
  // No staging folder is left behind.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir / "connectors")) ++entries;
  EXPECT_EQ(entries, 1u);

  const auto projects = listWorkspace(dir / "connectors");
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0].name, "pokeapi");
  EXPECT_EQ(projects[0].title, "PokeAPI");
  ASSERT_TRUE(projects[0].origin);
  EXPECT_EQ(projects[0].origin->commit, "abc123");
}

TEST(Fork, NeverOverwritesAnExistingFolderAndSuggestsAFreeName) {
  TempDir dir;
  dir.write("connectors/pokeapi/manifest.yaml", "mine\n");
  dir.write("connectors/pokeapi-2/notes.txt", "also mine\n");
  const auto forked = forkIntoWorkspace(request(dir));
  ASSERT_FALSE(forked);
  EXPECT_EQ(forked.error().kind, WorkspaceErrorKind::Exists);
  EXPECT_EQ(forked.error().suggestedName, "pokeapi-3");
  EXPECT_NE(forked.error().message.find("pokeapi-3"), std::string::npos) << forked.error().message;
  EXPECT_EQ(dir.read("connectors/pokeapi/manifest.yaml"), "mine\n");
  EXPECT_TRUE(forkIntoWorkspace(request(dir, forked.error().suggestedName)));
}

TEST(Fork, AnEmptyExistingFolderIsNotReplacedEither) {
  TempDir dir;
  std::filesystem::create_directories(dir / "connectors/pokeapi");
  const auto forked = forkIntoWorkspace(request(dir));
  ASSERT_FALSE(forked);
  EXPECT_EQ(forked.error().kind, WorkspaceErrorKind::Exists);
}

TEST(Fork, RefusesNamesThatAreNotOneFolder) {
  TempDir dir;
  for (const char* name : {"../escape", "a/b", ".hidden", ""}) {
    const auto forked = forkIntoWorkspace(request(dir, name));
    ASSERT_FALSE(forked) << name;
    EXPECT_EQ(forked.error().kind, WorkspaceErrorKind::Invalid);
  }
}

TEST(Fork, WritesMetadataWhenTheCatalogHasNone) {
  TempDir dir;
  ForkRequest r = request(dir, "bare");
  r.files.erase("metadata.yaml");
  ASSERT_TRUE(forkIntoWorkspace(r));
  const std::string metadata = dir.read("connectors/bare/metadata.yaml");
  EXPECT_EQ(metadata.rfind("data:\n  name: bare\norigin:\n", 0), 0u) << metadata;
}

}  // namespace
}  // namespace manifold::workspace
