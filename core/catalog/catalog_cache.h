// CatalogCache: a GitHub catalog's listings and files on disk, keyed by commit and blob SHA.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace manifold::catalog {

// Layout under <root>/github/<owner>/<name>/: heads/<branch>.json (the last commit listed for
// a branch, for offline use), listings/<commit>-<pattern hash>.json, blobs/<sha>[.ext] and
// details/<key>.json. Content keyed by SHA never changes, so nothing is ever invalidated.
// A cache with an empty root stores nothing and finds nothing.
class CatalogCache {
 public:
  CatalogCache(const std::filesystem::path& root, const std::string& repository);

  bool enabled() const { return !dir_.empty(); }

  std::optional<nlohmann::json> head(const std::string& branch) const;  // {"commit", "listedAt"}
  void storeHead(const std::string& branch, const std::string& commit);

  std::optional<nlohmann::json> listing(const std::string& commit, const std::string& pattern) const;
  void storeListing(const std::string& commit, const std::string& pattern, const nlohmann::json& listing);

  std::optional<std::string> blob(const std::string& sha) const;
  // Stores the blob; the extension (".svg") lets viewers pick a format. Returns its path.
  std::filesystem::path storeBlob(const std::string& sha, const std::string& content, const std::string& extension = {});
  std::filesystem::path blobPath(const std::string& sha, const std::string& extension = {}) const;

  std::optional<nlohmann::json> details(const std::string& key) const;
  void storeDetails(const std::string& key, const nlohmann::json& details);

 private:
  std::optional<nlohmann::json> readJson(const std::filesystem::path& path) const;
  void writeJson(const std::filesystem::path& path, const nlohmann::json& json);

  std::filesystem::path dir_;
};

}  // namespace manifold::catalog
