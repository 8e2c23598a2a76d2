// The generated manifest: validates with no findings, reads back deterministically, keeps
// chosen streams and their parents, and lands in a connector folder.
#include "core/openapi/connector_folder.h"
#include "tests/core/openapi/openapi_test_support.h"

#include <filesystem>

namespace manifold::openapi {
namespace {

using namespace manifold::openapi::testing;

class EveryFixture : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryFixture, ManifestValidatesWithNoFindings) {
  const auto plan = planFromFixture(GetParam());
  auto yaml = writeManifest(plan);
  ASSERT_TRUE(yaml) << yaml.error().message;
  EXPECT_EQ(manifestFindings(yaml.value()), "") << yaml.value();
}

TEST_P(EveryFixture, ManifestIsTheSameTextEveryTime) {
  auto first = writeManifest(planFromFixture(GetParam()));
  auto second = writeManifest(planFromFixture(GetParam()));
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first.value(), second.value());
}

TEST_P(EveryFixture, EachStreamAloneValidates) {
  const auto plan = planFromFixture(GetParam());
  for (const auto& s : plan.streams) {
    auto yaml = writeManifest(plan, {s.name});
    ASSERT_TRUE(yaml) << yaml.error().message;
    EXPECT_EQ(manifestFindings(yaml.value()), "") << s.name << "\n" << yaml.value();
  }
}

INSTANTIATE_TEST_SUITE_P(OpenApiFixtures, EveryFixture,
                         ::testing::Values("petstore_swagger2.yaml", "repos_openapi30.yaml", "shapes_openapi31.json",
                                           "refs_openapi30.yaml"),
                         [](const ::testing::TestParamInfo<std::string>& fixture) {
                           return fixture.param.substr(0, fixture.param.find('.'));
                         });

TEST(ManifestOutput, ChildAloneDefinesItsParentsButListsOnlyItself) {
  const auto plan = planFromFixture("repos_openapi30.yaml");
  auto yaml = writeManifest(plan, {"issues"});
  ASSERT_TRUE(yaml);
  const auto loaded = manifest::loadManifest(yaml.value());
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded.resolved["streams"].size(), 1u);
  const auto& issues = loaded.resolved["streams"][0];
  EXPECT_EQ(issues["name"], "issues");
  const auto& parentConfig = issues["retriever"]["partition_router"]["parent_stream_configs"][0];
  EXPECT_EQ(parentConfig["stream"]["name"], "repos");
  EXPECT_EQ(parentConfig["partition_field"], "repo");
  EXPECT_EQ(parentConfig["stream"]["retriever"]["partition_router"]["parent_stream_configs"][0]["stream"]["name"], "users");
  EXPECT_NE(yaml->find("# guessed: check that the parent's id is what {repo} expects."), std::string::npos);
}

TEST(ManifestOutput, GuessesAndSuggestionsAreComments) {
  auto yaml = writeManifest(planFromFixture("repos_openapi30.yaml"));
  ASSERT_TRUE(yaml);
  EXPECT_NE(yaml->find("# guessed: the document describes no pagination, so one page is read."), std::string::npos);
  EXPECT_NE(yaml->find("# suggested (off): incremental reads on 'updated_at' filtered by 'since'."), std::string::npos);
  const auto loaded = manifest::loadManifest(yaml.value());
  for (const auto& s : loaded.resolved["streams"]) EXPECT_FALSE(s.contains("incremental_sync"));  // off by default
}

TEST(ManifestOutput, SpecDeclaresSecretsAndInputs) {
  const auto loaded = manifest::loadManifest(writeManifest(planFromFixture("petstore_swagger2.yaml")).value());
  const auto& spec = loaded.resolved["spec"]["connection_specification"];
  EXPECT_EQ(spec["required"], (manifest::Json::array({"username", "password", "status"})));
  EXPECT_EQ(spec["properties"]["password"]["airbyte_secret"], true);
  EXPECT_FALSE(spec["properties"]["username"].contains("airbyte_secret"));
  const auto& requester = loaded.resolved["streams"][0]["retriever"]["requester"];
  EXPECT_EQ(requester["authenticator"]["type"], "BasicHttpAuthenticator");
  EXPECT_EQ(requester["request_parameters"]["status"], "{{ config['status'] }}");
}

