// The reference engine's evaluation pipeline (JinjaInterpolation.eval): render, literal rule,
// default on empty or undefined results, raw template on TypeError.
#pragma once

#include "core/interpolation/context.h"
#include "core/interpolation/error.h"
#include "core/interpolation/literal.h"
#include "core/interpolation/runtime.h"
#include "core/interpolation/template.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace manifold::interpolation {

struct EvalOptions {
  // Rendered (and literal-evaluated) when the template renders empty or hits an undefined
  // value; without one such results are null.
  std::optional<std::string> defaultTemplate;
  // Mask of PythonType; a literal of another type is discarded for the rendered string.
  std::uint32_t validTypes = 0;
  RenderOptions render;
};

// Evaluates like the reference: the result as a Value (tuples, non-string keys preserved).
Result<Value> evaluateValue(std::string_view templateText, const Context& context, const EvalOptions& options = {});
// The same pipeline over templates compiled once, as the wrappers hold them; a null
// `defaultTemplate` means no default.
Result<Value> evaluateTemplate(const Template& tmpl, const Template* defaultTemplate, const Context& context,
                               std::uint32_t validTypes, const RenderOptions& options);
// The same, as JSON (tuples become arrays, date-times strings).
Result<nlohmann::json> evaluate(std::string_view templateText, const Context& context, const EvalOptions& options = {});

}  // namespace manifold::interpolation
