// What a template can use, with signatures and one-line docs: for the playground and completion.
#pragma once

#include <span>
#include <string_view>

namespace manifold::interpolation {

struct BuiltinDoc {
  std::string_view name;
  std::string_view signature;  // "format_datetime(dt, format, input_format=None)"
  std::string_view doc;        // one line
};

// The variables the reference engine passes to templates, in the order users meet them.
std::span<const BuiltinDoc> templateVariables();
// Variables only some fields receive (their interpolation_context names them), not offered elsewhere.
std::span<const BuiltinDoc> fieldOnlyVariables();
// The Airbyte macros (global functions).
std::span<const BuiltinDoc> templateMacros();
// The Airbyte filters and the Jinja filters manifests use most.
std::span<const BuiltinDoc> templateFilters();

}  // namespace manifold::interpolation