TEST(ManifestOutput, UnknownStreamNamesTheCandidates) {
  auto yaml = writeManifest(planFromFixture("petstore_swagger2.yaml"), {"dogs"});
  ASSERT_FALSE(yaml);
  EXPECT_EQ(yaml.error().message, "no stream named 'dogs' was found in the document; the candidates are: pets");
}

TEST(ConnectorFolder, WritesManifestMetadataAndReadmeAndRefusesToOverwrite) {
  const auto plan = planFromFixture("repos_openapi30.yaml");
  auto files = connectorFiles(plan, {"users", "repos"});
  ASSERT_TRUE(files) << files.error().message;
  EXPECT_EQ(files->name, "code-host");
  const auto dir = std::filesystem::temp_directory_path() / ("manifold-openapi-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  auto written = writeConnectorFolder(dir, files.value());
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_EQ(written->size(), 3u);
  EXPECT_EQ(readFile((dir / "manifest.yaml").string()), files->manifest);
  const auto metadata = readFile((dir / "metadata.yaml").string());
  EXPECT_NE(metadata.find("name: code-host"), std::string::npos);
  EXPECT_NE(metadata.find("hosts: [api.codehost.example]"), std::string::npos);
  const auto readme = readFile((dir / "README.md").string());
  EXPECT_NE(readme.find("| repos | repos/listForUser | `GET /users/{login}/repos` | CursorPagination (Link header) | users |"),
            std::string::npos)
      << readme;
  EXPECT_EQ(readme.find("| issues"), std::string::npos);
  auto again = writeConnectorFolder(dir, files.value());
  ASSERT_FALSE(again);
  EXPECT_NE(again.error().message.find("exists already"), std::string::npos);
  EXPECT_TRUE(writeConnectorFolder(dir, files.value(), true));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace manifold::openapi

namespace manifold::openapi {
namespace {

using namespace manifold::openapi::testing;

// Text from real documents that YAML would misread unquoted: colons, hashes, quotes, leading
// symbols, numbers-as-keys, non-ASCII, newlines, braces that look like templates.
TEST(ManifestOutput, AwkwardTextStillValidatesAndReadsBack) {
  const auto plan = planFromText(R"JSON({
    "openapi": "3.0.0",
    "info": {"title": "Odd: API #1 \"quoted\"", "version": "1.0", "description": "- starts like a list\nsecond: line"},
    "servers": [{"url": "https://odd.example/v1/"}],
    "components": {"securitySchemes": {"k": {"type": "apiKey", "in": "header", "name": "X-Key: odd"}}},
    "paths": {
      "/@me/Élément-List.json": {"get": {"operationId": "it's {{ odd }}", "summary": "Lists: #things, 'quoted' & more",
        "parameters": [{"name": "filter[status]", "in": "query", "required": true, "schema": {"type": "string", "enum": ["yes", "no", "on"]}}],
        "responses": {"200": {"description": "x", "content": {"application/json": {"schema": {"type": "array", "items": {
          "type": "object", "properties": {"id": {"type": "string"}, "123": {"type": "integer"}, "a: b": {"type": "string"},
          "#x": {"type": "boolean"}, "null": {"type": "string"}, "yes": {"type": "string"}}}}}}}}}},
      "/weird path/{the id}/items": {"get": {"responses": {"200": {"description": "x", "content": {"application/json":
        {"schema": {"type": "array", "items": {"type": "object"}}}}}}}}
    }})JSON");
  ASSERT_EQ(plan.streams.size(), 2u);
  EXPECT_EQ(plan.streams[0].name, "element_list");  // non-ASCII letters dropped, ".json" stripped
  auto yaml = writeManifest(plan);
  ASSERT_TRUE(yaml);
  EXPECT_EQ(manifestFindings(yaml.value()), "") << yaml.value();
  const auto loaded = manifest::loadManifest(yaml.value());
  const auto& props = loaded.resolved["schemas"]["element_list"]["properties"];
  for (const char* key : {"id", "123", "a: b", "#x", "null", "yes"}) EXPECT_TRUE(props.contains(key)) << key;
  EXPECT_EQ(loaded.resolved["spec"]["connection_specification"]["properties"]["filter[status]"]["enum"],
            (manifest::Json::array({"yes", "no", "on"})));
  EXPECT_EQ(loaded.resolved["streams"][0]["retriever"]["requester"]["authenticator"]["inject_into"]["field_name"], "X-Key: odd");
}

}  // namespace
}  // namespace manifold::openapi
