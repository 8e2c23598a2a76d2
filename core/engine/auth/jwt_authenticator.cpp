// JwtAuthenticator, as jwt.py builds the JOSE header and claims and PyJWT signs them: header keys
// sorted, claims in the order the reference inserts them (additional claims, iss, sub, aud, iat,
// exp, nbf), compact ASCII JSON, base64url segments.
#include "core/engine/auth/jwt_authenticator.h"

#include "core/engine/engine_error.h"
#include "core/interpolation/encoding.h"
#include "core/interpolation/interpolated_mapping.h"

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <chrono>
#include <memory>
#include <stdexcept>

namespace manifold::engine {
namespace {

using protocol::FailureType;

const EVP_MD* digestFor(const std::string& algorithm) {
  const std::string bits = algorithm.substr(algorithm.size() >= 3 ? algorithm.size() - 3 : 0);
  if (algorithm == "ES256K" || bits == "256") return EVP_sha256();
  if (bits == "384") return EVP_sha384();
  if (bits == "512") return EVP_sha512();
  return nullptr;
}

std::string openSslReason(const std::string& what) {
  const unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return what;
  char text[256];
  ERR_error_string_n(code, text, sizeof text);
  return what + " (" + text + ")";
}

struct PkeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
struct BioFree {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
struct SigFree {
  void operator()(ECDSA_SIG* sig) const { ECDSA_SIG_free(sig); }
};

std::unique_ptr<EVP_PKEY, PkeyFree> loadPrivateKey(const std::string& pem, const std::optional<std::string>& passphrase) {
  std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) throw std::runtime_error(openSslReason("could not read the key"));
  // A passphrase unlocks an encrypted PEM; without one OpenSSL must not prompt on the terminal.
  std::string secret = passphrase.value_or("");
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, secret.data());
  if (key == nullptr) {
    throw std::runtime_error(openSslReason("secret_key is not a PEM private key" +
                                           std::string(passphrase ? " that the passphrase unlocks" : "")));
  }
  return std::unique_ptr<EVP_PKEY, PkeyFree>(key);
}

// ECDSA signatures are DER in OpenSSL and r||s (each the curve's size) in JWS.
std::string derToRaw(const std::string& der, std::size_t half) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(der.data());
  std::unique_ptr<ECDSA_SIG, SigFree> sig(d2i_ECDSA_SIG(nullptr, &bytes, static_cast<long>(der.size())));
  if (!sig) throw std::runtime_error(openSslReason("could not decode the ECDSA signature"));
  std::string raw(half * 2, '\0');
  auto* out = reinterpret_cast<unsigned char*>(raw.data());
  if (BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), out, static_cast<int>(half)) < 0 ||
      BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), out + half, static_cast<int>(half)) < 0) {
    throw std::runtime_error("could not encode the ECDSA signature");
  }
  return raw;
}

std::string expectedKeyType(const std::string& algorithm) {
  if (algorithm.rfind("RS", 0) == 0 || algorithm.rfind("PS", 0) == 0) return "RSA";
  if (algorithm.rfind("ES", 0) == 0) return "EC";
  return "Ed25519 or Ed448";
}

bool keyFits(const std::string& algorithm, EVP_PKEY* key) {
  const int id = EVP_PKEY_get_base_id(key);
  if (algorithm.rfind("RS", 0) == 0 || algorithm.rfind("PS", 0) == 0) return id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS;
  if (algorithm.rfind("ES", 0) == 0) return id == EVP_PKEY_EC;
  return id == EVP_PKEY_ED25519 || id == EVP_PKEY_ED448;
}

std::size_t ecHalfSize(const std::string& algorithm) {
  if (algorithm == "ES384") return 48;
  if (algorithm == "ES512") return 66;
  return 32;
}

nlohmann::json evalClaim(const interpolation::InterpolatedString& text, const interpolation::Context& context,
                         const char* what) {
  return evalOrThrow(text, context, what);
}

