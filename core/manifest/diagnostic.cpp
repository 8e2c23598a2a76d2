// Diagnostic helpers.
#include "core/manifest/diagnostic.h"

#include <algorithm>

namespace manifold::manifest {

std::string_view severityName(Severity severity) {
  return severity == Severity::Error ? "error" : "warning";
}

std::size_t countErrors(const Diagnostics& diagnostics) {
  return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
      [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

bool hasErrors(const Diagnostics& diagnostics) { return countErrors(diagnostics) > 0; }

}  // namespace manifold::manifest
