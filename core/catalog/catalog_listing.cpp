#include "core/catalog/catalog_listing.h"

namespace manifold::catalog {

const CatalogEntry* findEntry(const CatalogListing& listing, std::string_view name) {
  for (const auto& entry : listing.entries) {
    if (entry.name == name) return &entry;
  }
  for (const auto& entry : listing.entries) {
    if (entry.name.starts_with("source-") && std::string_view(entry.name).substr(7) == name) return &entry;
  }
  return nullptr;
}

}  // namespace manifold::catalog
