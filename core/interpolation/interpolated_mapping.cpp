// Request option mappings, as InterpolatedMapping/InterpolatedNestedMapping and the request
// options provider evaluate them.
#include "core/interpolation/interpolated_mapping.h"

#include "core/interpolation/python_format.h"

namespace manifold::interpolation {
namespace {

Result<Value> evalString(const std::string& text, const Context& context, std::uint32_t validTypes,
                         const RenderOptions& options) {
  EvalOptions eval;
  eval.validTypes = validTypes;
  eval.render = options;
  return evaluateValue(text, context, eval);
}

std::string keyText(const Value& key) { return key.isString() ? std::string(key.asString()) : toPythonStr(key); }

Result<nlohmann::json> nested(const nlohmann::json& node, const Context& context, const RenderOptions& options,
                              int depth) {
  if (depth > 100) return Error{ErrorKind::Limit, "request body is nested too deeply", 0};
  if (node.is_string()) {
    auto value = evalString(node.get<std::string>(), context, 0, options);
    if (!value) return value.error();
    return value.value().toJson();
  }
  if (node.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, child] : node.items()) {
      auto k = evalString(key, context, 0, options);
      if (!k) return k.error();
      auto v = nested(child, context, options, depth + 1);
      if (!v) return v.error();
      if (!v.value().is_null()) out[keyText(k.value())] = std::move(v).value();
    }
    return out;
  }
  if (node.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& child : node) {
      auto v = nested(child, context, options, depth + 1);
      if (!v) return v.error();
      out.push_back(std::move(v).value());
    }
    return out;
  }
  return node;
}

}  // namespace

Result<nlohmann::json> evaluateMapping(const nlohmann::json& mapping, const Context& context,
                                       std::uint32_t validKeyTypes, std::uint32_t validValueTypes,
                                       const RenderOptions& options) {
  if (!mapping.is_object()) return Error{ErrorKind::Value, "expected a mapping", 0};
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, value] : mapping.items()) {
    auto k = evalString(key, context, validKeyTypes, options);
    if (!k) return k.error();
    if (k.value().isNone()) continue;
    nlohmann::json v = value;
    if (value.is_string()) {
      auto evaluated = evalString(value.get<std::string>(), context, validValueTypes, options);
      if (!evaluated) return evaluated.error();
      v = evaluated.value().toJson();
    }
    if (v.is_null()) continue;
    out[keyText(k.value())] = std::move(v);
  }
  return out;
}

Result<nlohmann::json> evaluateRequestParameters(const nlohmann::json& mapping, const Context& context,
                                                 const RenderOptions& options) {
  return evaluateMapping(mapping, context, kPyStr, kPyStr | kPyList, options);
}

Result<nlohmann::json> evaluateRequestHeaders(const nlohmann::json& mapping, const Context& context,
                                              const RenderOptions& options) {
  auto evaluated = evaluateMapping(mapping, context, kPyStr, 0, options);
  if (!evaluated) return evaluated.error();
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, value] : evaluated.value().items()) {
    const std::string text = value.is_string() ? value.get<std::string>() : toPythonStr(Value::borrow(value));
    if (!text.empty()) out[key] = text;
  }
  return out;
}

Result<nlohmann::json> evaluateNestedMapping(const nlohmann::json& mapping, const Context& context,
                                             const RenderOptions& options) {
  return nested(mapping, context, options, 0);
}

}  // namespace manifold::interpolation
