#include "core/catalog/remote_catalog.h"

#include <fnmatch.h>

#include <algorithm>
#include <map>
#include <vector>

#include "core/interpolation/encoding.h"

namespace manifold::catalog {

namespace {

std::vector<std::string> splitPath(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string::npos ? path.size() : slash;
    if (end > start) parts.push_back(path.substr(start, end - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return parts;
}

bool globMatch(const std::string& pattern, const std::string& name) {
  return ::fnmatch(pattern.c_str(), name.c_str(), FNM_PERIOD) == 0;
}

CatalogError badResponse(const std::string& what) {
  return CatalogError{CatalogErrorKind::GitHub, "cannot " + what + ": GitHub's answer is not what its API documents", ""};
}

std::string text(const nlohmann::json& json, const char* key) {
  const auto it = json.is_object() ? json.find(key) : json.end();
  return json.is_object() && it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string detailsKey(const CatalogEntry& entry) {
  const auto sha = [&entry](const char* file) {
    const auto it = entry.blobs.find(file);
    return it == entry.blobs.end() ? std::string("-") : it->second;
  };
  return sha("metadata.yaml") + "-" + sha("manifest.yaml");
}

void copyDetails(CatalogEntry& to, const CatalogEntry& from) {
  to.title = from.title;
  to.description = from.description;
  to.category = from.category;
  to.authType = from.authType;
  to.supportLevel = from.supportLevel;
  to.version = from.version;
  to.documentationUrl = from.documentationUrl;
  to.streams = from.streams;
  to.detailed = true;
}

}  // namespace

struct RemoteCatalog::Walk {
  std::vector<std::string> pattern;
  std::map<std::string, std::string> blobs;  // path → blob sha
  std::vector<std::string> manifests;        // paths matching the pattern
};

RemoteCatalog::RemoteCatalog(RemoteCatalogOptions options)
    : options_(std::move(options)), cache_(options_.cacheDir, options_.repository) {}

RemoteCatalog::~RemoteCatalog() = default;

CatalogSource RemoteCatalog::source() const {
  return CatalogSource{CatalogKind::GitHub, options_.repository, options_.branch};
}

Result<github::GitHubResponse> RemoteCatalog::get(const std::string& path, const std::string& what,
                                                  std::stop_token stop) {
  if (options_.offline) {
    return CatalogError{CatalogErrorKind::Offline, "cannot " + what + ": working offline and it is not cached", ""};
  }
  if (!client_) client_ = std::make_unique<github::GitHubClient>(options_.client);
  auto response = client_->call("GET", path, what, std::nullopt, stop);
  if (!response) return fromGitHub(response.error());
  return std::move(response).value();
}

Result<std::string> RemoteCatalog::headCommit(std::stop_token stop) {
  std::string owner;
  std::string name;
  if (!github::splitRepository(options_.repository, owner, name)) {
    return CatalogError{CatalogErrorKind::Invalid,
                        "the catalog repository '" + options_.repository + "' is not of the form OWNER/NAME", ""};
  }
  const std::string what = "read the branch " + options_.branch + " of " + options_.repository;
  auto ref = get("/repos/" + options_.repository + "/git/ref/heads/" + options_.branch, what, stop);
  if (!ref) {
    CatalogError error = ref.error();
    if (error.kind == CatalogErrorKind::NotFound) {
      error.message = "cannot list the catalog " + options_.repository + ": the repository or its branch " +
                      options_.branch + " does not exist, or is not visible to this token (404)";
    }
    return error;
  }
  const std::string sha = text(ref->body.value("object", nlohmann::json()), "sha");
  if (sha.empty()) return badResponse(what);
  return sha;
}

Result<bool> RemoteCatalog::walk(const std::string& treeish, const std::string& prefix, std::size_t segment,
                                 Walk& state, std::stop_token stop) {
  const std::string what = "list the files of " + options_.repository + " under /" + prefix;
  const std::string base = "/repos/" + options_.repository + "/git/trees/" + treeish;
  auto recursive = get(base + "?recursive=1", what, stop);
  if (!recursive) return recursive.error();
  const auto& tree = recursive->body.is_object() ? recursive->body.value("tree", nlohmann::json()) : nlohmann::json();
  if (!tree.is_array()) return badResponse(what);
  const std::size_t remaining = state.pattern.size() - segment;
  if (!recursive->body.value("truncated", false)) {
    for (const auto& item : tree) {
      if (text(item, "type") != "blob") continue;
      const std::string path = text(item, "path");
      state.blobs[prefix + path] = text(item, "sha");
      const auto parts = splitPath(path);
      if (parts.size() != remaining) continue;
      bool match = true;
      for (std::size_t i = 0; i < parts.size() && match; ++i) match = globMatch(state.pattern[segment + i], parts[i]);
      if (match) state.manifests.push_back(prefix + path);
    }
    return true;
  }
  // Too large for one answer: list this folder alone and descend where the pattern leads.
  auto flat = get(base, what, stop);
  if (!flat) return flat.error();
  const auto& entries = flat->body.is_object() ? flat->body.value("tree", nlohmann::json()) : nlohmann::json();
  if (!entries.is_array()) return badResponse(what);
  for (const auto& item : entries) {
    if (stop.stop_requested()) return CatalogError{CatalogErrorKind::Cancelled, "listing the catalog was cancelled", ""};
    const std::string name = text(item, "path");
    const std::string type = text(item, "type");
    if (type == "blob") {
      state.blobs[prefix + name] = text(item, "sha");
      if (remaining == 1 && globMatch(state.pattern[segment], name)) state.manifests.push_back(prefix + name);
    } else if (type == "tree" && remaining > 1 && globMatch(state.pattern[segment], name)) {
      auto sub = walk(text(item, "sha"), prefix + name + "/", segment + 1, state, stop);
      if (!sub) return sub;
    }
  }
  return true;
}

CatalogListing RemoteCatalog::fromListingJson(const nlohmann::json& json) const {
  CatalogListing listing;
  listing.source = source();
  listing.commit = json.value("commit", std::string());
  for (const auto& item : json.value("connectors", nlohmann::json::array())) {
    CatalogEntry entry = entryFromJson(item);
    entry.source = listing.source;
    entry.commit = listing.commit;
    if (entry.title.empty()) entry.title = entry.name;
    if (const auto cached = cache_.details(detailsKey(entry))) {
      copyDetails(entry, entryFromJson(*cached));
      const auto icon = entry.blobs.find("icon.svg");
      if (icon != entry.blobs.end() && cache_.blob(icon->second)) entry.iconPath = cache_.blobPath(icon->second, ".svg").string();
    }
    listing.entries.push_back(std::move(entry));
  }
  return listing;
}

Result<CatalogListing> RemoteCatalog::list(std::stop_token stop) {
  const auto cachedHead = cache_.head(options_.branch);
  const auto fromCache = [&](const std::string& why) -> Result<CatalogListing> {
    const std::string commit = cachedHead ? text(*cachedHead, "commit") : std::string();
    const auto cached = commit.empty() ? std::nullopt : cache_.listing(commit, options_.pathPattern);
    if (!cached) return CatalogError{};
    CatalogListing listing = fromListingJson(*cached);
    listing.fromCache = true;
    listing.warnings.push_back(why + "; showing the listing of " + options_.repository + "@" + options_.branch +
                               " cached at commit " + commit.substr(0, 12) + " (listed " +
                               text(*cachedHead, "listedAt") + ")");
    return listing;
  };
  if (options_.offline) {
    auto cached = fromCache("working offline");
    if (!cached) {
      return CatalogError{CatalogErrorKind::Offline,
                          "cannot list " + options_.repository + "@" + options_.branch +
                              " offline: it has never been listed on this machine",
                          ""};
    }
    return cached;
  }
  auto head = headCommit(stop);
  if (!head) {
    const auto kind = head.error().kind;
    if (kind == CatalogErrorKind::Offline || kind == CatalogErrorKind::RateLimited) {
      if (auto cached = fromCache(head.error().message)) return cached;
    }
    return head.error();
  }
  if (const auto cached = cache_.listing(head.value(), options_.pathPattern)) {
    cache_.storeHead(options_.branch, head.value());
    return fromListingJson(*cached);
  }
  Walk state;
  state.pattern = splitPath(options_.pathPattern);
  if (state.pattern.empty()) {
    return CatalogError{CatalogErrorKind::Invalid, "the catalog path pattern is empty", ""};
  }
  auto walked = walk(head.value(), "", 0, state, stop);
  if (!walked) {
    const auto kind = walked.error().kind;
    if (kind == CatalogErrorKind::Offline || kind == CatalogErrorKind::RateLimited) {
      if (auto cached = fromCache(walked.error().message)) return cached;
    }
    return walked.error();
  }
  nlohmann::json connectors = nlohmann::json::array();
  std::sort(state.manifests.begin(), state.manifests.end());
  for (const auto& manifestPath : state.manifests) {
    const auto slash = manifestPath.rfind('/');
    const std::string folder = slash == std::string::npos ? std::string() : manifestPath.substr(0, slash);
    const std::string name = folder.substr(folder.rfind('/') == std::string::npos ? 0 : folder.rfind('/') + 1);
    nlohmann::json files = nlohmann::json::object();
    for (const auto file : workspace::kConnectorFiles) {
      const std::string path = folder.empty() ? std::string(file) : folder + "/" + std::string(file);
      const auto it = state.blobs.find(path);
      if (it != state.blobs.end()) files[std::string(file)] = it->second;
    }
    connectors.push_back({{"name", name.empty() ? options_.repository : name}, {"path", folder}, {"files", files}});
  }
  const nlohmann::json json{{"commit", head.value()},
                            {"repository", options_.repository},
                            {"branch", options_.branch},
                            {"pattern", options_.pathPattern},
                            {"connectors", connectors}};
  cache_.storeListing(head.value(), options_.pathPattern, json);
  cache_.storeHead(options_.branch, head.value());
  return fromListingJson(json);
}

Result<std::string> RemoteCatalog::blob(const std::string& sha, const std::string& extension, std::stop_token stop) {
  if (auto cached = cache_.blob(sha)) return std::move(*cached);
  const std::string what = "read the file " + sha.substr(0, 12) + " of " + options_.repository;
  auto response = get("/repos/" + options_.repository + "/git/blobs/" + sha, what, stop);
  if (!response) return response.error();
  std::string content = text(response->body, "content");
  if (text(response->body, "encoding") == "base64") {
    std::erase(content, '\n');
    try {
      content = interpolation::base64Decode(content);
    } catch (const std::exception&) {
      return badResponse(what);
    }
  } else if (!response->body.is_object() || !response->body.contains("content")) {
    return badResponse(what);
  }
  cache_.storeBlob(sha, content, extension);
  return content;
}

Result<CatalogEntry> RemoteCatalog::details(CatalogEntry entry, std::stop_token stop) {
  if (const auto cached = cache_.details(detailsKey(entry))) {
    copyDetails(entry, entryFromJson(*cached));
  } else {
    std::optional<std::string> texts[2];
    const char* names[2] = {"metadata.yaml", "manifest.yaml"};
    for (int i = 0; i < 2; ++i) {
      const auto sha = entry.blobs.find(names[i]);
      if (sha == entry.blobs.end()) continue;
      auto content = blob(sha->second, "", stop);
      if (!content) return content.error();
      texts[i] = std::move(content).value();
    }
    (void)fillDetails(entry, texts[0] ? &*texts[0] : nullptr, texts[1] ? &*texts[1] : nullptr);
    entry.detailed = true;
    cache_.storeDetails(detailsKey(entry), toJson(entry));
  }
  const auto icon = entry.blobs.find("icon.svg");
  if (icon != entry.blobs.end() && cache_.enabled()) {
    if (!cache_.blob(icon->second)) {
      auto content = blob(icon->second, ".svg", stop);
      if (!content) return content.error();
    }
    entry.iconPath = cache_.blobPath(icon->second, ".svg").string();
  }
  return entry;
}

Result<workspace::ConnectorFiles> RemoteCatalog::files(const CatalogEntry& entry, std::stop_token stop) {
  workspace::ConnectorFiles files;
  for (const auto& [name, sha] : entry.blobs) {
    auto content = blob(sha, name == "icon.svg" ? ".svg" : "", stop);
    if (!content) return content.error();
    files[name] = std::move(content).value();
  }
  return files;
}

Result<workspace::ConnectorFiles> RemoteCatalog::filesAt(const std::string& folder, const std::string& commit,
                                                         std::stop_token stop) {
  if (const auto cached = cache_.listing(commit, options_.pathPattern)) {
    for (const auto& item : cached->value("connectors", nlohmann::json::array())) {
      if (text(item, "path") == folder) return files(entryFromJson(item), stop);
    }
  }
  const std::string what = "list " + folder + " of " + options_.repository + " at " + commit.substr(0, 12);
  auto listing = get("/repos/" + options_.repository + "/contents/" + folder + "?ref=" + commit, what, stop);
  if (!listing) return listing.error();
  if (!listing->body.is_array()) return badResponse(what);
  CatalogEntry entry;
  for (const auto& item : listing->body) {
    const std::string name = text(item, "name");
    if (text(item, "type") != "file") continue;
    if (std::find(workspace::kConnectorFiles.begin(), workspace::kConnectorFiles.end(), name) ==
        workspace::kConnectorFiles.end()) {
      continue;
    }
    entry.blobs[name] = text(item, "sha");
  }
  return files(entry, stop);
}

}  // namespace manifold::catalog
