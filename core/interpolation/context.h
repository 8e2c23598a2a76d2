// The variables a template sees: name → value, usually borrowed from the caller's JSON.
#pragma once

#include "core/interpolation/value.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace manifold::interpolation {

// A small flat map: manifests use a dozen names at most, so a linear scan beats hashing.
// Values set with Value::borrow() are not copied; the caller keeps that JSON alive while
// evaluating. `stream_interval` and `stream_partition` resolve to `stream_slice` when the
// context has one and does not set them itself (the reference engine's aliases).
class Context {
 public:
  Context() = default;

  Context& set(std::string name, Value value);
  // Borrows `node`: no copy is made.
  Context& borrow(std::string name, const nlohmann::json& node) { return set(std::move(name), Value::borrow(node)); }
  const Value* find(std::string_view name) const;
  bool contains(std::string_view name) const { return find(name) != nullptr; }
  const std::vector<std::pair<std::string, Value>>& variables() const { return variables_; }

  // Every top-level key of a JSON object becomes a variable (borrowed).
  static Context fromJsonObject(const nlohmann::json& object);

 private:
  std::vector<std::pair<std::string, Value>> variables_;
};

}  // namespace manifold::interpolation
