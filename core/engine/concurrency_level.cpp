// ConcurrencyLevel: the rules of the reference's ConcurrencyLevel.get_concurrency_level, plus a
// floor of 1 (the reference's thread pool refuses zero workers).
#include "core/engine/concurrency_level.h"

#include "core/engine/engine_error.h"
#include "core/engine/template_eval.h"

#include <algorithm>

namespace manifold::engine {

std::size_t buildConcurrencyLevel(const ComponentNode& node, const nlohmann::json& config) {
  if (!node.json().is_object()) node.fail("concurrency_level must be a ConcurrencyLevel component");
  if (const auto type = node.type(); !type.empty() && type != "ConcurrencyLevel") {
    node.failAt("type", "must be ConcurrencyLevel, not '" + type + "'");
  }
  std::optional<long long> max;
  if (node.has("max_concurrency")) {
    const auto& value = node.json().at("max_concurrency");
    if (!value.is_number_integer()) node.failAt("max_concurrency", "must be an integer");
    max = value.get<long long>();
    if (*max < 1) node.failAt("max_concurrency", "must be at least 1");
  }
  const auto& raw = node.child("default_concurrency").json();
  long long level = 0;
  if (raw.is_number_integer()) {
    level = raw.get<long long>();
  } else if (raw.is_string()) {
    const std::string text = raw.get<std::string>();
    if (text.find("config") != std::string::npos && !max) {
      node.failAt("default_concurrency", "reads the config, so max_concurrency must be set to bound it");
    }
    const auto templ = node.interpolated("default_concurrency");
    interpolation::Context context;
    context.borrow("config", config);
    const auto parameters = node.parameters();
    context.borrow("parameters", parameters);
    nlohmann::json value;
    try {
      value = evalOrThrow(templ, context, "default_concurrency");
    } catch (const ReadError& e) {
      node.failAt("default_concurrency", e.what());
    }
    if (!value.is_number_integer()) {
      node.failAt("default_concurrency", "did not evaluate to an integer (it gave " + value.dump() + ")");
    }
    level = value.get<long long>();
    if (max) level = std::min(level, *max);
  } else {
    node.failAt("default_concurrency", "must be an integer or a template giving one");
  }
  if (level < 1) node.failAt("default_concurrency", "must be at least 1 (it gave " + std::to_string(level) + ")");
  return static_cast<std::size_t>(level);
}

}  // namespace manifold::engine
