// AddFields: sets each field's rendered value in order (later values see earlier ones).
#pragma once

#include "core/engine/template_eval.h"
#include "core/engine/transform/transformation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace manifold::engine {

struct AddedField {
  std::vector<std::string> path;
  std::optional<std::string> valueTemplate;  // a string value, evaluated per record
  nlohmann::json constant;                   // a non-string value, used as is
  std::uint32_t validTypes = 0;              // from value_type (REFERENCE-NOTES 10.2)
};

class AddFields final : public RecordTransformation {
 public:
  AddFields(std::vector<AddedField> fields, std::optional<interpolation::InterpolatedBoolean> condition,
            SharedConfig config, nlohmann::json parameters)
      : fields_(std::move(fields)),
        condition_(std::move(condition)),
        config_(std::move(config)),
        parameters_(std::move(parameters)) {}

  void transform(nlohmann::json& record, const nlohmann::json& slice) const override;

 private:
  std::vector<AddedField> fields_;
  std::optional<interpolation::InterpolatedBoolean> condition_;
  SharedConfig config_;
  nlohmann::json parameters_;
};

}  // namespace manifold::engine
