#include "core/catalog/catalog_entry.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>

#include "core/manifest/manifest_loader.h"

namespace manifold::catalog {

namespace {

std::string scalar(const YAML::Node& node, const char* key) {
  const YAML::Node value = node[key];
  return value && value.IsScalar() ? value.as<std::string>() : std::string();
}

void collectAuthTypes(const nlohmann::ordered_json& node, std::vector<std::string>& types) {
  if (node.is_object()) {
    const auto type = node.find("type");
    if (type != node.end() && type->is_string()) {
      const auto& name = type->get_ref<const std::string&>();
      if (name.ends_with("Authenticator") || name == "NoAuth") types.push_back(name);
    }
    for (const auto& [key, value] : node.items()) collectAuthTypes(value, types);
  } else if (node.is_array()) {
    for (const auto& value : node) collectAuthTypes(value, types);
  }
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::string authTypeOf(const nlohmann::ordered_json& resolvedManifest) {
  std::vector<std::string> types;
  collectAuthTypes(resolvedManifest, types);
  // The first authenticator that means something decides ("NoAuth" only when alone).
  for (const auto& type : types) {
    if (type == "ApiKeyAuthenticator") return "api_key";
    if (type == "BearerAuthenticator") return "bearer";
    if (type == "BasicHttpAuthenticator") return "basic";
    if (type == "OAuthAuthenticator") return "oauth2";
    if (type == "SessionTokenAuthenticator" || type == "LegacySessionTokenAuthenticator") return "session_token";
    if (type == "JwtAuthenticator") return "jwt";
    if (type == "SelectiveAuthenticator") return "selective";
    if (type == "CustomAuthenticator") return "custom";
  }
  return "none";
}

std::vector<std::string> fillDetails(CatalogEntry& entry, const std::string* metadataText,
                                     const std::string* manifestText) {
  std::vector<std::string> warnings;
  if (metadataText != nullptr) {
    try {
      const YAML::Node root = YAML::Load(*metadataText);
      const YAML::Node data = root.IsMap() ? root["data"] : YAML::Node();
      if (data && data.IsMap()) {
        entry.title = scalar(data, "title");
        if (entry.title.empty()) entry.title = scalar(data, "name");
        entry.description = scalar(data, "description");
        entry.category = scalar(data, "category");
        if (entry.category.empty()) entry.category = scalar(data, "connectorSubtype");
        entry.authType = scalar(data, "authType");
        entry.supportLevel = scalar(data, "supportLevel");
        entry.version = scalar(data, "version");
        if (entry.version.empty()) entry.version = scalar(data, "dockerImageTag");
        entry.documentationUrl = scalar(data, "documentationUrl");
      } else {
        warnings.push_back(entry.name + "/metadata.yaml: no `data:` mapping");
      }
    } catch (const YAML::Exception& e) {
      warnings.push_back(entry.name + "/metadata.yaml: not valid YAML: " + e.what());
    }
  }
  if (entry.title.empty()) entry.title = entry.name;
  if (manifestText != nullptr) {
    const auto loaded = manifest::loadManifest(*manifestText);
    if (loaded.resolved.is_object()) {
      entry.streams.clear();
      const auto streams = loaded.resolved.find("streams");
      if (streams != loaded.resolved.end() && streams->is_array()) {
        for (const auto& stream : *streams) {
          if (stream.is_object() && stream.contains("name") && stream["name"].is_string()) {
            entry.streams.push_back(stream["name"].get<std::string>());
          }
        }
      }
      if (entry.authType.empty()) entry.authType = authTypeOf(loaded.resolved);
    } else {
      warnings.push_back(entry.name + "/manifest.yaml: does not load" +
                         (loaded.diagnostics.empty() ? std::string() : ": " + loaded.diagnostics.front().message));
    }
  }
  entry.detailed = metadataText != nullptr || manifestText != nullptr;
  return warnings;
}

nlohmann::json toJson(const CatalogEntry& entry) {
  return nlohmann::json{{"name", entry.name},
                        {"title", entry.title},
                        {"description", entry.description},
                        {"category", entry.category},
                        {"authType", entry.authType},
                        {"supportLevel", entry.supportLevel},
                        {"version", entry.version},
                        {"documentationUrl", entry.documentationUrl},
                        {"streams", entry.streams},
                        {"icon", entry.iconPath},
                        {"source", entry.source.label()},
                        {"path", entry.path},
                        {"commit", entry.commit},
                        {"files", entry.blobs},
                        {"detailed", entry.detailed}};
}

CatalogEntry entryFromJson(const nlohmann::json& json) {
  CatalogEntry entry;
  const auto text = [&json](const char* key) { return json.value(key, std::string()); };
  entry.name = text("name");
  entry.title = text("title");
  entry.description = text("description");
  entry.category = text("category");
  entry.authType = text("authType");
  entry.supportLevel = text("supportLevel");
  entry.version = text("version");
  entry.documentationUrl = text("documentationUrl");
  entry.streams = json.value("streams", std::vector<std::string>{});
  entry.iconPath = text("icon");
  entry.path = text("path");
  entry.commit = text("commit");
  entry.blobs = json.value("files", std::map<std::string, std::string>{});
  entry.detailed = json.value("detailed", false);
  return entry;
}

bool matchesQuery(const CatalogEntry& entry, std::string_view query) {
  const std::string needle = lower(query);
  if (needle.empty()) return true;
  for (const std::string* field : {&entry.name, &entry.title, &entry.category, &entry.description}) {
    if (lower(*field).find(needle) != std::string::npos) return true;
  }
  return false;
}

}  // namespace manifold::catalog
