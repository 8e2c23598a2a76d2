// Go to definition: where a "#/…" reference under the caret points in the manifest's text.
#pragma once

#include "core/manifest/source_map.h"

#include <optional>
#include <string>
#include <string_view>

namespace manifold::manifest {

struct ReferenceTarget {
  std::string reference;    // as written: "#/definitions/requester"
  std::string pointer;      // JSON pointer of the target, or of the deepest part that exists
  SourcePosition position;  // where the target is written (its key); unknown when not found
  std::string error;        // why there is no target; empty when position is known
};

// The quoted "#/…" string the caret is on in `line` (0-based byte column), also when the caret
// is on the `$ref` key of that line. References are always quoted: a plain `#` starts a comment.
std::optional<std::string> referenceAt(std::string_view line, int column);

// Finds the reference under the caret (0-based line and byte column) and its target, looked up
// as the resolver does. Nothing when the caret is on no reference.
std::optional<ReferenceTarget> referenceTargetAt(std::string_view text, int line, int column);

}  // namespace manifold::manifest
