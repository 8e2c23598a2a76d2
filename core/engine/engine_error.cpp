// Build error descriptions.
#include "core/engine/engine_error.h"

namespace manifold::engine {

std::string BuildError::describe() const {
  std::string text;
  if (!stream.empty()) text += "stream '" + stream + "': ";
  text += message;
  text += " (at " + (pointer.empty() ? std::string("/") : pointer) + ")";
  return text;
}

}  // namespace manifold::engine
