// SessionTokenAuthenticator: logs in with its own requester, takes the session token from the
// login response and sends it as a bearer token or an API key until it expires.
#pragma once

#include "core/engine/auth/authenticator.h"
#include "core/engine/decode/decoder.h"
#include "core/engine/http_requester.h"
#include "core/engine/request_option.h"
#include "core/engine/template_eval.h"
#include "core/interpolation/datetime.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace manifold::engine {

class SessionTokenAuthenticator final : public Authenticator {
 public:
  struct Spec {
    std::unique_ptr<HttpRequester> loginRequester;
    std::unique_ptr<Decoder> decoder;
    std::vector<std::string> sessionTokenPath;
    // Unset: the reference logs in again for every request (it never caches without a duration).
    std::optional<interpolation::Duration> expirationDuration;
    // request_authentication: Bearer, or ApiKey with where to inject and the value template
    // (default "{{ session_token }}").
    bool bearer = true;
    std::optional<RequestOption> injectInto;
    interpolation::InterpolatedString apiToken{"{{ session_token }}"};
  };

  SessionTokenAuthenticator(Spec spec, SharedConfig config, nlohmann::json parameters)
      : spec_(std::move(spec)), config_(std::move(config)), parameters_(std::move(parameters)) {}

  RequestOptions requestOptions(ReadContext& read) const override;

  // The reference's title for the login call in the builder's auxiliary requests.
  static constexpr const char* kLoginTitle = "Login request";

 private:
  std::string sessionToken(ReadContext& read) const;
  std::string login(ReadContext& read) const;

  Spec spec_;
  SharedConfig config_;
  nlohmann::json parameters_;

  // One login shared by every request of this authenticator until expiry_.
  mutable std::mutex mutex_;
  mutable std::optional<std::string> token_;
  mutable std::chrono::system_clock::time_point expiry_{};
};

}  // namespace manifold::engine
