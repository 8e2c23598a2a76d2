// DefaultPaginator: a falsy token ends pagination (REFERENCE-NOTES 4.2).
#include "core/engine/pagination/default_paginator.h"

#include "core/engine/template_eval.h"

namespace manifold::engine {

bool isFalsyToken(const nlohmann::json& token) {
  switch (token.type()) {
    case nlohmann::json::value_t::null: return true;
    case nlohmann::json::value_t::boolean: return !token.get<bool>();
    case nlohmann::json::value_t::number_integer: return token.get<std::int64_t>() == 0;
    case nlohmann::json::value_t::number_unsigned: return token.get<std::uint64_t>() == 0;
    case nlohmann::json::value_t::number_float: return token.get<double>() == 0.0;
    case nlohmann::json::value_t::string: return token.get_ref<const std::string&>().empty();
    default: return token.empty();
  }
}

std::optional<nlohmann::json> DefaultPaginator::nextToken(const PageOutcome& page,
                                                          const std::optional<nlohmann::json>& previous) const {
  auto token = strategy_->nextToken(page, previous);
  if (!token || isFalsyToken(*token)) return std::nullopt;
  return token;
}

RequestOptions DefaultPaginator::requestOptions(const std::optional<nlohmann::json>& token) const {
  RequestOptions options;
  if (token && pageTokenOption_ && !pageTokenOption_->isPath()) pageTokenOption_->inject(options, *token);
  if (pageSizeOption_) {
    if (auto size = strategy_->pageSize()) pageSizeOption_->inject(options, *size);
  }
  return options;
}

std::optional<std::string> DefaultPaginator::pathOverride(const std::optional<nlohmann::json>& token) const {
  if (!token || !pageTokenOption_ || !pageTokenOption_->isPath()) return std::nullopt;
  return pythonStr(*token);
}

}  // namespace manifold::engine
