// Evaluating manifest templates inside components: failures become ReadErrors that say which
// field failed, so the stream's TRACE names it.
#pragma once

#include "core/interpolation/context.h"
#include "core/interpolation/interpolated_boolean.h"
#include "core/interpolation/interpolated_string.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace manifold::engine {

// Config is shared read-only by every component of one source.
using SharedConfig = std::shared_ptr<const nlohmann::json>;

nlohmann::json evalOrThrow(const interpolation::InterpolatedString& text, const interpolation::Context& context,
                           std::string_view what);
// The rendered value as text: strings as they are, other values as Python's str() prints them.
std::string evalTextOrThrow(const interpolation::InterpolatedString& text, const interpolation::Context& context,
                            std::string_view what);
bool evalConditionOrThrow(const interpolation::InterpolatedBoolean& condition, const interpolation::Context& context,
                          std::string_view what);

// Python's str() of a JSON value (True, None, {'a': 1}); strings unchanged.
std::string pythonStr(const nlohmann::json& value);

}  // namespace manifold::engine
