// CatalogListing: the connectors of one catalog, with what went wrong on the way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/catalog/catalog_entry.h"

namespace manifold::catalog {

struct CatalogListing {
  CatalogSource source;
  std::vector<CatalogEntry> entries;  // sorted by name
  std::vector<std::string> warnings;  // entries that could not be read fully, a stale cache, ...
  std::string commit;                 // GitHub: the commit listed
  bool fromCache = false;             // GitHub: served from the disk cache (offline or rate-limited)
};

// The entry called `name`; for a GitHub catalog "pokeapi" also finds "source-pokeapi".
const CatalogEntry* findEntry(const CatalogListing& listing, std::string_view name);

}  // namespace manifold::catalog
