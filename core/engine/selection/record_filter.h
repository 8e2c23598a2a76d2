// RecordFilter: keeps the records whose condition is true (InterpolatedBoolean rules).
#pragma once

#include "core/engine/template_eval.h"

namespace manifold::engine {

class RecordFilter {
 public:
  RecordFilter(interpolation::InterpolatedBoolean condition, SharedConfig config, nlohmann::json parameters)
      : condition_(std::move(condition)), config_(std::move(config)), parameters_(std::move(parameters)) {}

  // Context: record, stream_slice (and its aliases), next_page_token, config, parameters.
  bool keep(const nlohmann::json& record, const nlohmann::json& slice, const nlohmann::json& nextPageToken) const;

 private:
  interpolation::InterpolatedBoolean condition_;
  SharedConfig config_;
  nlohmann::json parameters_;
};

}  // namespace manifold::engine
