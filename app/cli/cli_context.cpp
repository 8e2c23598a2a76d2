// What every manifold-cli subcommand shares.
#include "app/cli/cli_context.h"

#include <ostream>

namespace manifold::cli {

void CliContext::fail(const std::string& message, int code) {
  err << "manifold-cli: " << message << '\n';
  exitCode = code;
}

}  // namespace manifold::cli
