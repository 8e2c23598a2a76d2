// The files a catalog expects beside a manifest, generated as the web Connector Builder does when
// a connector lacks them: metadata.yaml, the docs page (README.md), icon.svg, the acceptance-test
// configuration and the catalog's developer README.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace manifold::github {

// What the generators need, taken from the plan and the resolved manifest.
struct CatalogFileInputs {
  std::string name;          // without "source-" ("example")
  std::string title;         // "Example"
  std::string baseImage;     // "docker.io/airbyte/source-declarative-manifest:6.7.0"
  std::string definitionId;  // a new UUID
  std::string releaseDate;   // "2026-12-07"
  std::vector<std::string> allowedHosts;
  nlohmann::ordered_json resolvedManifest;  // null when the manifest did not load
};

// "my-api" → "My Api".
std::string titleFromName(const std::string& name);

std::string generateMetadata(const CatalogFileInputs& in);
std::string generateDocsPage(const CatalogFileInputs& in);
std::string generateIcon(const CatalogFileInputs& in);
std::string generateAcceptanceTestConfig(const CatalogFileInputs& in);
std::string generateDeveloperReadme(const CatalogFileInputs& in, const std::string& docsPath);

}  // namespace manifold::github
