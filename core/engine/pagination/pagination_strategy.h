// PaginationStrategy: the next page token from what the last page returned.
#pragma once

#include "core/http/http_request.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace manifold::engine {

// What the last page returned, as the strategies see it.
struct PageOutcome {
  const http::HttpResponse& httpResponse;
  const nlohmann::json& response;    // the first decoded body, {} when there was none (4.6)
  std::size_t rawRecordCount = 0;    // extracted, before the filter (PageIncrement, OffsetIncrement)
  std::size_t lastPageSize = 0;      // after filter and transformations (CursorPagination)
  const nlohmann::json& lastRecord;  // null without records
};

class PaginationStrategy {
 public:
  virtual ~PaginationStrategy() = default;
  // The token of the first request, when the strategy injects one (inject_on_first_request).
  virtual std::optional<nlohmann::json> initialToken() const = 0;
  // nullopt (or a falsy token) ends pagination; `previous` is the token of the last request.
  virtual std::optional<nlohmann::json> nextToken(const PageOutcome& page,
                                                  const std::optional<nlohmann::json>& previous) const = 0;
  // The value page_size_option injects, if the strategy has a page size.
  virtual std::optional<nlohmann::json> pageSize() const = 0;
};

}  // namespace manifold::engine
