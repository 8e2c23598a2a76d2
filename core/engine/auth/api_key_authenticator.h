// ApiKeyAuthenticator: the rendered api_token injected as is (header, parameter or body).
#pragma once

#include "core/engine/auth/authenticator.h"
#include "core/engine/request_option.h"
#include "core/engine/template_eval.h"

namespace manifold::engine {

class ApiKeyAuthenticator final : public Authenticator {
 public:
  ApiKeyAuthenticator(interpolation::InterpolatedString apiToken, RequestOption injectInto, SharedConfig config,
                      nlohmann::json parameters)
      : apiToken_(std::move(apiToken)),
        injectInto_(std::move(injectInto)),
        config_(std::move(config)),
        parameters_(std::move(parameters)) {}

  RequestOptions requestOptions(ReadContext& read) const override;

 private:
  interpolation::InterpolatedString apiToken_;
  RequestOption injectInto_;
  SharedConfig config_;
  nlohmann::json parameters_;
};

}  // namespace manifold::engine