// Python truth of a rendered value, as the reference tests header_prefix and typ.
bool truthy(const nlohmann::json& value) {
  if (value.is_null()) return false;
  if (value.is_string()) return !value.get_ref<const std::string&>().empty();
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_number()) return value.get<double>() != 0;
  return !value.empty();
}

}  // namespace

std::string base64UrlEncode(std::string_view bytes) {
  std::string text = interpolation::base64Encode(bytes);
  while (!text.empty() && text.back() == '=') text.pop_back();
  for (char& c : text) {
    if (c == '+') c = '-';
    else if (c == '/') c = '_';
  }
  return text;
}

std::string jwtSign(const std::string& algorithm, const std::string& key, const std::optional<std::string>& passphrase,
                    const std::string& input) {
  if (algorithm.rfind("HS", 0) == 0) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (HMAC(digestFor(algorithm), key.data(), static_cast<int>(key.size()),
             reinterpret_cast<const unsigned char*>(input.data()), input.size(), out, &length) == nullptr) {
      throw std::runtime_error(openSslReason("HMAC failed"));
    }
    return std::string(reinterpret_cast<const char*>(out), length);
  }
  auto pkey = loadPrivateKey(key, passphrase);
  if (!keyFits(algorithm, pkey.get())) {
    throw std::runtime_error(algorithm + " needs an " + expectedKeyType(algorithm) + " private key in secret_key");
  }
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  const EVP_MD* md = algorithm == "EdDSA" ? nullptr : digestFor(algorithm);
  if (!ctx || EVP_DigestSignInit(ctx.get(), &pctx, md, nullptr, pkey.get()) != 1) {
    throw std::runtime_error(openSslReason("could not start signing"));
  }
  if (algorithm.rfind("PS", 0) == 0) {
    // PyJWT's RSA-PSS: MGF1 with the same hash, salt as long as the digest.
    if (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1 ||
        EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) != 1) {
      throw std::runtime_error(openSslReason("could not set RSA-PSS padding"));
    }
  }
  std::size_t length = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(input.data());
  if (EVP_DigestSign(ctx.get(), nullptr, &length, data, input.size()) != 1) {
    throw std::runtime_error(openSslReason("could not sign"));
  }
  std::string signature(length, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, data, input.size()) != 1) {
    throw std::runtime_error(openSslReason("could not sign"));
  }
  signature.resize(length);
  if (algorithm.rfind("ES", 0) == 0) return derToRaw(signature, ecHalfSize(algorithm));
  return signature;
}

