// A manifest's YAML text parsed into a JSON tree plus a source map of where each node was written.
#pragma once

#include "core/manifest/diagnostic.h"
#include "core/manifest/source_map.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string_view>

namespace manifold::manifest {

// Manifests keep the key order the user wrote (forms, outlines and the reference's
// parameter propagation all follow it), so the whole model uses ordered objects.
using Json = nlohmann::ordered_json;

struct DocumentLimits {
  // Upper bound on JSON values produced, counting every alias expansion, so a
  // "billion laughs" file fails with a message instead of exhausting memory.
  std::size_t maxNodes = 1'000'000;
};

class Document {
 public:
  // Never throws on bad input: problems come back as diagnostics. When a problem is
  // fatal (syntax error, empty file, root that is not a mapping) root() is null.
  static Document parse(std::string_view text, const DocumentLimits& limits = {});

  const Json& root() const { return root_; }
  const SourceMap& sourceMap() const { return sourceMap_; }
  const Diagnostics& diagnostics() const { return diagnostics_; }

  // True when the text gave a mapping root; there may still be non-fatal errors
  // (duplicate keys) in diagnostics().
  bool loaded() const { return root_.is_object(); }

  // Position of a JSON pointer into root() (or of its nearest written ancestor).
  SourcePosition locate(std::string_view pointer) const { return sourceMap_.locate(pointer); }

 private:
  Json root_;
  SourceMap sourceMap_;
  Diagnostics diagnostics_;
};

}  // namespace manifold::manifest
