// HttpResponseFilter: matches a response by status, error text or predicate and names the action.
#pragma once

#include "core/engine/errors/error_resolution.h"
#include "core/engine/template_eval.h"
#include "core/http/http_request.h"

#include <optional>
#include <set>
#include <string>

namespace manifold::engine {

class HttpResponseFilter {
 public:
  struct Spec {
    std::optional<ResponseAction> action;  // a filter without action never matches
    std::set<long> httpCodes;
    std::optional<std::string> errorMessageContains;
    std::optional<interpolation::InterpolatedBoolean> predicate;
    std::optional<interpolation::InterpolatedString> errorMessage;
    std::optional<protocol::FailureType> failureType;
  };

  HttpResponseFilter(Spec spec, SharedConfig config, nlohmann::json parameters)
      : spec_(std::move(spec)), config_(std::move(config)), parameters_(std::move(parameters)) {}

  // The resolution when this filter matches (REFERENCE-NOTES 6.2–6.3), else nullopt.
  std::optional<ErrorResolution> matches(const http::HttpResponse& response) const;

 private:
  Spec spec_;
  SharedConfig config_;
  nlohmann::json parameters_;
};

}  // namespace manifold::engine
