// RecordTransformation: changes a record in place, after extraction and filtering.
#pragma once

#include <nlohmann/json.hpp>

namespace manifold::engine {

class RecordTransformation {
 public:
  virtual ~RecordTransformation() = default;
  virtual void transform(nlohmann::json& record, const nlohmann::json& slice) const = 0;
};

}  // namespace manifold::engine