bool JwtAuthenticator::isSupportedAlgorithm(const std::string& algorithm) {
  static const char* const kAlgorithms[] = {"HS256", "HS384", "HS512", "ES256", "ES256K", "ES384", "ES512",
                                            "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "EdDSA"};
  for (const char* name : kAlgorithms) {
    if (algorithm == name) return true;
  }
  return false;
}

JwtAuthenticator::JwtAuthenticator(Spec spec, SharedConfig config, nlohmann::json parameters, Clock now)
    : spec_(std::move(spec)), config_(std::move(config)), parameters_(std::move(parameters)), now_(std::move(now)) {
  if (!now_) {
    now_ = [] {
      return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    };
  }
}

std::string JwtAuthenticator::signedToken() const {
  interpolation::Context context;
  context.borrow("config", *config_).borrow("parameters", parameters_);
  // The reference evaluates these fields with json_loads available (service-account JSON in a config string).
  context.set("json_loads", interpolation::Value(interpolation::FunctionRef{"json_loads", nullptr}));
  try {
    // JOSE header: additional headers, then kid/typ/cty, then alg; PyJWT starts from typ "JWT".
    nlohmann::json header = nlohmann::json::object();
    if (spec_.additionalHeaders.is_object() && !spec_.additionalHeaders.empty()) {
      auto evaluated = interpolation::evaluateMapping(spec_.additionalHeaders, context, 0, 0);
      if (!evaluated) throw std::runtime_error("could not evaluate additional_jwt_headers: " + evaluated.error().message);
      header = std::move(evaluated).value();
      for (const char* reserved : {"kid", "alg", "typ", "cty"}) {
        if (header.contains(reserved)) {
          throw std::runtime_error("'kid', 'alg', 'typ', 'cty' are reserved headers and should not be set as part of 'additional_jwt_headers'");
        }
      }
    }
    header["typ"] = "JWT";
    if (spec_.kid) header["kid"] = evalClaim(*spec_.kid, context, "jwt_headers.kid");
    if (spec_.typ) {
      auto typ = evalClaim(*spec_.typ, context, "jwt_headers.typ");
      if (truthy(typ)) header["typ"] = std::move(typ);
    }
    if (spec_.cty) header["cty"] = evalClaim(*spec_.cty, context, "jwt_headers.cty");
    header["alg"] = spec_.algorithm;

    nlohmann::ordered_json payload = nlohmann::ordered_json::object();
    if (spec_.additionalPayload.is_object() && !spec_.additionalPayload.empty()) {
      auto evaluated = interpolation::evaluateMapping(spec_.additionalPayload, context, 0, 0);
      if (!evaluated) throw std::runtime_error("could not evaluate additional_jwt_payload: " + evaluated.error().message);
      for (const auto& [key, value] : evaluated.value().items()) {
        for (const char* reserved : {"iss", "sub", "aud", "iat", "exp", "nbf"}) {
          if (key == reserved) {
            throw std::runtime_error("'iss', 'sub', 'aud', 'iat', 'exp', 'nbf' are reserved properties and should not be set as part of 'additional_jwt_payload'");
          }
        }
        payload[key] = value;
      }
    }
    if (spec_.iss) payload["iss"] = evalClaim(*spec_.iss, context, "jwt_payload.iss");
    if (spec_.sub) payload["sub"] = evalClaim(*spec_.sub, context, "jwt_payload.sub");
    if (spec_.aud) payload["aud"] = evalClaim(*spec_.aud, context, "jwt_payload.aud");
    const std::int64_t now = now_();
    payload["iat"] = now;
    payload["exp"] = spec_.tokenDuration ? now + *spec_.tokenDuration : now;
    payload["nbf"] = now;

    std::string key = evalTextOrThrow(spec_.secretKey, context, "secret_key");
    std::optional<std::string> passphrase;
    if (spec_.passphrase) {
      std::string text = evalTextOrThrow(*spec_.passphrase, context, "passphrase");
      if (!text.empty()) passphrase = std::move(text);
    }
    if (spec_.base64EncodeSecretKey && !passphrase) key = interpolation::base64Encode(key);

    // Compact, ASCII-only JSON as Python's json.dumps(separators=(",", ":")) writes it.
    const std::string signingInput = base64UrlEncode(header.dump(-1, ' ', true)) + "." +
                                     base64UrlEncode(payload.dump(-1, ' ', true));
    return signingInput + "." + base64UrlEncode(jwtSign(spec_.algorithm, key, passphrase, signingInput));
  } catch (const ReadError& e) {
    throw ReadError("Failed to sign token: " + std::string(e.what()), e.failureType());
  } catch (const std::exception& e) {
    throw ReadError("Failed to sign token: " + std::string(e.what()), FailureType::ConfigError);
  }
}

RequestOptions JwtAuthenticator::requestOptions(ReadContext&) const {
  std::string token = signedToken();
  if (spec_.headerPrefix) {
    interpolation::Context context;
    context.borrow("config", *config_).borrow("parameters", parameters_);
    const auto prefix = evalOrThrow(*spec_.headerPrefix, context, "header_prefix");
    if (truthy(prefix)) token = pythonStr(prefix) + " " + token;
  }
  RequestOptions options;
  spec_.requestOption.inject(options, token);
  return options;
}

}  // namespace manifold::engine
