// Checks that a string is a well-formed Jinja template without evaluating it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace manifold::interpolation {

struct SyntaxError {
  std::string message;
  std::size_t offset = 0;  // byte offset in the source
};

// nullopt when `source` parses as a template (plain text included).
std::optional<SyntaxError> checkSyntax(std::string_view source);

}  // namespace manifold::interpolation
