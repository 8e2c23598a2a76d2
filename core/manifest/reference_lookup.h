// Finds the target of a "#/a/b" manifest reference the way the reference engine reads it.
#pragma once

#include "core/manifest/document.h"

#include <string>
#include <string_view>

namespace manifold::manifest {

// path is the text after "#/". At each level the whole remaining path is first tried as a
// literal key (so a key "a/b" wins over nesting), then the first segment is split off; an
// all-digit segment indexes a list. No "~0"/"~1" escaping, as in the reference.
// Returns nullptr when nothing is there. targetPointer receives the JSON pointer reached
// (or the deepest one that existed, on failure).
const Json* lookupReference(const Json& root, std::string_view path, std::string* targetPointer = nullptr);

// True for strings the reference engine treats as references: they start with "#/".
inline bool isReferenceString(const Json& value) {
  if (!value.is_string()) return false;
  const auto& s = value.get_ref<const std::string&>();
  return s.size() >= 2 && s[0] == '#' && s[1] == '/';
}

}  // namespace manifold::manifest
