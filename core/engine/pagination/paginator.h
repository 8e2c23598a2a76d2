// Paginator: the tokens of a stream's pages and the request options that carry them.
#pragma once

#include "core/engine/pagination/pagination_strategy.h"
#include "core/engine/request_options.h"

#include <optional>
#include <string>

namespace manifold::engine {

class Paginator {
 public:
  virtual ~Paginator() = default;
  virtual std::optional<nlohmann::json> initialToken() const = 0;
  // The next token, or nullopt when the last page was the last (a falsy token also ends it).
  virtual std::optional<nlohmann::json> nextToken(const PageOutcome& page,
                                                  const std::optional<nlohmann::json>& previous) const = 0;
  // Parameters/headers/body the token and the page size add to a request.
  virtual RequestOptions requestOptions(const std::optional<nlohmann::json>& token) const = 0;
  // With a RequestPath page_token_option: the token replaces the requester's path.
  virtual std::optional<std::string> pathOverride(const std::optional<nlohmann::json>& token) const = 0;
};

// True for the tokens the reference treats as "no next page": None, "", 0, False, {} and [].
bool isFalsyToken(const nlohmann::json& token);

}  // namespace manifold::engine
