// LegacySessionTokenAuthenticator: a session token from the config, checked at
// validate_session_url, or a new one from login_url with username and password; sent in `header`.
#pragma once

#include "core/engine/auth/authenticator.h"
#include "core/engine/template_eval.h"

#include <string>

namespace manifold::engine {

class LegacySessionTokenAuthenticator final : public Authenticator {
 public:
  struct Spec {
    interpolation::InterpolatedString apiUrl{""};  // the requester's url_base
    interpolation::InterpolatedString header{""};
    interpolation::InterpolatedString sessionToken{""};
    interpolation::InterpolatedString sessionTokenResponseKey{""};
    interpolation::InterpolatedString username{""};
    interpolation::InterpolatedString password{""};
    interpolation::InterpolatedString loginUrl{""};
    interpolation::InterpolatedString validateSessionUrl{""};
  };

  LegacySessionTokenAuthenticator(Spec spec, SharedConfig config, nlohmann::json parameters)
      : spec_(std::move(spec)), config_(std::move(config)), parameters_(std::move(parameters)) {}

  // Like the reference, the token is worked out for every request: the configured token is
  // validated each time, or a login is made each time (nothing is cached).
  RequestOptions requestOptions(ReadContext& read) const override;

 private:
  std::string token(ReadContext& read, const interpolation::Context& context, const std::string& header) const;
  bool sessionTokenIsValid(ReadContext& read, const std::string& apiUrl, const std::string& header,
                           const std::string& token, const std::string& validateUrl) const;

  Spec spec_;
  SharedConfig config_;
  nlohmann::json parameters_;
};

}  // namespace manifold::engine
