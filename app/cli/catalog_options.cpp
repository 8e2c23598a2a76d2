// The options `catalog list` and `fork` share, and loading the catalog they name.
#include "app/cli/catalog_options.h"

#include "core/catalog/bundled_catalog.h"

#include <cstdlib>
#include <filesystem>
#include <ostream>

namespace manifold::cli {

namespace {

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::string(value) : std::string();
}

}  // namespace

void addCatalogOptions(CLI::App* sub, CatalogOptions& options) {
  sub->add_option("--remote", options.remote, "A GitHub repository as the catalog, OWNER/NAME (e.g. airbytehq/airbyte)");
  sub->add_option("--branch", options.branch, "Branch of the remote catalog")->capture_default_str();
  sub->add_option("--path-pattern", options.pathPattern, "Where the remote catalog's manifests are")
      ->capture_default_str();
  sub->add_option("--api-url", options.apiUrl,
                  "GitHub API base URL (default: $MANIFOLD_GITHUB_API_URL, else https://api.github.com)");
  sub->add_option("--cache-dir", options.cacheDir, "Cache of remote listings and files");
  sub->add_flag("--offline", options.offline, "Use only what is cached; send no request");
}

catalog::RemoteCatalogOptions remoteOptions(const CatalogOptions& options) {
  catalog::RemoteCatalogOptions remote;
  remote.repository = options.remote;
  remote.branch = options.branch;
  remote.pathPattern = options.pathPattern;
  remote.offline = options.offline;
  remote.client.apiUrl = !options.apiUrl.empty() ? options.apiUrl : environment("MANIFOLD_GITHUB_API_URL");
  if (remote.client.apiUrl.empty()) remote.client.apiUrl = "https://api.github.com";
  remote.client.token = environment("GITHUB_TOKEN");
  remote.client.userAgent = "Manifold-CLI";
  if (!options.cacheDir.empty()) {
    remote.cacheDir = options.cacheDir;
  } else {
    const std::string xdg = environment("XDG_CACHE_HOME");
    const std::string home = environment("HOME");
    if (!xdg.empty()) {
      remote.cacheDir = std::filesystem::path(xdg) / "Manifold" / "Manifold" / "catalog";
    } else if (!home.empty()) {
      remote.cacheDir = std::filesystem::path(home) / ".cache" / "Manifold" / "Manifold" / "catalog";
    }
  }
  return remote;
}

std::optional<catalog::CatalogListing> loadListing(CliContext& context, const CatalogOptions& options) {
  if (options.remote.empty()) {
    const auto dir = catalog::findBundledCatalog();
    if (!dir) {
      context.fail("the bundled catalog is not installed (looked in $MANIFOLD_MANIFESTS_DIR and share/manifold/manifests)");
      return std::nullopt;
    }
    auto listing = catalog::listBundledCatalog(*dir);
    return listing;
  }
  catalog::RemoteCatalog remote(remoteOptions(options));
  auto listing = remote.list();
  if (!listing) {
    context.fail(listing.error().message);
    return std::nullopt;
  }
  return std::move(listing).value();
}

}  // namespace manifold::cli
