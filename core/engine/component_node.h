// ComponentNode: one component of the resolved manifest and its JSON pointer, so every build
// error can say where the user wrote the offending field.
#pragma once

#include "core/interpolation/interpolated_string.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace manifold::engine {

using ManifestJson = nlohmann::ordered_json;

// The manifest keeps key order (ordered_json); runtime values are plain nlohmann::json, which is
// what the interpolation context borrows.
nlohmann::json toPlainJson(const ManifestJson& node);

class ComponentNode {
 public:
  ComponentNode(const ManifestJson& json, std::string pointer) : json_(&json), pointer_(std::move(pointer)) {}

  const ManifestJson& json() const { return *json_; }
  const std::string& pointer() const { return pointer_; }
  // The component's `type`, or "" when it has none.
  std::string type() const;

  // Present and not null.
  bool has(std::string_view key) const;
  ComponentNode child(std::string_view key) const;  // throws BuildException when absent
  ComponentNode at(std::size_t index) const;
  std::size_t size() const { return json_->is_array() ? json_->size() : 0; }

  // Typed fields; a value of another type is a BuildException naming the field.
  std::string string(std::string_view key, std::string_view fallback = {}) const;
  std::optional<std::string> optionalString(std::string_view key) const;
  bool boolean(std::string_view key, bool fallback) const;
  nlohmann::json plain(std::string_view key) const;  // null when absent
  // Merged `$parameters` the resolver stored on the component (an empty object without any).
  nlohmann::json parameters() const;
  // A field that must hold a template string (or a scalar, printed): compiled now, so a syntax
  // error is a build error rather than a read failure.
  interpolation::InterpolatedString interpolated(std::string_view key, std::string_view fallback = {}) const;

  [[noreturn]] void fail(const std::string& message) const;
  [[noreturn]] void failAt(std::string_view key, const std::string& message) const;

 private:
  const ManifestJson* json_;
  std::string pointer_;
};

// Escapes a key for a JSON pointer (RFC 6901).
std::string pointerToken(std::string_view key);

// Compiles a template and throws BuildException with the pointer on a syntax error.
void checkTemplateSyntax(const std::string& text, const std::string& pointer);

}  // namespace manifold::engine
