// OAuthAuthenticator, as abstract_oauth.py builds the refresh request and reads its answer
// (REFERENCE-NOTES 7.3–7.5).
#include "core/engine/auth/oauth_authenticator.h"

#include "core/engine/engine_error.h"
#include "core/engine/errors/default_error_mapping.h"
#include "core/engine/read_context.h"
#include "core/http/url.h"
#include "core/interpolation/datetime.h"
#include "core/interpolation/interpolated_mapping.h"
#include "core/interpolation/jinja_interpolation.h"

#include <cmath>

namespace manifold::engine {
namespace {

using protocol::FailureType;
using Clock = std::chrono::system_clock;

// Searches `name` in the response: each object's own keys before nested ones, depth ≤ 5.
const nlohmann::json* findKey(const nlohmann::json& node, const std::string& name, int depth) {
  if (depth > 5) return nullptr;
  if (node.is_object()) {
    if (auto it = node.find(name); it != node.end()) return &*it;
    for (const auto& child : node) {
      if (const auto* found = findKey(child, name, depth + 1)) return found;
    }
  } else if (node.is_array()) {
    for (const auto& child : node) {
      if (const auto* found = findKey(child, name, depth + 1)) return found;
    }
  }
  return nullptr;
}

// Seconds since the epoch as a time point; far-future expiries (year 2999) saturate instead of
// overflowing the clock's nanosecond range.
Clock::time_point fromEpochSeconds(double seconds) {
  constexpr double kMaxSeconds = 9.0e9;  // about year 2255, inside the nanosecond range
  if (seconds >= kMaxSeconds) return Clock::time_point(std::chrono::seconds(static_cast<std::int64_t>(kMaxSeconds)));
  return Clock::time_point(std::chrono::microseconds(static_cast<std::int64_t>(seconds * 1e6)));
}

// A date-time string or epoch (≤ 10 digits) as a time point, parsed the way str_to_datetime does.
std::optional<Clock::time_point> parseTime(const nlohmann::json& value) {
  std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  if (text.empty()) return std::nullopt;
  if (text.size() <= 10 && text.find_first_not_of("0123456789") == std::string::npos) {
    return fromEpochSeconds(static_cast<double>(std::stoll(text)));
  }
  interpolation::Context context;
  const nlohmann::json holder = text;
  context.borrow("value", holder);
  auto seconds = interpolation::evaluate("{{ timestamp(value) }}", context);
  if (!seconds || !seconds.value().is_number()) return std::nullopt;
  return fromEpochSeconds(seconds.value().get<double>());
}

// dpath.get of a plain path.
const nlohmann::json* valueAt(const nlohmann::json& root, const std::vector<std::string>& path) {
  const nlohmann::json* node = &root;
  for (const auto& key : path) {
    if (!node->is_object()) return nullptr;
    auto it = node->find(key);
    if (it == node->end()) return nullptr;
    node = &*it;
  }
  return node;
}

// dpath.new: sets the value, creating the objects on the way.
void setValueAt(nlohmann::json& root, const std::vector<std::string>& path, nlohmann::json value) {
  nlohmann::json* node = &root;
  for (const auto& key : path) {
    if (!node->is_object()) *node = nlohmann::json::object();
    node = &(*node)[key];
  }
  *node = std::move(value);
}

std::string textAt(const nlohmann::json& root, const std::vector<std::string>& path) {
  const auto* value = valueAt(root, path);
  return value == nullptr || value->is_null() ? std::string() : pythonStr(*value);
}

// str() of an AirbyteDateTime: ISO 8601 with 'T', '+00:00', microseconds only when present.
std::string isoExpiry(Clock::time_point when) {
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(when.time_since_epoch()).count();
  return interpolation::toIsoFormat(interpolation::DateTime{micros, 0, true}, 'T');
}

}  // namespace

RequestOptions OAuthAuthenticator::requestOptions(ReadContext& read) const {
  RequestOptions options;
  options.headers["Authorization"] = "Bearer " + accessToken(read);
  return options;
}

std::string OAuthAuthenticator::accessToken(ReadContext& read) const {
  std::lock_guard lock(mutex_);
  if (!initialized_) {
    initialized_ = true;
    interpolation::Context context;
    context.borrow("config", *config_).borrow("parameters", parameters_);
    // Without a known expiry the first request refreshes (the reference starts at now − 1 day).
    expiry_ = Clock::now() - std::chrono::hours(24);
    if (spec_.tokenExpiryDate) {
      const auto value = evalOrThrow(*spec_.tokenExpiryDate, context, "token_expiry_date");
      if (auto parsed = parseTime(value)) expiry_ = *parsed;
    }
    if (spec_.accessTokenValue) {
      const std::string token = evalTextOrThrow(*spec_.accessTokenValue, context, "access_token_value");
      if (!token.empty()) token_ = token;
    }
    if (spec_.updater) {
      // The tokens come from the config; an empty stored expiry forces a refresh.
      updatedConfig_ = *config_;
      const std::string token = textAt(updatedConfig_, spec_.updater->accessTokenPath);
      if (!token.empty()) token_ = token;
      const auto* stored = valueAt(updatedConfig_, spec_.updater->expiryDatePath);
      if (stored != nullptr && !stored->is_null() && !(stored->is_string() && stored->get<std::string>().empty())) {
        const auto parsed = parseTime(*stored);
        if (!parsed) {
          throw ReadError("The config's token expiry date (" + pythonStr(*stored) + " at token_expiry_date_config_path) is not a date",
                          FailureType::ConfigError);
        }
        expiry_ = *parsed;
      }
    }
  }
  if (!token_ || Clock::now() > expiry_) refresh(read);
  return *token_;
}

void OAuthAuthenticator::refresh(ReadContext& read) const {
  interpolation::Context context;
  context.borrow("config", *config_).borrow("parameters", parameters_);
  const std::string endpoint = evalTextOrThrow(spec_.tokenRefreshEndpoint, context, "token_refresh_endpoint");
  nlohmann::json headers = nlohmann::json::object();
  if (spec_.refreshRequestHeaders.is_object()) {
    auto evaluated = interpolation::evaluateRequestHeaders(spec_.refreshRequestHeaders, context);
    if (!evaluated) throw ReadError("could not evaluate refresh_request_headers: " + evaluated.error().message, FailureType::ConfigError);
    headers = std::move(evaluated).value();
  }
  // The standard arguments first; refresh_request_body only adds keys they do not set.
  nlohmann::json payload = nlohmann::json::object();
  payload[spec_.grantTypeName] = spec_.grantType;
  if (!headers.contains("Authorization")) {
    std::string clientId = evalTextOrThrow(spec_.clientId, context, "client_id");
    std::string clientSecret = evalTextOrThrow(spec_.clientSecret, context, "client_secret");
    // With an updater, unset client credentials default to the config's credentials object.
    if (spec_.updater && spec_.clientId.text().empty()) clientId = textAt(*config_, {"credentials", "client_id"});
    if (spec_.updater && spec_.clientSecret.text().empty()) clientSecret = textAt(*config_, {"credentials", "client_secret"});
    payload[spec_.clientIdName] = clientId;
    payload[spec_.clientSecretName] = clientSecret;
  }
  if (spec_.updater) {
    if (spec_.grantType != "client_credentials") {
      const std::string token = textAt(updatedConfig_, spec_.updater->refreshTokenPath);
      if (!token.empty()) payload[spec_.refreshTokenName] = token;
    }
  } else if (spec_.refreshToken) {
    const std::string token = evalTextOrThrow(*spec_.refreshToken, context, "refresh_token");
    if (!token.empty()) payload[spec_.refreshTokenName] = token;
  }
  if (spec_.scopes.is_array() && !spec_.scopes.empty()) payload["scopes"] = spec_.scopes;
  if (spec_.refreshRequestBody.is_object()) {
    auto body = interpolation::evaluateNestedMapping(spec_.refreshRequestBody, context);
    if (!body) throw ReadError("could not evaluate refresh_request_body: " + body.error().message, FailureType::ConfigError);
    for (const auto& [key, value] : body.value().items()) {
      if (!payload.contains(key) && !value.is_null()) payload[key] = value;
    }
  }

  http::HttpRequest request;
  request.method = "POST";
  request.url = endpoint;
  if (spec_.sendAsQueryParams) {
    request.url = http::appendQuery(request.url, http::encodeQuery(payload));
  } else {
    request.body = http::encodeQuery(payload);
    request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  }
  for (const auto& [name, value] : headers.items()) request.headers.emplace_back(name, pythonStr(value));

  // 429 and 5xx are retried with exponential waits, as the reference's backoff decorator does.
  constexpr int kAttempts = 5;
  for (int attempt = 1;; ++attempt) {
    read.throwIfStopped();
    auto result = read.client().send(request, read.stopToken());
    if (!result.ok() && result.error().kind == http::HttpErrorKind::Cancelled) throw ReadCancelled();
    const bool transient = result.ok() ? (result->status == 429 || result->status >= 500)
                                       : http::isTransient(result.error().kind);
    if (result.ok() && result->status < 400) {
      // Like the reference's add_to_secrets: the new token is masked before anything shows it.
      const auto parsed = nlohmann::json::parse(result->body, nullptr, false);
      if (const auto* found = parsed.is_discarded() ? nullptr : findKey(parsed, spec_.accessTokenName, 0)) {
        read.addSecret(pythonStr(*found));
      }
      if (const auto* rotated = spec_.updater && !parsed.is_discarded() ? findKey(parsed, spec_.refreshTokenName, 0) : nullptr) {
        read.addSecret(pythonStr(*rotated));
      }
    }
    read.reportExchange(result, ExchangeInfo{"Refresh token", true, attempt, transient && attempt < kAttempts});
    if (transient && attempt < kAttempts) {
      read.sleepFor(std::chrono::duration<double>(std::pow(2.0, attempt - 1) * read.options().backoffScale));
      continue;
    }
    if (!result.ok() && http::isRefusedByPolicy(result.error().kind)) {
      throw ReadError("The OAuth token_refresh_endpoint gives a URL Manifold will not contact: " + result.error().message,
                      FailureType::ConfigError, result.error().message);
    }
    if (!result.ok()) {
      throw ReadError("OAuth access token refresh request failed due to a network error.", FailureType::TransientError,
                      result.error().message);
    }
    const auto& response = result.value();
    const auto body = nlohmann::json::parse(response.body, nullptr, false);
    if (response.status >= 400) {
      const auto error = body.is_object() && body.contains("error") ? pythonStr(body["error"]) : std::string();
      if (response.status == 400 && (error == "invalid_grant" || error == "invalid_permissions")) {
        throw ReadError("Refresh token is invalid or expired. Please re-authenticate from Sources/<your source>/Settings.",
                        FailureType::ConfigError);
      }
      throw ReadError("OAuth access token refresh request to " + endpoint + " failed with status " +
                          std::to_string(response.status) + ": " + parseErrorMessage(response.body).value_or(""),
                      transient ? FailureType::TransientError : FailureType::SystemError);
    }
    const nlohmann::json* token = body.is_discarded() ? nullptr : findKey(body, spec_.accessTokenName, 0);
    if (token == nullptr || pythonStr(*token).empty()) {
      throw ReadError("Token refresh API response was missing access token " + spec_.accessTokenName,
                      FailureType::SystemError);
    }
    token_ = pythonStr(*token);
    const nlohmann::json* expiresIn = findKey(body, spec_.expiresInName, 0);
    if (expiresIn == nullptr) {
      expiry_ = Clock::now() + std::chrono::hours(1);
    } else if (spec_.expiryIsAbsolute) {
      expiry_ = parseTime(*expiresIn).value_or(Clock::now() + std::chrono::hours(1));
    } else {
      double seconds = 0;
      if (expiresIn->is_number()) {
        seconds = expiresIn->get<double>();
      } else {
        try {
          seconds = std::stod(pythonStr(*expiresIn));
        } catch (const std::exception&) {
          throw ReadError("the token's " + spec_.expiresInName + " is not a number: " + pythonStr(*expiresIn),
                          FailureType::SystemError);
        }
      }
      expiry_ = Clock::now() + std::chrono::seconds(static_cast<std::int64_t>(seconds));
    }
    if (spec_.updater) storeTokens(read, body);
    return;
  }
}

void OAuthAuthenticator::storeTokens(ReadContext& read, const nlohmann::json& body) const {
  // As SingleUseRefreshTokenOauth2Authenticator.refresh_and_set_access_token: access token,
  // refresh token if the response rotated it, expiry as str(AirbyteDateTime), then the config.
  std::vector<std::string> tokens{*token_};
  setValueAt(updatedConfig_, spec_.updater->accessTokenPath, *token_);
  if (const auto* rotated = findKey(body, spec_.refreshTokenName, 0); rotated != nullptr && !rotated->is_null()) {
    tokens.push_back(pythonStr(*rotated));
    setValueAt(updatedConfig_, spec_.updater->refreshTokenPath, tokens.back());
  }
  setValueAt(updatedConfig_, spec_.updater->expiryDatePath, isoExpiry(expiry_));
  if (read.events().configUpdate) read.events().configUpdate(updatedConfig_, tokens);
}

}  // namespace manifold::engine
