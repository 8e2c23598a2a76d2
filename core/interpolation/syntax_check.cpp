// checkSyntax: the parser run for its errors only, for the manifest validator.
#include "core/interpolation/syntax_check.h"

#include "core/interpolation/error.h"
#include "core/interpolation/parser.h"

namespace manifold::interpolation {

std::optional<SyntaxError> checkSyntax(std::string_view source) {
  // Plain text without any tag opener cannot fail; skip the parser for it.
  if (source.find("{{") == std::string_view::npos && source.find("{%") == std::string_view::npos &&
      source.find("{#") == std::string_view::npos) {
    return std::nullopt;
  }
  try {
    parseTemplate(source);
  } catch (const EvalException& e) {
    return SyntaxError{e.error().message, e.error().offset};
  } catch (const std::exception& e) {
    return SyntaxError{e.what(), 0};
  }
  return std::nullopt;
}

}  // namespace manifold::interpolation
