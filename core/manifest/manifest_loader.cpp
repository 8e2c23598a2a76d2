// Parse, resolve, validate; merge and order the findings.
#include "core/manifest/manifest_loader.h"

#include "core/manifest/resolver.h"
#include "core/manifest/validator.h"

#include <algorithm>
#include <tuple>

namespace manifold::manifest {

LoadedManifest loadManifest(std::string_view yamlText) {
  LoadedManifest loaded{Document::parse(yamlText), Json(), {}};
  loaded.diagnostics = loaded.document.diagnostics();
  if (!loaded.document.loaded()) return loaded;
  Resolver resolver(loaded.document);
  ResolvedManifest resolved = resolver.resolve();
  loaded.diagnostics.insert(loaded.diagnostics.end(), resolved.diagnostics.begin(), resolved.diagnostics.end());
  if (resolved.root.is_object()) {
    Diagnostics found = Validator(resolver).validate(resolved.root);
    loaded.diagnostics.insert(loaded.diagnostics.end(), std::make_move_iterator(found.begin()),
                              std::make_move_iterator(found.end()));
  }
  loaded.resolved = std::move(resolved.root);
  std::stable_sort(loaded.diagnostics.begin(), loaded.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  return loaded;
}

}  // namespace manifold::manifest
