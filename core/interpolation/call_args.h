// Arguments of a macro, method, filter or test call, bound the Python way (position or keyword).
#pragma once

#include "core/interpolation/error.h"
#include "core/interpolation/value.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace manifold::interpolation {

struct CallArgs {
  std::vector<Value> positional;
  std::vector<std::pair<std::string, Value>> keywords;

  // The argument at `position` or named `name`; nullptr when not given.
  const Value* find(std::size_t position, std::string_view name) const {
    if (position < positional.size()) return &positional[position];
    for (const auto& [key, value] : keywords) {
      if (key == name) return &value;
    }
    return nullptr;
  }

  // Like find() but the argument is required; raises Python's TypeError when missing.
  const Value& require(std::size_t position, std::string_view name, std::string_view function) const {
    if (const Value* value = find(position, name)) return *value;
    throw EvalException(ErrorKind::Type,
                        std::string(function) + "() missing required argument '" + std::string(name) + "'", kNoOffset);
  }

  std::size_t count() const { return positional.size() + keywords.size(); }
};

}  // namespace manifold::interpolation
