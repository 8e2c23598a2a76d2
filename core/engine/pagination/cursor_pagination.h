// CursorPagination: the next token is whatever cursor_value renders from the last page.
#pragma once

#include "core/engine/pagination/pagination_strategy.h"
#include "core/engine/template_eval.h"

namespace manifold::engine {

class CursorPagination final : public PaginationStrategy {
 public:
  CursorPagination(interpolation::InterpolatedString cursorValue,
                   std::optional<interpolation::InterpolatedBoolean> stopCondition,
                   std::optional<nlohmann::json> pageSize, SharedConfig config, nlohmann::json parameters)
      : cursorValue_(std::move(cursorValue)),
        stopCondition_(std::move(stopCondition)),
        pageSize_(std::move(pageSize)),
        config_(std::move(config)),
        parameters_(std::move(parameters)) {}

  std::optional<nlohmann::json> initialToken() const override { return std::nullopt; }
  std::optional<nlohmann::json> nextToken(const PageOutcome& page,
                                          const std::optional<nlohmann::json>& previous) const override;
  std::optional<nlohmann::json> pageSize() const override { return pageSize_; }

 private:
  interpolation::InterpolatedString cursorValue_;
  std::optional<interpolation::InterpolatedBoolean> stopCondition_;
  std::optional<nlohmann::json> pageSize_;
  SharedConfig config_;
  nlohmann::json parameters_;
};

}  // namespace manifold::engine
