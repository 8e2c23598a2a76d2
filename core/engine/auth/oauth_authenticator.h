// OAuthAuthenticator: refreshes an access token at token_refresh_endpoint (refresh-token or
// client-credentials grant), reuses it until it expires, and sends "Authorization: Bearer".
#pragma once

#include "core/engine/auth/authenticator.h"
#include "core/engine/template_eval.h"

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace manifold::engine {

class OAuthAuthenticator final : public Authenticator {
 public:
  struct Spec {
    interpolation::InterpolatedString tokenRefreshEndpoint{""};
    interpolation::InterpolatedString clientId{""};
    interpolation::InterpolatedString clientSecret{""};
    std::optional<interpolation::InterpolatedString> refreshToken;
    std::optional<interpolation::InterpolatedString> accessTokenValue;  // a token the config already holds
    std::optional<interpolation::InterpolatedString> tokenExpiryDate;
    std::string grantType = "refresh_token";
    std::string accessTokenName = "access_token";
    std::string expiresInName = "expires_in";
    std::string clientIdName = "client_id";
    std::string clientSecretName = "client_secret";
    std::string refreshTokenName = "refresh_token";
    std::string grantTypeName = "grant_type";
    bool expiryIsAbsolute = false;  // token_expiry_date_format is set
    nlohmann::json scopes;                // list or null
    nlohmann::json refreshRequestBody;    // object or null (templates)
    nlohmann::json refreshRequestHeaders; // object or null (templates)
    bool sendAsQueryParams = false;
    // refresh_token_updater: the tokens live in the config at these paths; every refresh writes
    // the new access token, refresh token (when the response has one) and expiry back and
    // reports the whole config (REFERENCE-NOTES 7.6).
    struct TokenUpdater {
      std::vector<std::string> accessTokenPath{"credentials", "access_token"};
      std::vector<std::string> refreshTokenPath{"credentials", "refresh_token"};
      std::vector<std::string> expiryDatePath{"credentials", "token_expiry_date"};
    };
    std::optional<TokenUpdater> updater;
  };

  OAuthAuthenticator(Spec spec, SharedConfig config, nlohmann::json parameters)
      : spec_(std::move(spec)), config_(std::move(config)), parameters_(std::move(parameters)) {}

  RequestOptions requestOptions(ReadContext& read) const override;

 private:
  std::string accessToken(ReadContext& read) const;
  void refresh(ReadContext& read) const;
  void storeTokens(ReadContext& read, const nlohmann::json& body) const;

  Spec spec_;
  SharedConfig config_;
  nlohmann::json parameters_;

  // The token is fetched once and shared by every request of this source until it expires.
  mutable std::mutex mutex_;
  mutable std::optional<std::string> token_;
  mutable std::chrono::system_clock::time_point expiry_{};
  mutable bool initialized_ = false;
  // With an updater: the config as the refreshes have rewritten it.
  mutable nlohmann::json updatedConfig_;
};

}  // namespace manifold::engine
