// CatalogEntry: one connector of a catalog, as the browser and `catalog list` show it.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace manifold::catalog {

enum class CatalogKind { Bundled, GitHub };

struct CatalogSource {
  CatalogKind kind = CatalogKind::Bundled;
  std::string repository;  // GitHub: "airbytehq/airbyte"
  std::string branch;      // GitHub: "master"
  // "bundled" or "airbytehq/airbyte@master"
  std::string label() const { return kind == CatalogKind::Bundled ? "bundled" : repository + "@" + branch; }
};

struct CatalogEntry {
  std::string name;         // the folder's name: "pokeapi", "source-pokeapi"
  std::string title;        // metadata data.title, else data.name, else the name
  std::string description;
  std::string category;     // data.category, else data.connectorSubtype
  std::string authType;     // data.authType, else from the manifest's authenticators ("api_key", ...)
  std::string supportLevel; // "certified", "community", ...
  std::string version;      // data.version, else data.dockerImageTag
  std::string documentationUrl;
  std::vector<std::string> streams;  // stream names from the resolved manifest
  std::string iconPath;     // an SVG file on disk; empty when not known (yet)
  CatalogSource source;
  std::string path;         // bundled: the folder on disk; GitHub: the folder in the repository
  std::string commit;       // GitHub: the commit SHA the listing came from
  std::map<std::string, std::string> blobs;  // GitHub: file name → blob SHA, for fetching on demand
  bool detailed = false;    // metadata and manifest were read (a remote listing starts without)
};

// Fills title, description, category, auth type, support level, version, documentation URL
// and streams from the connector's metadata.yaml (Airbyte's shape, keys under `data:`) and
// manifest.yaml texts; either may be null. Returns problems as warnings ("metadata.yaml: ...").
std::vector<std::string> fillDetails(CatalogEntry& entry, const std::string* metadataText,
                                     const std::string* manifestText);

// The auth type the manifest's authenticators mean: "api_key", "bearer", "basic", "oauth2",
// "session_token", "jwt", "custom", "selective", or "none".
std::string authTypeOf(const nlohmann::ordered_json& resolvedManifest);

nlohmann::json toJson(const CatalogEntry& entry);
CatalogEntry entryFromJson(const nlohmann::json& json);  // what toJson wrote (the cache)

// True when `query` (case-insensitive) is in the name, title, category or description.
bool matchesQuery(const CatalogEntry& entry, std::string_view query);

}  // namespace manifold::catalog
