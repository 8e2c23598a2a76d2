// DefaultErrorHandler: filters can match 2xx responses too; transport errors skip the filters.
#include "core/engine/errors/default_error_handler.h"

#include "core/engine/errors/default_error_mapping.h"

namespace manifold::engine {

ErrorResolution DefaultErrorHandler::interpret(const http::HttpResponse* response, const http::HttpError* error) const {
  if (response == nullptr) {
    const bool transient = error != nullptr && http::isTransient(error->kind);
    return {transient ? ResponseAction::Retry : ResponseAction::Fail,
            transient ? protocol::FailureType::TransientError : protocol::FailureType::SystemError,
            error != nullptr ? error->message : std::string("the request failed")};
  }
  for (const auto& filter : filters_) {
    if (auto resolution = filter.matches(*response)) return *resolution;
  }
  return defaultResolutionForStatus(response->status);
}

std::optional<double> DefaultErrorHandler::backoffSeconds(const http::HttpResponse* response, int attempt) const {
  for (const auto& strategy : strategies_) {
    auto seconds = strategy->backoffSeconds(response, attempt);
    if (seconds && *seconds != 0) return seconds;
  }
  return std::nullopt;
}

}  // namespace manifold::engine
