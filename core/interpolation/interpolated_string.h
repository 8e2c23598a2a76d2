// InterpolatedString: a manifest string field; its default is the template itself, so an
// empty render gives "".
#pragma once

#include "core/interpolation/jinja_interpolation.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace manifold::interpolation {

class InterpolatedString {
 public:
  // An empty `defaultValue` falls back to the template, as the reference's `default or string`.
  explicit InterpolatedString(std::string text, std::optional<std::string> defaultValue = std::nullopt);

  const std::string& text() const { return text_; }
  Result<nlohmann::json> eval(const Context& context, const RenderOptions& options = {}) const;
  Result<Value> evalValue(const Context& context, const RenderOptions& options = {}) const;

 private:
  std::string text_;
  std::string default_;
  // Compiled once; null when the source has a syntax error (reported by eval()).
  TemplatePtr template_;
  TemplatePtr defaultTemplate_;
};

}  // namespace manifold::interpolation
