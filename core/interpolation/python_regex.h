// Python `re` patterns and replacements mapped onto std::regex (ECMAScript).
#pragma once

#include <regex>
#include <string>
#include <string_view>

namespace manifold::interpolation {

// Compiles a Python pattern: (?P<name>…) groups become plain groups, a leading (?i) sets icase.
// Compiled patterns are cached. Throws EvalException (ValueError) on invalid patterns.
const std::regex& compilePythonRegex(std::string_view pattern);
// Python's re.sub replacement ("\1", "\g<1>") in ECMAScript form ("$1").
std::string toEcmaReplacement(std::string_view replacement);

}  // namespace manifold::interpolation
