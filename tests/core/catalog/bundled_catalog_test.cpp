// The bundled catalog: found where it is installed or built, listed with the metadata at a glance.
#include "core/catalog/bundled_catalog.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "tests/support/temp_dir.h"

namespace manifold::catalog {
namespace {

namespace fs = std::filesystem;

TEST(BundledCatalogListing, ListsEveryConnectorWithItsMetadataAndStreams) {
  const auto listing = listBundledCatalog(fs::path(MANIFOLD_SOURCE_DIR) / "manifests");
  EXPECT_TRUE(listing.warnings.empty()) << listing.warnings.front();
  ASSERT_GE(listing.entries.size(), 15u);
  EXPECT_TRUE(std::is_sorted(listing.entries.begin(), listing.entries.end(),
                             [](const CatalogEntry& a, const CatalogEntry& b) { return a.name < b.name; }));
  const CatalogEntry* demo = findEntry(listing, "demo");
  ASSERT_NE(demo, nullptr);
  EXPECT_EQ(demo->title, "Manifold Demo API");
  EXPECT_EQ(demo->category, "demo");
  EXPECT_EQ(demo->authType, "api_key");
  EXPECT_EQ(demo->supportLevel, "certified");
  EXPECT_EQ(demo->version, "0.1.0");
  EXPECT_EQ(demo->source.label(), "bundled");
  EXPECT_TRUE(fs::is_regular_file(demo->iconPath));
  EXPECT_GE(demo->streams.size(), 3u);
  EXPECT_NE(std::find(demo->streams.begin(), demo->streams.end(), "customers"), demo->streams.end());
  for (const auto& entry : listing.entries) {
    EXPECT_FALSE(entry.streams.empty()) << entry.name;
    EXPECT_NE(entry.title, entry.name) << entry.name << " has no title in metadata.yaml";
  }
  const auto files = bundledFiles(*demo);
  EXPECT_TRUE(files.contains("manifest.yaml"));
  EXPECT_TRUE(files.contains("README.md"));
}

TEST(BundledCatalogListing, IsFoundThroughTheOverrideThenTheInstalledShareFolder) {
  testing::TempDir dir;
  dir.write("prefix/share/manifold/manifests/x/manifest.yaml", "streams: []\n");
  ::unsetenv("MANIFOLD_MANIFESTS_DIR");
  EXPECT_EQ(findBundledCatalog(dir / "prefix/bin"), dir / "prefix/share/manifold/manifests");
  EXPECT_EQ(findBundledCatalog(dir / "elsewhere/bin"), fs::path(MANIFOLD_SOURCE_DIR) / "manifests");
  ::setenv("MANIFOLD_MANIFESTS_DIR", (dir / "prefix").c_str(), 1);
  EXPECT_EQ(findBundledCatalog(dir / "prefix/bin"), dir / "prefix");
  ::unsetenv("MANIFOLD_MANIFESTS_DIR");
}

TEST(BundledCatalogListing, MatchesSearchesInNameTitleCategoryAndDescription) {
  CatalogEntry entry;
  entry.name = "stripe";
  entry.title = "Stripe";
  entry.category = "payments";
  entry.description = "Customers and charges";
  EXPECT_TRUE(matchesQuery(entry, "STRI"));
  EXPECT_TRUE(matchesQuery(entry, "payment"));
  EXPECT_TRUE(matchesQuery(entry, "charges"));
  EXPECT_TRUE(matchesQuery(entry, ""));
  EXPECT_FALSE(matchesQuery(entry, "weather"));
}

}  // namespace
}  // namespace manifold::catalog
