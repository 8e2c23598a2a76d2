// PageIncrement: page numbers from start_from_page; a short or empty page is the last one.
#pragma once

#include "core/engine/pagination/pagination_strategy.h"

namespace manifold::engine {

class PageIncrement final : public PaginationStrategy {
 public:
  PageIncrement(std::optional<std::int64_t> pageSize, std::int64_t startFromPage, bool injectOnFirstRequest)
      : pageSize_(pageSize), startFromPage_(startFromPage), injectOnFirstRequest_(injectOnFirstRequest) {}

  std::optional<nlohmann::json> initialToken() const override;
  std::optional<nlohmann::json> nextToken(const PageOutcome& page,
                                          const std::optional<nlohmann::json>& previous) const override;
  std::optional<nlohmann::json> pageSize() const override;

 private:
  std::optional<std::int64_t> pageSize_;
  std::int64_t startFromPage_;
  bool injectOnFirstRequest_;
};

}  // namespace manifold::engine
