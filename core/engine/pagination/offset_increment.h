// OffsetIncrement: the offset grows by the records of each page; a short page is the last one.
#pragma once

#include "core/engine/pagination/pagination_strategy.h"
#include "core/engine/template_eval.h"

namespace manifold::engine {

class OffsetIncrement final : public PaginationStrategy {
 public:
  // `pageSize` may be a template reading `response`, so it is evaluated per page.
  OffsetIncrement(std::optional<interpolation::InterpolatedString> pageSize, bool injectOnFirstRequest, SharedConfig config,
                  nlohmann::json parameters)
      : pageSize_(std::move(pageSize)),
        injectOnFirstRequest_(injectOnFirstRequest),
        config_(std::move(config)),
        parameters_(std::move(parameters)) {}

  std::optional<nlohmann::json> initialToken() const override;
  std::optional<nlohmann::json> nextToken(const PageOutcome& page,
                                          const std::optional<nlohmann::json>& previous) const override;
  std::optional<nlohmann::json> pageSize() const override;

 private:
  std::optional<std::int64_t> evalPageSize(const nlohmann::json& response) const;

  std::optional<interpolation::InterpolatedString> pageSize_;
  bool injectOnFirstRequest_;
  SharedConfig config_;
  nlohmann::json parameters_;
};

}  // namespace manifold::engine
