// RequestOption and RequestPath: where a component injects a value (page token, page size, API
// key) into a request.
#pragma once

#include "core/engine/component_node.h"
#include "core/engine/request_options.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace manifold::engine {

class RequestOption {
 public:
  enum class Target { Parameter, Header, BodyData, BodyJson, Path };

  // A RequestOption or RequestPath component; field_name is rendered now with config and
  // parameters, as the reference renders it with the same config on every request.
  static RequestOption build(const ComponentNode& node, const nlohmann::json& config);

  Target target() const { return target_; }
  bool isPath() const { return target_ == Target::Path; }
  // The key it writes (the last segment of field_path for nested JSON bodies).
  std::string fieldKey() const;
  // Writes `value` at the option's place (nested per field_path for body_json).
  void inject(RequestOptions& into, const nlohmann::json& value) const;
  // True when `other` writes the same field, which DefaultPaginator refuses.
  bool sameField(const RequestOption& other) const;

 private:
  Target target_ = Target::Parameter;
  std::vector<std::string> fieldPath_;  // one element unless body_json with field_path
};

}  // namespace manifold::engine
