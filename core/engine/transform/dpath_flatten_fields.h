// DpathFlattenFields: merges the object at field_path into the record's top level when none of
// its keys is already there, or replaces the record with it (REFERENCE-NOTES 10.6).
#pragma once

#include "core/engine/transform/transformation.h"

#include <string>
#include <vector>

namespace manifold::engine {

class DpathFlattenFields final : public RecordTransformation {
 public:
  struct Options {
    std::vector<std::string> fieldPath;  // rendered with config; "*" matches every key or index
    bool deleteOriginValue = false;
    bool replaceRecord = false;
    std::string keyPrefix;  // KeyTransformation, rendered with config
    std::string keySuffix;
  };

  explicit DpathFlattenFields(Options options);

  void transform(nlohmann::json& record, const nlohmann::json& slice) const override;

 private:
  Options options_;
  bool hasWildcard_ = false;
};

}  // namespace manifold::engine
