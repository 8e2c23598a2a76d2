// One call from YAML text to a resolved, validated manifest: what the editor and the CLI use.
#pragma once

#include "core/manifest/document.h"

#include <string_view>

namespace manifold::manifest {

struct LoadedManifest {
  Document document;
  Json resolved;            // the manifest as the engine sees it; null when it did not load
  Diagnostics diagnostics;  // document, resolver and validator findings, ordered by position

  bool ok() const { return resolved.is_object() && !hasErrors(diagnostics); }
};

LoadedManifest loadManifest(std::string_view yamlText);

}  // namespace manifold::manifest
