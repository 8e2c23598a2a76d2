// Version banner shared by the GUI and the CLI.
#include "core/version.h"

#include <string>

namespace manifold {

std::string_view versionLine() {
  static const std::string line = std::string(kProductName) + " " + std::string(kVersion);
  return line;
}

}  // namespace manifold
