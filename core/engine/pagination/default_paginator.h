// DefaultPaginator: a pagination strategy plus where its token and page size go.
#pragma once

#include "core/engine/pagination/paginator.h"
#include "core/engine/request_option.h"

#include <memory>

namespace manifold::engine {

class DefaultPaginator final : public Paginator {
 public:
  DefaultPaginator(std::unique_ptr<PaginationStrategy> strategy, std::optional<RequestOption> pageTokenOption,
                   std::optional<RequestOption> pageSizeOption)
      : strategy_(std::move(strategy)),
        pageTokenOption_(std::move(pageTokenOption)),
        pageSizeOption_(std::move(pageSizeOption)) {}

  std::optional<nlohmann::json> initialToken() const override { return strategy_->initialToken(); }
  std::optional<nlohmann::json> nextToken(const PageOutcome& page,
                                          const std::optional<nlohmann::json>& previous) const override;
  // page_size_option on every request (the first too); page_token_option only with a token.
  RequestOptions requestOptions(const std::optional<nlohmann::json>& token) const override;
  std::optional<std::string> pathOverride(const std::optional<nlohmann::json>& token) const override;

 private:
  std::unique_ptr<PaginationStrategy> strategy_;
  std::optional<RequestOption> pageTokenOption_;
  std::optional<RequestOption> pageSizeOption_;
};

}  // namespace manifold::engine
