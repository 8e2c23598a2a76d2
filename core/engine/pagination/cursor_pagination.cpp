// CursorPagination: stop_condition first, then cursor_value (literal rule applies; null stops).
#include "core/engine/pagination/cursor_pagination.h"

#include "core/http/link_header.h"

namespace manifold::engine {

std::optional<nlohmann::json> CursorPagination::nextToken(const PageOutcome& page,
                                                          const std::optional<nlohmann::json>& previous) const {
  const nlohmann::json headers = http::headersForInterpolation(page.httpResponse.headers);
  const nlohmann::json lastPageSize = page.lastPageSize;
  const nlohmann::json lastToken = previous ? *previous : nlohmann::json();
  interpolation::Context context;
  context.borrow("config", *config_)
      .borrow("parameters", parameters_)
      .borrow("response", page.response)
      .borrow("headers", headers)
      .borrow("last_record", page.lastRecord)
      .borrow("last_page_size", lastPageSize)
      .borrow("last_page_token_value", lastToken);
  if (stopCondition_ && evalConditionOrThrow(*stopCondition_, context, "the CursorPagination stop_condition")) {
    return std::nullopt;
  }
  auto token = evalOrThrow(cursorValue_, context, "the CursorPagination cursor_value");
  return token;
}

}  // namespace manifold::engine
