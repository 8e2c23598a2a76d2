// Splits a Jinja template into tokens: text, tag delimiters and expression tokens.
#pragma once

#include "core/interpolation/token.h"

#include <string_view>
#include <vector>

namespace manifold::interpolation {

// Tokenizes the whole template at once. Applies Jinja's defaults: whitespace control
// ({{- -}}, {%- -%}, {#- -#}), one trailing newline of the template dropped, "\r\n" and
// "\r" in text read as "\n". Throws EvalException (ErrorKind::Syntax) on bad input.
std::vector<Token> tokenize(std::string_view source);

}  // namespace manifold::interpolation
