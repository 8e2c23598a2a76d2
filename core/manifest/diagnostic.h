// Diagnostics about a manifest: what is wrong, how bad, and where the user wrote it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace manifold::manifest {

enum class Severity { Error, Warning };

// One finding. line and column are 1-based; 0 means the position is unknown
// (for example a problem with the file as a whole).
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string message;
  int line = 0;
  int column = 0;
  std::string path;        // JSON pointer into the resolved manifest ("" = root)
  std::string suggestion;  // a likely fix ("did you mean …" target), may be empty
};

using Diagnostics = std::vector<Diagnostic>;

std::string_view severityName(Severity severity);

bool hasErrors(const Diagnostics& diagnostics);
std::size_t countErrors(const Diagnostics& diagnostics);

}  // namespace manifold::manifest
