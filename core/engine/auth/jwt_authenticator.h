// JwtAuthenticator: signs a JSON Web Token for every request (HMAC, RSA, RSA-PSS, ECDSA, EdDSA
// through OpenSSL) and sends it in the Authorization header or where request_option says.
#pragma once

#include "core/engine/auth/authenticator.h"
#include "core/engine/request_option.h"
#include "core/engine/template_eval.h"

#include <functional>
#include <optional>
#include <string>

namespace manifold::engine {

class JwtAuthenticator final : public Authenticator {
 public:
  struct Spec {
    interpolation::InterpolatedString secretKey{""};
    std::string algorithm = "HS256";
    bool base64EncodeSecretKey = false;
    std::optional<std::int64_t> tokenDuration = 1200;  // seconds; unset: exp = iat
    std::optional<interpolation::InterpolatedString> headerPrefix;
    std::optional<interpolation::InterpolatedString> kid;
    std::optional<interpolation::InterpolatedString> typ;  // "JWT" by default
    std::optional<interpolation::InterpolatedString> cty;
    std::optional<interpolation::InterpolatedString> iss;
    std::optional<interpolation::InterpolatedString> sub;
    std::optional<interpolation::InterpolatedString> aud;
    nlohmann::json additionalHeaders;  // object or null (templates)
    nlohmann::json additionalPayload;  // object or null (templates)
    std::optional<interpolation::InterpolatedString> passphrase;
    RequestOption requestOption;  // header Authorization unless request_option says otherwise
  };

  // Seconds since the epoch, now; replaceable so tests can pin iat/nbf/exp.
  using Clock = std::function<std::int64_t()>;

  JwtAuthenticator(Spec spec, SharedConfig config, nlohmann::json parameters, Clock now = {});

  // A new token for every request, as the reference signs one per request.
  RequestOptions requestOptions(ReadContext& read) const override;

  // The signed token (without the header prefix). Throws ReadError ("Failed to sign token: …").
  std::string signedToken() const;

  static bool isSupportedAlgorithm(const std::string& algorithm);

 private:
  Spec spec_;
  SharedConfig config_;
  nlohmann::json parameters_;
  Clock now_;
};

// Signs `input` with `algorithm` and `key` (an HMAC secret or a PEM private key, with an optional
// passphrase) and returns the raw signature bytes. Throws std::runtime_error with OpenSSL's reason.
std::string jwtSign(const std::string& algorithm, const std::string& key, const std::optional<std::string>& passphrase,
                    const std::string& input);

// base64url without padding (RFC 7515).
std::string base64UrlEncode(std::string_view bytes);

}  // namespace manifold::engine
