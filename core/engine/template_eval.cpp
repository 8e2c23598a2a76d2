// Template evaluation with field-naming errors.
#include "core/engine/template_eval.h"

#include "core/engine/engine_error.h"
#include "core/interpolation/python_format.h"

namespace manifold::engine {

nlohmann::json evalOrThrow(const interpolation::InterpolatedString& text, const interpolation::Context& context,
                           std::string_view what) {
  auto value = text.eval(context);
  if (!value) {
    throw ReadError("could not evaluate " + std::string(what) + " '" + text.text() + "': " + value.error().message,
                    protocol::FailureType::ConfigError);
  }
  return std::move(value).value();
}

std::string evalTextOrThrow(const interpolation::InterpolatedString& text, const interpolation::Context& context,
                            std::string_view what) {
  auto value = text.evalValue(context);
  if (!value) {
    throw ReadError("could not evaluate " + std::string(what) + " '" + text.text() + "': " + value.error().message,
                    protocol::FailureType::ConfigError);
  }
  if (value.value().isString()) return std::string(value.value().asString());
  return interpolation::toPythonStr(value.value());
}

bool evalConditionOrThrow(const interpolation::InterpolatedBoolean& condition, const interpolation::Context& context,
                          std::string_view what) {
  auto value = condition.eval(context);
  if (!value) {
    throw ReadError("could not evaluate " + std::string(what) + ": " + value.error().message,
                    protocol::FailureType::ConfigError);
  }
  return value.value();
}

std::string pythonStr(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  return interpolation::toPythonStr(interpolation::Value::borrow(value));
}

}  // namespace manifold::engine
