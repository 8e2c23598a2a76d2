// KeysToLower: lower-cases the record's top-level keys (REFERENCE-NOTES 10.4).
#pragma once

#include "core/engine/transform/transformation.h"

namespace manifold::engine {

class KeysToLower final : public RecordTransformation {
 public:
  void transform(nlohmann::json& record, const nlohmann::json& slice) const override;
};

}  // namespace manifold::engine
