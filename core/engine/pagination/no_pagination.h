// NoPagination: one page.
#pragma once

#include "core/engine/pagination/paginator.h"

namespace manifold::engine {

class NoPagination final : public Paginator {
 public:
  std::optional<nlohmann::json> initialToken() const override { return std::nullopt; }
  std::optional<nlohmann::json> nextToken(const PageOutcome&, const std::optional<nlohmann::json>&) const override {
    return std::nullopt;
  }
  RequestOptions requestOptions(const std::optional<nlohmann::json>&) const override { return {}; }
  std::optional<std::string> pathOverride(const std::optional<nlohmann::json>&) const override { return std::nullopt; }
};

}  // namespace manifold::engine
