// PageIncrement: counts the raw extracted records, not the filtered ones (REFERENCE-NOTES 4.3).
#include "core/engine/pagination/page_increment.h"

namespace manifold::engine {

std::optional<nlohmann::json> PageIncrement::initialToken() const {
  if (injectOnFirstRequest_) return nlohmann::json(startFromPage_);
  return std::nullopt;
}

std::optional<nlohmann::json> PageIncrement::nextToken(const PageOutcome& page,
                                                       const std::optional<nlohmann::json>& previous) const {
  if (page.rawRecordCount == 0) return std::nullopt;
  if (pageSize_ && static_cast<std::int64_t>(page.rawRecordCount) < *pageSize_) return std::nullopt;
  if (previous && previous->is_number_integer()) return nlohmann::json(previous->get<std::int64_t>() + 1);
  return nlohmann::json(startFromPage_ + 1);
}

std::optional<nlohmann::json> PageIncrement::pageSize() const {
  if (pageSize_) return nlohmann::json(*pageSize_);
  return std::nullopt;
}

}  // namespace manifold::engine
