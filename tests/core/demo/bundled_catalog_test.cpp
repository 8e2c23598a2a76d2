// Tests the bundled catalog (manifests/): every connector folder is complete, its metadata has
// the catalog keys, every manifest validates clean with manifold-cli, and the demo connector
// matches the demo API it targets.
#include "core/demo/demo_api_server.h"
#include "tests/support/process_runner.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using manifold::testing::binaryPath;
using manifold::testing::runProcess;

fs::path catalogDir() { return fs::path(MANIFOLD_SOURCE_DIR) / "manifests"; }

std::vector<fs::path> connectorDirs() {
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(catalogDir())) {
    if (entry.is_directory()) dirs.push_back(entry.path());
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

std::string readText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Stream names as written: inline `name:` or the name beside a `$ref`.
std::vector<std::string> streamNames(const YAML::Node& manifest) {
  std::vector<std::string> names;
  for (const auto& stream : manifest["streams"]) {
    if (stream["name"]) {
      names.push_back(stream["name"].as<std::string>());
    } else if (stream["$ref"]) {
      // "#/definitions/x" → the definition's name
      const auto ref = stream["$ref"].as<std::string>();
      YAML::Node target = YAML::Clone(manifest);
      std::stringstream parts(ref.substr(2));
      std::string part;
      while (std::getline(parts, part, '/')) target = target[part];
      names.push_back(target["name"] ? target["name"].as<std::string>() : std::string());
    }
  }
  return names;
}

// Every scalar under `key` anywhere in `node`.
void collectScalars(const YAML::Node& node, const std::string& key, std::vector<std::string>& out) {
  if (node.IsMap()) {
    for (const auto& item : node) {
      if (item.first.as<std::string>() == key && item.second.IsScalar()) out.push_back(item.second.as<std::string>());
      collectScalars(item.second, key, out);
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) collectScalars(item, key, out);
  }
}

}  // namespace

TEST(BundledCatalog, HoldsAtLeastFifteenConnectorsIncludingDemo) {
  std::set<std::string> names;
  for (const auto& dir : connectorDirs()) names.insert(dir.filename().string());
  EXPECT_GE(names.size(), 15u);
  EXPECT_TRUE(names.count("demo"));
}

TEST(BundledCatalog, EveryFolderHasItsFourFiles) {
  for (const auto& dir : connectorDirs()) {
    for (const char* file : {"manifest.yaml", "metadata.yaml", "icon.svg", "README.md"}) {
      EXPECT_TRUE(fs::is_regular_file(dir / file)) << dir.filename() << " lacks " << file;
      EXPECT_GT(fs::exists(dir / file) ? fs::file_size(dir / file) : 0, 0u) << dir.filename() << "/" << file;
    }
  }
}

TEST(BundledCatalog, MetadataHasTheCatalogKeys) {
  static const std::set<std::string> kAuthTypes{"none", "api_key", "bearer", "basic", "oauth2"};
  for (const auto& dir : connectorDirs()) {
    const std::string name = dir.filename().string();
    SCOPED_TRACE(name);
    const YAML::Node metadata = YAML::LoadFile((dir / "metadata.yaml").string());
    const YAML::Node data = metadata["data"];
    ASSERT_TRUE(data.IsMap()) << "metadata.yaml needs a data: map, as Airbyte's does";
    for (const char* key : {"name", "title", "description", "category", "authType", "documentationUrl", "version",
                            "supportLevel"}) {
      ASSERT_TRUE(data[key] && data[key].IsScalar()) << "missing " << key;
      EXPECT_FALSE(data[key].as<std::string>().empty()) << key;
    }
    EXPECT_EQ(data["name"].as<std::string>(), name) << "name must be the folder name";
    EXPECT_TRUE(kAuthTypes.count(data["authType"].as<std::string>())) << data["authType"].as<std::string>();
    EXPECT_EQ(data["documentationUrl"].as<std::string>().rfind("https://", 0), 0u);
    ASSERT_TRUE(data["allowedHosts"]["hosts"].IsSequence()) << "allowedHosts.hosts";
    EXPECT_GT(data["allowedHosts"]["hosts"].size(), 0u);
  }
}

