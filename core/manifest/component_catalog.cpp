// Component catalog lookups.
#include "core/manifest/component_catalog.h"

#include <algorithm>

namespace manifold::manifest {

const FieldSpec* ComponentSpec::field(std::string_view name) const {
  for (const auto& f : fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

ComponentCatalog::ComponentCatalog() : components_(buildComponentTable()) {
  for (const auto& c : components_) {
    if (c.typed) typeNames_.push_back(c.type);
  }
}

const ComponentCatalog& ComponentCatalog::instance() {
  static const ComponentCatalog catalog;
  return catalog;
}

const ComponentSpec* ComponentCatalog::find(std::string_view type) const {
  auto it = std::find_if(components_.begin(), components_.end(),
                         [&](const ComponentSpec& c) { return c.type == type; });
  return it == components_.end() ? nullptr : &*it;
}

}  // namespace manifold::manifest
