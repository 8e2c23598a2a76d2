// Mapping evaluation for request options: parameters and form bodies (keys str, values str or
// list, None dropped), headers (every key and value str()-ed), nested JSON bodies.
#pragma once

#include "core/interpolation/jinja_interpolation.h"

#include <nlohmann/json.hpp>

namespace manifold::interpolation {

// InterpolatedMapping + eval_request_inputs: keys and string values are templates without a
// default (an empty render is None); entries whose value is None are dropped.
Result<nlohmann::json> evaluateMapping(const nlohmann::json& mapping, const Context& context,
                                       std::uint32_t validKeyTypes, std::uint32_t validValueTypes,
                                       const RenderOptions& options = {});

// request_parameters and request_body_data: keys str, values str or list ("[1, 2]" → list,
// "5" stays "5", "'q'" → "q").
Result<nlohmann::json> evaluateRequestParameters(const nlohmann::json& mapping, const Context& context,
                                                 const RenderOptions& options = {});

// request_headers: no type restriction, then str() of every key and value ("0x1F" → "31").
Result<nlohmann::json> evaluateRequestHeaders(const nlohmann::json& mapping, const Context& context,
                                              const RenderOptions& options = {});

// InterpolatedNestedMapping (request_body_json): every string, templated or not, goes through
// the literal rule; None values are removed from objects, kept in arrays.
Result<nlohmann::json> evaluateNestedMapping(const nlohmann::json& mapping, const Context& context,
                                             const RenderOptions& options = {});

}  // namespace manifold::interpolation
