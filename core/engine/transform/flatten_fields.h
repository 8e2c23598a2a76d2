// FlattenFields: the record becomes one level of leaves keyed by name, or by dotted path where
// the reference's rules prefix it (REFERENCE-NOTES 10.5).
#pragma once

#include "core/engine/transform/transformation.h"

namespace manifold::engine {

class FlattenFields final : public RecordTransformation {
 public:
  explicit FlattenFields(bool flattenLists) : flattenLists_(flattenLists) {}

  void transform(nlohmann::json& record, const nlohmann::json& slice) const override;

 private:
  bool flattenLists_;
};

}  // namespace manifold::engine
