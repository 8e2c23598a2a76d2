// ListPartitionRouter: one partition per value, {cursor_field: value}, the value injected through
// request_option when it is truthy (REFERENCE-NOTES 8.1).
#pragma once

#include "core/engine/partition/partition_router.h"
#include "core/engine/request_option.h"

#include <optional>
#include <string>
#include <vector>

namespace manifold::engine {

class ListPartitionRouter final : public PartitionRouter {
 public:
  // `values` are already evaluated (a template string is rendered once with the config).
  ListPartitionRouter(std::vector<nlohmann::json> values, std::string cursorField, std::optional<RequestOption> option);

  bool forEachPartition(ReadContext& read, nlohmann::json& parentState, const PartitionCallback& onPartition) const override;
  RequestOptions requestOptions(const StreamSlice& slice) const override;

  // The reference iterates whatever a string `values` renders to: a list gives its items, a
  // string its characters, a mapping its keys. Anything else cannot be iterated: nullopt.
  static std::optional<std::vector<nlohmann::json>> iterate(const nlohmann::json& rendered);

 private:
  std::vector<StreamSlice> partitions_;
  std::string cursorField_;
  std::optional<RequestOption> option_;
};

}  // namespace manifold::engine
