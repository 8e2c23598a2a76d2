#include "core/catalog/catalog_cache.h"

#include <cctype>
#include <cstdint>
#include <cstdio>

#include "core/workspace/file_io.h"
#include "core/workspace/origin.h"

namespace manifold::catalog {

namespace fs = std::filesystem;

namespace {

// FNV-1a: stable across runs and builds, unlike std::hash.
std::string stableHash(const std::string& text) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (const unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

// A branch or SHA as one safe file name.
std::string fileName(const std::string& key) {
  std::string out;
  for (const char c : key) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_') ? c : '_';
  return out + "-" + stableHash(key).substr(0, 8);
}

}  // namespace

CatalogCache::CatalogCache(const fs::path& root, const std::string& repository) {
  if (!root.empty()) dir_ = root / "github" / fileName(repository);
}

std::optional<nlohmann::json> CatalogCache::readJson(const fs::path& path) const {
  if (!enabled()) return std::nullopt;
  const auto text = workspace::readTextFile(path);
  if (!text) return std::nullopt;
  auto json = nlohmann::json::parse(*text, nullptr, false);
  if (json.is_discarded()) return std::nullopt;  // a damaged cache file counts as missing
  return json;
}

void CatalogCache::writeJson(const fs::path& path, const nlohmann::json& json) {
  if (enabled()) (void)workspace::writeFileAtomically(path, json.dump());  // a cache that cannot write is no error
}

std::optional<nlohmann::json> CatalogCache::head(const std::string& branch) const {
  return readJson(dir_ / "heads" / (fileName(branch) + ".json"));
}

void CatalogCache::storeHead(const std::string& branch, const std::string& commit) {
  writeJson(dir_ / "heads" / (fileName(branch) + ".json"),
            nlohmann::json{{"commit", commit}, {"listedAt", workspace::utcNowIso()}});
}

std::optional<nlohmann::json> CatalogCache::listing(const std::string& commit, const std::string& pattern) const {
  return readJson(dir_ / "listings" / (fileName(commit) + "-" + stableHash(pattern) + ".json"));
}

void CatalogCache::storeListing(const std::string& commit, const std::string& pattern, const nlohmann::json& listing) {
  writeJson(dir_ / "listings" / (fileName(commit) + "-" + stableHash(pattern) + ".json"), listing);
}

fs::path CatalogCache::blobPath(const std::string& sha, const std::string& extension) const {
  return enabled() ? dir_ / "blobs" / (fileName(sha) + extension) : fs::path();
}

std::optional<std::string> CatalogCache::blob(const std::string& sha) const {
  if (!enabled()) return std::nullopt;
  for (const char* extension : {"", ".svg"}) {
    if (auto text = workspace::readTextFile(blobPath(sha, extension))) return text;
  }
  return std::nullopt;
}

fs::path CatalogCache::storeBlob(const std::string& sha, const std::string& content, const std::string& extension) {
  if (!enabled()) return {};
  const fs::path path = blobPath(sha, extension);
  return workspace::writeFileAtomically(path, content) ? path : fs::path();
}

std::optional<nlohmann::json> CatalogCache::details(const std::string& key) const {
  return readJson(dir_ / "details" / (fileName(key) + ".json"));
}

void CatalogCache::storeDetails(const std::string& key, const nlohmann::json& details) {
  writeJson(dir_ / "details" / (fileName(key) + ".json"), details);
}

}  // namespace manifold::catalog
