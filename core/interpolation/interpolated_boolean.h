// InterpolatedBoolean: conditions (stop_condition, record filters, predicates).
#pragma once

#include "core/interpolation/jinja_interpolation.h"

#include <nlohmann/json.hpp>

namespace manifold::interpolation {

class InterpolatedBoolean {
 public:
  // `condition` is a YAML boolean (used as is) or a template string.
  explicit InterpolatedBoolean(nlohmann::json condition) : condition_(std::move(condition)) {}

  // False iff the result equals one of the reference's FALSE_VALUES ("False", "false", "{}",
  // "[]", "()", "", "0", "0.0", {}, False, [], (), set(); 0 and 0.0 by Python equality).
  // None is true.
  Result<bool> eval(const Context& context, const RenderOptions& options = {}) const;

 private:
  nlohmann::json condition_;
};

}  // namespace manifold::interpolation
