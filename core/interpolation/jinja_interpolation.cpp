// JinjaInterpolation.eval and _eval, step for step.
#include "core/interpolation/jinja_interpolation.h"

#include "core/interpolation/template.h"

namespace manifold::interpolation {
namespace {

constexpr std::string_view kStreamStateMessage =
    "`stream_state` is no longer supported for interpolation. We recommend using `stream_interval` instead. "
    "Please reference the CDK Migration Guide for more information.";

// _eval: undeclared variables are an error; a TypeError returns the unrendered text.
std::string renderCompiled(const Template& tmpl, const Context& context, const RenderOptions& options) {
  if (const std::string* missing = tmpl.missingName(context)) {
    throw EvalException(ErrorKind::Undeclared, "Jinja macro has undeclared variables: {'" + *missing + "'}", 0);
  }
  try {
    return tmpl.renderOrThrow(context, options);
  } catch (const EvalException& e) {
    if (e.error().kind == ErrorKind::Type) return tmpl.source();
    throw;
  }
}

std::string renderOnce(std::string_view text, const Context& context, const RenderOptions& options) {
  auto compiled = TemplateCache::shared().get(text);
  if (!compiled) throw EvalException(compiled.error().kind, compiled.error().message, compiled.error().offset);
  return renderCompiled(*compiled.value(), context, options);
}

std::optional<Error> unsupportedVariable(std::string_view text) {
  const auto at = text.find("stream_state");
  if (at == std::string_view::npos) return std::nullopt;
  return Error{ErrorKind::Unsupported, std::string(kStreamStateMessage), at};
}

}  // namespace

Result<Value> evaluateValue(std::string_view templateText, const Context& context, const EvalOptions& options) {
  if (auto error = unsupportedVariable(templateText)) return *error;
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

Result<Value> evaluateTemplate(const Template& tmpl, const Template* defaultTemplate, const Context& context,
                               std::uint32_t validTypes, const RenderOptions& options) {
  if (auto error = unsupportedVariable(tmpl.source())) return *error;
  try {
    try {
      std::string rendered = renderCompiled(tmpl, context, options);
      if (!rendered.empty()) return applyLiteralRule(rendered, validTypes);
    } catch (const EvalException& e) {
      if (e.error().kind != ErrorKind::Undefined) throw;
    }
    if (!defaultTemplate) return Value(nullptr);
    return applyLiteralRule(renderCompiled(*defaultTemplate, context, options), validTypes);
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
