// InterpolatedString: the pipeline with the template as its own default.
#include "core/interpolation/interpolated_string.h"

namespace manifold::interpolation {

InterpolatedString::InterpolatedString(std::string text, std::optional<std::string> defaultValue)
    : text_(std::move(text)), default_(defaultValue && !defaultValue->empty() ? *defaultValue : text_) {
  if (auto compiled = TemplateCache::shared().get(text_)) template_ = compiled.value();
  if (auto compiled = TemplateCache::shared().get(default_)) defaultTemplate_ = compiled.value();
}

Result<Value> InterpolatedString::evalValue(const Context& context, const RenderOptions& options) const {
  if (template_ && defaultTemplate_) return evaluateTemplate(*template_, defaultTemplate_.get(), context, 0, options);
  EvalOptions eval;
  eval.defaultTemplate = default_;
  eval.render = options;
  return evaluateValue(text_, context, eval);
}

Result<nlohmann::json> InterpolatedString::eval(const Context& context, const RenderOptions& options) const {
  auto value = evalValue(context, options);
  if (!value) return value.error();
  return value.value().toJson();
}

}  // namespace manifold::interpolation
