// IncrementingCountCursor: one slice per read starting at max(state, start_value), injected
// through start_value_option; the state is the greatest cursor value seen (REFERENCE-NOTES 9.9).
#pragma once

#include "core/engine/cursor/incremental_sync.h"
#include "core/engine/request_option.h"

#include <optional>
#include <string>

namespace manifold::engine {

class IncrementingCountCursor final : public IncrementalSync {
 public:
  IncrementingCountCursor(std::string cursorField, nlohmann::json startValue, std::optional<RequestOption> startValueOption);

  std::unique_ptr<PartitionCursor> open(ReadContext& read, const nlohmann::json& state,
                                        std::chrono::seconds runtimeLookback) const override;
  RequestOptions requestOptions(const StreamSlice& slice) const override;
  std::optional<nlohmann::json> stateValueOf(const nlohmann::json& record) const override;
  // The reference refuses a partition router with this cursor.
  bool supportsPartitions() const override { return false; }

  // The slice key of the start value (the concurrent engine's default).
  static constexpr const char* kStartKey = "start";

 private:
  nlohmann::json startValue_;
  std::optional<RequestOption> startValueOption_;
};

}  // namespace manifold::engine
