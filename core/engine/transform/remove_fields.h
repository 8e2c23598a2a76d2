// RemoveFields: deletes every value matched by each field pointer (dpath globs * and **).
#pragma once

#include "core/engine/template_eval.h"
#include "core/engine/transform/transformation.h"

#include <optional>
#include <string>
#include <vector>

namespace manifold::engine {

class RemoveFields final : public RecordTransformation {
 public:
  RemoveFields(std::vector<std::vector<std::string>> pointers, std::optional<interpolation::InterpolatedBoolean> condition,
               SharedConfig config, nlohmann::json parameters)
      : pointers_(std::move(pointers)),
        condition_(std::move(condition)),
        config_(std::move(config)),
        parameters_(std::move(parameters)) {}

  void transform(nlohmann::json& record, const nlohmann::json& slice) const override;

 private:
  void remove(nlohmann::json& node, const std::vector<std::string>& pointer, std::size_t depth) const;
  bool shouldRemove(const nlohmann::json& value) const;

  std::vector<std::vector<std::string>> pointers_;
  std::optional<interpolation::InterpolatedBoolean> condition_;  // sees only `property`
  SharedConfig config_;
  nlohmann::json parameters_;
};

}  // namespace manifold::engine
