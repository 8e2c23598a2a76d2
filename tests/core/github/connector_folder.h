// A connector folder in a temporary directory, as the workspace lays it out, for the contribute tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

namespace manifold::testing {

inline constexpr const char* kTestManifest = R"(version: 6.7.0
type: DeclarativeSource
check:
  type: CheckStream
  stream_names: [users]
definitions:
  requester:
    type: HttpRequester
    url_base: https://api.example.com
    authenticator:
      type: BearerAuthenticator
      api_token: "{{ config['api_key'] }}"
streams:
  - type: DeclarativeStream
    name: users
    retriever:
      type: SimpleRetriever
      requester:
        $ref: "#/definitions/requester"
        path: /users
      record_selector:
        type: RecordSelector
        extractor:
          type: DpathExtractor
          field_path: []
    schema_loader:
      type: InlineSchemaLoader
      schema: {}
  - type: DeclarativeStream
    name: orders
    retriever:
      type: SimpleRetriever
      requester:
        $ref: "#/definitions/requester"
        path: /orders
      record_selector:
        type: RecordSelector
        extractor:
          type: DpathExtractor
          field_path: []
    schema_loader:
      type: InlineSchemaLoader
      schema: {}
spec:
  type: Spec
  connection_specification:
    type: object
    required: [api_key]
    properties:
      api_key:
        type: string
        airbyte_secret: true
      region:
        type: string
)";

class ConnectorFolder {
 public:
  explicit ConnectorFolder(const std::string& name = "example") {
    std::random_device random;
    root_ = std::filesystem::temp_directory_path() / ("manifold-contribute-" + std::to_string(random()));
    dir_ = root_ / name;
    std::filesystem::create_directories(dir_ / ".manifold");
    write("manifest.yaml", kTestManifest);
    write("metadata.yaml", "data:\n  name: " + name + "\n  connectorType: source\n");
    write("README.md", "# Example\n\nReads users and orders.\n");
    write("icon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
    write(".manifold/testing_values.json", R"({"api_key": "sk_live_VERYSECRET42", "region": "eu"})");
    write(".manifold/last_test_read.json",
          R"({"finishedAt": "2026-11-25T10:00:00Z", "streams": [{"name": "users", "records": 12, "passed": true}, {"name": "orders", "records": 3, "passed": true}]})");
  }
  ~ConnectorFolder() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  ConnectorFolder(const ConnectorFolder&) = delete;
  ConnectorFolder& operator=(const ConnectorFolder&) = delete;

  void write(const std::string& relative, const std::string& content) const {
    std::ofstream(dir_ / relative, std::ios::binary) << content;
  }
  std::string read(const std::string& relative) const {
    std::ifstream in(dir_ / relative, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path root_;
  std::filesystem::path dir_;
};

}  // namespace manifold::testing
