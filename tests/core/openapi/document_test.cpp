// Reading documents: JSON and YAML, the three versions, files and URLs, and every kind of bad
// input with the message the user sees.
#include "tests/core/openapi/openapi_test_support.h"
#include "tests/support/local_http_server.h"
#include "tests/support/raw_tcp_server.h"

#include <filesystem>

namespace manifold::openapi {
namespace {

using namespace manifold::openapi::testing;

TEST(OpenApiDocument, DetectsTheThreeVersions) {
  auto swagger = parseOpenApi("swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n");
  ASSERT_TRUE(swagger) << swagger.error().message;
  EXPECT_EQ(swagger->version, SpecVersion::Swagger2);
  auto v30 = parseOpenApi(R"({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}})");
  ASSERT_TRUE(v30) << v30.error().message;
  EXPECT_EQ(v30->version, SpecVersion::OpenApi30);
  auto v31 = parseOpenApi("openapi: 3.1.0\npaths: {}\n");
  ASSERT_TRUE(v31) << v31.error().message;
  EXPECT_EQ(v31->version, SpecVersion::OpenApi31);
  EXPECT_EQ(v31->versionText, "3.1.0");
}

TEST(OpenApiDocument, TextThatIsNeitherYamlNorJsonSaysSo) {
  auto html = parseOpenApi("<html><body>Not found</body></html>", "spec.yaml");
  ASSERT_FALSE(html);
  EXPECT_EQ(html.error().message.rfind("spec.yaml is not a YAML or JSON mapping", 0), 0u) << html.error().message;
  auto broken = parseOpenApi("{\n  \"openapi\": \"3.0.0\",\n  \"paths\": {,}\n}", "spec.json");
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().message.find("spec.json is not valid JSON (line 3"), std::string::npos) << broken.error().message;
  auto yaml = parseOpenApi("openapi: 3.0.0\npaths:\n  - a\n - b\n", "spec.yaml");
  ASSERT_FALSE(yaml);
  EXPECT_NE(yaml.error().message.find("line 4"), std::string::npos) << yaml.error().message;
  auto empty = parseOpenApi("  \n", "spec.yaml");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().message, "spec.yaml is empty");
}

TEST(OpenApiDocument, MappingWithoutVersionIsNotOpenApi) {
  auto manifestText = parseOpenApi("version: 6.4.0\ntype: DeclarativeSource\n", "manifest.yaml");
  ASSERT_FALSE(manifestText);
  EXPECT_EQ(manifestText.error().message,
            "manifest.yaml is not an OpenAPI document: it has neither an 'openapi' nor a 'swagger' version field");
  auto future = parseOpenApi("openapi: 4.0.0\n", "x.yaml");
  ASSERT_FALSE(future);
  EXPECT_NE(future.error().message.find("'4.0.0' is not supported"), std::string::npos);
}

TEST(OpenApiDocument, MissingFileAndFolderAreNamed) {
  auto missing = loadOpenApi("/nonexistent/openapi.yaml");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, "cannot read /nonexistent/openapi.yaml: no such file");
  auto folder = loadOpenApi(fixturePath("external"));
  ASSERT_FALSE(folder);
  EXPECT_NE(folder.error().message.find("it is a folder"), std::string::npos);
}

TEST(OpenApiDocument, TwentyMegabyteFileIsRefusedBeforeParsing) {
  const auto path = std::filesystem::temp_directory_path() / ("manifold-huge-" + std::to_string(::getpid()) + ".json");
  {
    std::ofstream out(path, std::ios::binary);
    out << R"({"openapi": "3.0.0", "x-padding": ")" << std::string(20u << 20, 'x') << "\"}";
  }
  auto document = loadOpenApi(path.string());
  std::filesystem::remove(path);
  ASSERT_FALSE(document);
  EXPECT_NE(document.error().message.find("it is 20.0 MB, more than the 16.0 MB Manifold imports"), std::string::npos)
      << document.error().message;
}

TEST(OpenApiDocument, ReadsFromAUrl) {
  manifold::testing::LocalHttpServer server;
  server.server().Get("/spec.yaml", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(readFile(fixturePath("repos_openapi30.yaml")), "application/yaml");
  });
  server.start();
  auto document = loadOpenApi(server.baseUrl() + "/spec.yaml");
  ASSERT_TRUE(document) << document.error().message;
  EXPECT_TRUE(document->fromUrl);
  EXPECT_EQ(document->version, SpecVersion::OpenApi30);
  ASSERT_EQ(server.requests().size(), 1u);
  EXPECT_NE(server.requests()[0].header("Accept").find("application/json"), std::string::npos);
}

TEST(OpenApiDocument, RelativeServerResolvesAgainstTheDocumentUrl) {
  manifold::testing::LocalHttpServer server;
  server.server().Get("/docs/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "servers": [{"url": "/api/v2"}],
      "paths": {"/things": {"get": {"responses": {"200": {"description": "x", "content": {"application/json":
        {"schema": {"type": "array", "items": {"type": "object"}}}}}}}}}})",
                    "application/json");
  });
  server.start();
  auto document = loadOpenApi(server.baseUrl() + "/docs/openapi.json");
  ASSERT_TRUE(document) << document.error().message;
  auto plan = planImport(document.value());
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_EQ(plan->urlBase, server.baseUrl() + "/api/v2");
}

TEST(OpenApiDocument, HttpErrorStatusIsNamed) {
  manifold::testing::LocalHttpServer server;
  server.server().Get("/gone.json", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
  server.start();
  auto document = loadOpenApi(server.baseUrl() + "/gone.json");
  ASSERT_FALSE(document);
  EXPECT_EQ(document.error().message, "cannot read " + server.baseUrl() + "/gone.json: the server answered HTTP 404");
}

TEST(OpenApiDocument, UrlThatNeverAnswersTimesOut) {
  manifold::testing::RawTcpServer server([](manifold::testing::RawConnection& connection) {
    connection.readRequestHead();
    connection.waitForClose();  // never answers
  });
  server.start();
  LoadOptions options;
  options.http.totalTimeout = std::chrono::milliseconds(300);
  auto document = loadOpenApi(server.baseUrl() + "/openapi.json", options);
  ASSERT_FALSE(document);
  EXPECT_NE(document.error().message.find("cannot read " + server.baseUrl() + "/openapi.json: timed out"), std::string::npos)
      << document.error().message;
}

TEST(OpenApiDocument, UrlBodyOverTheCapIsRefused) {
  manifold::testing::LocalHttpServer server;
  server.server().Get("/big.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(2u << 20, ' '), "application/json");
  });
  server.start();
  LoadOptions options;
  options.maxBytes = 1u << 20;
  auto document = loadOpenApi(server.baseUrl() + "/big.json", options);
  ASSERT_FALSE(document);
  EXPECT_NE(document.error().message.find("larger than 1.0 MB"), std::string::npos) << document.error().message;
}

TEST(OpenApiDocument, ExternalRefsAreNotFollowedForUrlDocuments) {
  manifold::testing::LocalHttpServer server;
  server.server().Get("/refs.yaml", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(readFile(fixturePath("refs_openapi30.yaml")), "application/yaml");
  });
  server.start();
  auto document = loadOpenApi(server.baseUrl() + "/refs.yaml");
  ASSERT_TRUE(document);
  auto plan = planImport(document.value());
  ASSERT_TRUE(plan);
  EXPECT_FALSE(plan->findStream("files"));
  bool noted = false;
  for (const auto& n : plan->notes) noted = noted || n.find("not followed for a document read from a URL") != std::string::npos;
  EXPECT_TRUE(noted);
}

}  // namespace
}  // namespace manifold::openapi
