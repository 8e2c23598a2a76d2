// SubstreamPartitionRouter: one partition per parent record, {partition_field: value at
// parent_key, "parent_slice": the parent's partition}, with extra_fields from the parent record
// (REFERENCE-NOTES 8.2–8.4). Parents are read once per read, page by page, as the child goes.
#pragma once

#include "core/engine/partition/partition_router.h"
#include "core/engine/request_option.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace manifold::engine {

class DeclarativeStream;

struct ParentStreamConfig {
  std::unique_ptr<DeclarativeStream> stream;
  std::vector<std::string> parentKey;  // parent_key split at "/" (a dpath path)
  std::string partitionField;
  std::optional<RequestOption> requestOption;
  bool incrementalDependency = false;
  std::vector<std::vector<std::string>> extraFields;
};

class SubstreamPartitionRouter final : public PartitionRouter {
 public:
  explicit SubstreamPartitionRouter(std::vector<ParentStreamConfig> parents);
  ~SubstreamPartitionRouter() override;

  // Reads each parent in turn with its own cursor (from parentState[parent name] when it has
  // incremental_dependency, which then follows the parent's state). Parent pages are reported as
  // auxiliary "Parent stream: …" exchanges; parent slices obey the read's slice limit.
  bool forEachPartition(ReadContext& read, nlohmann::json& parentState, const PartitionCallback& onPartition) const override;
  RequestOptions requestOptions(const StreamSlice& slice) const override;
  bool hasParentState() const override { return true; }

 private:
  std::vector<ParentStreamConfig> parents_;
};

}  // namespace manifold::engine
