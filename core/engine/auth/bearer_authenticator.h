// BearerAuthenticator: "Authorization: Bearer <api_token>".
#pragma once

#include "core/engine/auth/authenticator.h"
#include "core/engine/template_eval.h"

namespace manifold::engine {

class BearerAuthenticator final : public Authenticator {
 public:
  BearerAuthenticator(interpolation::InterpolatedString apiToken, SharedConfig config, nlohmann::json parameters)
      : apiToken_(std::move(apiToken)), config_(std::move(config)), parameters_(std::move(parameters)) {}

  RequestOptions requestOptions(ReadContext& read) const override;

 private:
  interpolation::InterpolatedString apiToken_;
  SharedConfig config_;
  nlohmann::json parameters_;
};

}  // namespace manifold::engine
