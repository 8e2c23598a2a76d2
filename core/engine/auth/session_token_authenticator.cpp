// SessionTokenAuthenticator, as token_provider.py's SessionTokenProvider logs in and
// create_session_token_authenticator wraps the token (REFERENCE-NOTES 7.7).
#include "core/engine/auth/session_token_authenticator.h"

#include "core/engine/engine_error.h"
#include "core/engine/read_context.h"
#include "core/engine/selection/dpath_extractor.h"

namespace manifold::engine {
namespace {

using protocol::FailureType;
using Clock = std::chrono::system_clock;

std::string describePath(const std::vector<std::string>& path) {
  std::string text = "[";
  for (std::size_t i = 0; i < path.size(); ++i) text += (i ? ", '" : "'") + path[i] + "'";
  return text + "]";
}

}  // namespace

RequestOptions SessionTokenAuthenticator::requestOptions(ReadContext& read) const {
  const std::string token = sessionToken(read);
  RequestOptions options;
  if (spec_.bearer) {
    options.headers["Authorization"] = "Bearer " + token;
    return options;
  }
  const nlohmann::json tokenValue = token;
  interpolation::Context context;
  context.borrow("config", *config_).borrow("parameters", parameters_).borrow("session_token", tokenValue);
  spec_.injectInto->inject(options, evalTextOrThrow(spec_.apiToken, context, "the session token's api_token"));
  return options;
}

std::string SessionTokenAuthenticator::sessionToken(ReadContext& read) const {
  std::lock_guard lock(mutex_);
  // The reference refreshes when the expiry has passed, and always without an expiration_duration.
  if (token_ && spec_.expirationDuration && Clock::now() <= expiry_) {
    read.addSecret(*token_);  // a later read's masker has not seen it yet
    return *token_;
  }
  token_ = login(read);
  if (spec_.expirationDuration) {
    const auto nowMicros = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now().time_since_epoch()).count();
    const auto until = interpolation::addDuration(interpolation::DateTime{nowMicros, 0, true}, *spec_.expirationDuration, false);
    expiry_ = Clock::time_point(std::chrono::microseconds(until.micros));
  }
  return *token_;
}

std::string SessionTokenAuthenticator::login(ReadContext& read) const {
  static const nlohmann::json kNoSlice = nlohmann::json::object();
  static const std::optional<nlohmann::json> kNoToken;
  static const RequestOptions kNoOptions;
  const auto request = spec_.loginRequester->buildRequest(read, HttpRequester::PageRequest{kNoSlice, kNoToken, kNoOptions, std::nullopt});
  // The token is masked before the login exchange is reported (the builder shows it otherwise).
  const auto maskToken = [&](const http::HttpResponse& answer) {
    if (answer.status >= 400) return;
    try {
      std::vector<nlohmann::json> decoded;
      spec_.decoder->decode(answer, read, decoded);
      if (decoded.empty()) return;
      if (const auto* value = findAtPath(decoded.front(), spec_.sessionTokenPath); value != nullptr && !value->is_null()) {
        read.addSecret(pythonStr(*value));
      }
    } catch (const ReadError&) {
      // An undecodable body carries no token to hide; the failure is reported below.
    }
  };
  const auto response = spec_.loginRequester->send(read, request, kLoginTitle, true, maskToken);
  if (!response) {
    throw ReadError("Failed to get session token, response got ignored by requester (the login request to " + request.url +
                        " was answered with an error the login requester's error handler ignores)",
                    FailureType::ConfigError);
  }
  std::vector<nlohmann::json> bodies;
  spec_.decoder->decode(*response, read, bodies);
  if (bodies.empty()) {
    throw ReadError("Failed to get session token: the login response from " + request.url + " has no body to read",
                    FailureType::SystemError);
  }
  const nlohmann::json* found = findAtPath(bodies.front(), spec_.sessionTokenPath);
  if (found == nullptr || found->is_null()) {
    throw ReadError("Failed to get session token: the login response from " + request.url + " has no value at session_token_path " +
                        describePath(spec_.sessionTokenPath),
                    FailureType::SystemError);
  }
  return pythonStr(*found);
}

}  // namespace manifold::engine
