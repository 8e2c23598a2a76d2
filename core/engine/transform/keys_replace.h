// KeysReplace: replaces every occurrence of `old` by `new` in the keys of the record and of its
// nested objects (not inside lists); both are templates with record and stream_slice.
#pragma once

#include "core/engine/template_eval.h"
#include "core/engine/transform/transformation.h"

namespace manifold::engine {

class KeysReplace final : public RecordTransformation {
 public:
  KeysReplace(interpolation::InterpolatedString oldText, interpolation::InterpolatedString newText, SharedConfig config,
              nlohmann::json parameters)
      : old_(std::move(oldText)), new_(std::move(newText)), config_(std::move(config)), parameters_(std::move(parameters)) {}

  void transform(nlohmann::json& record, const nlohmann::json& slice) const override;

 private:
  interpolation::InterpolatedString old_;
  interpolation::InterpolatedString new_;
  SharedConfig config_;
  nlohmann::json parameters_;
};

// Python's str.replace(old, new): an empty `old` inserts `new` around every character.
std::string pythonReplace(const std::string& text, const std::string& oldText, const std::string& newText);

}  // namespace manifold::engine
