// manifold-cli import-openapi as a user runs it: a connector folder, the report, clear failures.
#include "tests/core/openapi/openapi_test_support.h"
#include "tests/support/process_runner.h"

#include <filesystem>

namespace manifold::openapi {
namespace {

using namespace manifold::openapi::testing;
using manifold::testing::binaryPath;
using manifold::testing::runProcess;

TEST(ImportOpenApiCommand, WritesTheConnectorFolderAndPrintsTheReport) {
  const auto dir = std::filesystem::temp_directory_path() / ("manifold-cli-openapi-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const auto r = runProcess(binaryPath("manifold-cli"), {"import-openapi", fixturePath("shapes_openapi31.json"), "--streams",
                                                         "circles,stars", "--out", dir.string()});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("Stream circles: GET /circles (listCircles)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 of 7 candidate streams written; left out: squares, triangles, polygons, hexagons, shapes_search."),
            std::string::npos)
      << r.err;
  const auto manifestText = readFile((dir / "manifest.yaml").string());
  EXPECT_EQ(manifestFindings(manifestText), "");
  EXPECT_TRUE(std::filesystem::exists(dir / "metadata.yaml"));
  EXPECT_TRUE(std::filesystem::exists(dir / "README.md"));
  const auto validate = runProcess(binaryPath("manifold-cli"), {"validate", (dir / "manifest.yaml").string()});
  EXPECT_EQ(validate.exitCode, 0) << validate.out;
  std::filesystem::remove_all(dir);
}

TEST(ImportOpenApiCommand, WithoutOutPrintsTheManifest) {
  const auto r = runProcess(binaryPath("manifold-cli"), {"import-openapi", fixturePath("petstore_swagger2.yaml")});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, writeManifest(planFromFixture("petstore_swagger2.yaml")).value());
}

TEST(ImportOpenApiCommand, ListShowsTheCandidates) {
  const auto r = runProcess(binaryPath("manifold-cli"), {"import-openapi", fixturePath("repos_openapi30.yaml"), "--list"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("repos\tGET /users/{login}/repos\tCursorPagination (Link header)\tusers\n"), std::string::npos) << r.out;
}

TEST(ImportOpenApiCommand, UnreadableDocumentExitsOneWithTheReason) {
  const auto notYaml = runProcess(binaryPath("manifold-cli"), {"import-openapi", fixturePath("../inference_test.cpp")});
  EXPECT_EQ(notYaml.exitCode, 1);
  EXPECT_NE(notYaml.err.find("manifold-cli: "), std::string::npos);
  EXPECT_NE(notYaml.err.find("is not a YAML or JSON mapping"), std::string::npos) << notYaml.err;
  const auto noLists = runProcess(binaryPath("manifold-cli"), {"import-openapi", fixturePath("no_lists_openapi30.yaml")});
  EXPECT_EQ(noLists.exitCode, 1);
  EXPECT_NE(noLists.err.find("has no list endpoints"), std::string::npos) << noLists.err;
  const auto missing = runProcess(binaryPath("manifold-cli"), {"import-openapi", "/nonexistent.yaml"});
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_EQ(missing.err, "manifold-cli: cannot read /nonexistent.yaml: no such file\n");
}

TEST(ImportOpenApiCommand, UnknownStreamIsAUsageError) {
  const auto r = runProcess(binaryPath("manifold-cli"),
                            {"import-openapi", fixturePath("petstore_swagger2.yaml"), "--streams", "dogs"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("no stream named 'dogs'"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace manifold::openapi
