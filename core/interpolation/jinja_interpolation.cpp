// JinjaInterpolation.eval and _eval, step for step.
#include "core/interpolation/jinja_interpolation.h"

#include "core/interpolation/template.h"

namespace manifold::interpolation {
namespace {

constexpr std::string_view kStreamStateMessage =
    "`stream_state` is no longer supported for interpolation. We recommend using `stream_interval` instead. "
    "Please reference the CDK Migration Guide for more information.";

// _eval: undeclared variables are an error; a TypeError returns the unrendered text.
std::string renderOnce(std::string_view text, const Context& context, const RenderOptions& options) {
  auto compiled = TemplateCache::shared().get(text);
  if (!compiled) throw EvalException(compiled.error().kind, compiled.error().message, compiled.error().offset);
  const Template& tmpl = *compiled.value();
  if (const std::string* missing = tmpl.missingName(context)) {
    throw EvalException(ErrorKind::Undeclared, "Jinja macro has undeclared variables: {'" + *missing + "'}", 0);
  }
  try {
    return tmpl.renderOrThrow(context, options);
  } catch (const EvalException& e) {
    if (e.error().kind == ErrorKind::Type) return std::string(text);
    throw;
  }
}

}  // namespace

Result<Value> evaluateValue(std::string_view templateText, const Context& context, const EvalOptions& options) {
  if (templateText.find("stream_state") != std::string_view::npos) {
    return Error{ErrorKind::Unsupported, std::string(kStreamStateMessage), templateText.find("stream_state")};
  }
  try {
    try {
      std::string rendered = renderOnce(templateText, context, options.render);
      if (!rendered.empty()) return applyLiteralRule(rendered, options.validTypes);
    } catch (const EvalException& e) {
      if (e.error().kind != ErrorKind::Undefined) throw;
    }
    if (!options.defaultTemplate) return Value(nullptr);
    std::string rendered = renderOnce(*options.defaultTemplate, context, options.render);
    return applyLiteralRule(rendered, options.validTypes);
  } catch (const EvalException& e) {
    return e.error();
  } catch (const std::exception& e) {
    return Error{ErrorKind::Value, e.what(), 0};
  }
}

Result<nlohmann::json> evaluate(std::string_view templateText, const Context& context, const EvalOptions& options) {
  auto value = evaluateValue(templateText, context, options);
  if (!value) return value.error();
  return value.value().toJson();
}

}  // namespace manifold::interpolation