TEST(BundledCatalog, ManifestsHaveTheTopLevelPartsAndReadmesNameEveryStream) {
  for (const auto& dir : connectorDirs()) {
    SCOPED_TRACE(dir.filename().string());
    const YAML::Node manifest = YAML::LoadFile((dir / "manifest.yaml").string());
    EXPECT_EQ(manifest["type"].as<std::string>(""), "DeclarativeSource");
    EXPECT_TRUE(manifest["version"] && manifest["version"].IsScalar());
    EXPECT_EQ(manifest["check"]["type"].as<std::string>(""), "CheckStream");
    EXPECT_TRUE(manifest["spec"]["connection_specification"].IsMap());
    const auto names = streamNames(manifest);
    ASSERT_FALSE(names.empty());
    const std::string readme = readText(dir / "README.md");
    for (const auto& stream : names) {
      EXPECT_FALSE(stream.empty());
      EXPECT_NE(readme.find("`" + stream + "`"), std::string::npos) << "README does not describe " << stream;
    }
    const std::string icon = readText(dir / "icon.svg");
    EXPECT_NE(icon.find("<svg"), std::string::npos);
    EXPECT_LT(icon.size(), 8192u) << "icons stay small";
  }
}

// Secrets must be marked so they are masked and kept out of project folders.
TEST(BundledCatalog, CredentialFieldsAreMarkedSecret) {
  static const std::regex kSecretName("(key|token|secret|password)$");
  for (const auto& dir : connectorDirs()) {
    SCOPED_TRACE(dir.filename().string());
    const YAML::Node properties = YAML::LoadFile((dir / "manifest.yaml").string())["spec"]["connection_specification"]["properties"];
    for (const auto& property : properties) {
      const auto field = property.first.as<std::string>();
      if (field == "client_id") continue;
      if (std::regex_search(field, kSecretName)) {
        EXPECT_TRUE(property.second["airbyte_secret"].as<bool>(false)) << field << " is not airbyte_secret";
      }
    }
  }
}

TEST(BundledCatalog, EveryManifestValidatesCleanWithTheCli) {
  for (const auto& dir : connectorDirs()) {
    const auto manifest = (dir / "manifest.yaml").string();
    const auto r = runProcess(binaryPath("manifold-cli"), {"validate", manifest});
    EXPECT_EQ(r.exitCode, 0) << manifest << "\n" << r.out << r.err;
    // Clean means no warnings either: the catalog is what users learn the format from.
    EXPECT_EQ(r.out, "") << manifest;
  }
}

// The demo connector must keep matching the demo API: same key header, and every path it
// requests answers 200 when given the documented key.
TEST(BundledCatalog, DemoConnectorMatchesTheDemoApi) {
  const YAML::Node manifest = YAML::LoadFile((catalogDir() / "demo" / "manifest.yaml").string());
  const YAML::Node auth = manifest["definitions"]["requester"]["authenticator"];
  EXPECT_EQ(auth["type"].as<std::string>(), "ApiKeyAuthenticator");
  EXPECT_EQ(auth["inject_into"]["field_name"].as<std::string>(), manifold::demo::kApiKeyHeader);
  const YAML::Node spec = manifest["spec"]["connection_specification"]["properties"];
  EXPECT_EQ(spec["base_url"]["default"].as<std::string>(), "http://127.0.0.1:8765");
  EXPECT_TRUE(spec["api_key"]["airbyte_secret"].as<bool>(false));

  std::vector<std::string> paths;
  collectScalars(manifest, "path", paths);
  ASSERT_GE(paths.size(), 5u);
  manifold::demo::DemoApiServer server;
  ASSERT_TRUE(server.start(0).ok());
  httplib::Client client(server.baseUrl());
  static const std::regex kTemplate(R"(\{\{[^}]*\}\})");
  for (const auto& path : paths) {
    const std::string concrete = std::regex_replace(path, kTemplate, "1");
    auto res = client.Get(concrete, {{std::string(manifold::demo::kApiKeyHeader), std::string(manifold::demo::kDemoApiKey)}});
    ASSERT_TRUE(res) << concrete;
    // /v1/flaky answers 429 first by design; a retry must then succeed.
    if (res->status == 429) res = client.Get(concrete, {{std::string(manifold::demo::kApiKeyHeader), std::string(manifold::demo::kDemoApiKey)}});
    ASSERT_TRUE(res) << concrete;
    EXPECT_EQ(res->status, 200) << path << " → " << concrete << ": " << res->body;
  }
}
