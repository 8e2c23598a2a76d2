// HttpResponseFilter: http_codes, error_message_contains and predicate are OR-ed.
#include "core/engine/errors/http_response_filter.h"

#include "core/engine/errors/default_error_mapping.h"
#include "core/http/link_header.h"

namespace manifold::engine {

std::optional<ErrorResolution> HttpResponseFilter::matches(const http::HttpResponse& response) const {
  if (!spec_.action) return std::nullopt;
  bool matched = spec_.httpCodes.count(response.status) > 0;
  if (!matched && spec_.errorMessageContains) {
    auto text = parseErrorMessage(response.body);
    matched = text && text->find(*spec_.errorMessageContains) != std::string::npos;
  }
  nlohmann::json body;
  nlohmann::json headers;
  bool contextReady = false;
  auto prepare = [&] {
    if (contextReady) return;
    body = nlohmann::json::parse(response.body, nullptr, false);
    if (body.is_discarded()) body = nlohmann::json::object();
    headers = http::headersForInterpolation(response.headers);
    contextReady = true;
  };
  if (!matched && spec_.predicate) {
    prepare();
    // The reference passes no config to predicates (REFERENCE-NOTES 2.17).
    static const nlohmann::json kNull;
    interpolation::Context context;
    context.borrow("config", kNull).borrow("parameters", parameters_).borrow("response", body).borrow("headers", headers);
    matched = evalConditionOrThrow(*spec_.predicate, context, "the response filter's predicate");
  }
  if (!matched) return std::nullopt;

  ErrorResolution resolution;
  resolution.action = *spec_.action;
  const auto mapped = defaultResolutionForStatus(response.status);
  if (spec_.errorMessage) {
    prepare();
    interpolation::Context context;
    context.borrow("config", *config_).borrow("parameters", parameters_).borrow("response", body).borrow("headers", headers);
    resolution.message = evalTextOrThrow(*spec_.errorMessage, context, "the response filter's error_message");
  } else if (auto message = defaultMessageForStatus(response.status)) {
    resolution.message = *message;
  }
  if (resolution.action == ResponseAction::Fail && spec_.failureType) {
    resolution.failureType = spec_.failureType;
  } else if (response.status >= 400) {
    resolution.failureType = mapped.failureType;
  } else {
    resolution.failureType = protocol::FailureType::SystemError;
  }
  return resolution;
}

}  // namespace manifold::engine
