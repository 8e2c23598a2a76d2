// Parses Jinja tokens into a syntax tree (Jinja's grammar and operator precedence).
#pragma once

#include "core/interpolation/ast.h"

#include <string_view>

namespace manifold::interpolation {

// Parses a whole template. Throws EvalException (ErrorKind::Syntax) with the offset
// of the offending token.
NodeList parseTemplate(std::string_view source);

}  // namespace manifold::interpolation
