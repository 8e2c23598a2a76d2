// BasicHttpAuthenticator: "Authorization: Basic base64(username:password)".
#pragma once

#include "core/engine/auth/authenticator.h"
#include "core/engine/template_eval.h"

namespace manifold::engine {

class BasicHttpAuthenticator final : public Authenticator {
 public:
  BasicHttpAuthenticator(interpolation::InterpolatedString username, interpolation::InterpolatedString password,
                         SharedConfig config, nlohmann::json parameters)
      : username_(std::move(username)),
        password_(std::move(password)),
        config_(std::move(config)),
        parameters_(std::move(parameters)) {}

  RequestOptions requestOptions(ReadContext& read) const override;

 private:
  interpolation::InterpolatedString username_;
  interpolation::InterpolatedString password_;  // "" when the manifest has none
  SharedConfig config_;
  nlohmann::json parameters_;
};

}  // namespace manifold::engine
