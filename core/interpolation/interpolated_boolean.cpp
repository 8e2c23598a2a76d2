// InterpolatedBoolean: the reference's FALSE_VALUES membership test.
#include "core/interpolation/interpolated_boolean.h"

#include <array>

namespace manifold::interpolation {

Result<bool> InterpolatedBoolean::eval(const Context& context, const RenderOptions& options) const {
  if (condition_.is_boolean()) return condition_.get<bool>();
  if (!condition_.is_string()) return Error{ErrorKind::Value, "a condition must be a boolean or a string", 0};
  EvalOptions eval;
  eval.defaultTemplate = "False";
  eval.render = options;
  auto result = evaluateValue(condition_.get_ref<const std::string&>(), context, eval);
  if (!result) return result.error();
  const Value& value = result.value();
  switch (value.kind()) {
    case ValueKind::String: {
      static constexpr std::array<std::string_view, 8> kFalseStrings = {"False", "false", "{}", "[]", "()", "", "0", "0.0"};
      for (std::string_view text : kFalseStrings) {
        if (value.asString() == text) return false;
      }
      return true;
    }
    case ValueKind::Bool:
    case ValueKind::Int:
    case ValueKind::Float: return value.asDouble() != 0.0;
    case ValueKind::List:
    case ValueKind::Tuple:
    case ValueKind::Dict: return value.size() != 0;
    default: return true;
  }
}

}  // namespace manifold::interpolation
