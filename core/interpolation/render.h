// One-shot rendering for the CLI's `render` command and the UI's expression playground.
#pragma once

#include "core/interpolation/error.h"
#include "core/interpolation/runtime.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace manifold::interpolation {

// Evaluates `templateText` as an InterpolatedString with every top-level key of
// `contextObject` ({"config": {...}, "record": {...}}) as a variable.
Result<nlohmann::json> renderTemplate(std::string_view templateText, const nlohmann::json& contextObject,
                                      const RenderOptions& options = {});

}  // namespace manifold::interpolation
