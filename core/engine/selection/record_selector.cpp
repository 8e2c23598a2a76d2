// RecordSelector: filtering compacts the page's records in place, no extra copies.
#include "core/engine/selection/record_selector.h"

namespace manifold::engine {

void RecordSelector::transform(nlohmann::json& record, const nlohmann::json& slice) const {
  for (const auto& transformation : transformations_) transformation->transform(record, slice);
}

std::size_t RecordSelector::select(const std::vector<nlohmann::json>& bodies, const nlohmann::json& slice,
                                   const nlohmann::json& nextPageToken, std::vector<nlohmann::json>& records,
                                   const std::function<bool(const nlohmann::json&)>* incrementalFilter,
                                   const std::function<void(const std::string&)>& warn) const {
  const std::size_t first = records.size();
  std::size_t raw = 0;
  for (const auto& body : bodies) raw += extractor_.extract(body, records);
  std::size_t kept = first;
  for (std::size_t i = first; i < records.size(); ++i) {
    nlohmann::json& record = records[i];
    if (transformBeforeFiltering_) transform(record, slice);
    if (incrementalFilter && !(*incrementalFilter)(record)) continue;
    if (filter_ && !filter_->keep(record, slice, nextPageToken)) continue;
    if (!transformBeforeFiltering_) transform(record, slice);
    if (normalizer_) normalizer_->transform(record, warn);
    if (kept != i) records[kept] = std::move(record);
    ++kept;
  }
  records.resize(kept);
  return raw;
}

}  // namespace manifold::engine
