// LegacySessionTokenAuthenticator, as token.py's LegacySessionTokenAuthenticator and
// get_new_session_token do it: plain requests (no error handler, no retries), URLs joined by
// concatenating url_base and the path.
#include "core/engine/auth/legacy_session_token_authenticator.h"

#include "core/engine/engine_error.h"
#include "core/engine/errors/default_error_mapping.h"
#include "core/engine/read_context.h"

namespace manifold::engine {
namespace {

using protocol::FailureType;

// Python truth of a rendered value: empty strings, None, 0 and False are false.
bool truthy(const nlohmann::json& value) {
  if (value.is_null()) return false;
  if (value.is_string()) return !value.get_ref<const std::string&>().empty();
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_number()) return value.get<double>() != 0;
  return !value.empty();
}

http::Result<http::HttpResponse> sendOnce(ReadContext& read, const http::HttpRequest& request) {
  read.throwIfStopped();
  auto result = read.client().send(request, read.stopToken());
  if (!result.ok() && result.error().kind == http::HttpErrorKind::Cancelled) throw ReadCancelled();
  return result;
}

}  // namespace

RequestOptions LegacySessionTokenAuthenticator::requestOptions(ReadContext& read) const {
  interpolation::Context context;
  context.borrow("config", *config_).borrow("parameters", parameters_);
  const std::string header = evalTextOrThrow(spec_.header, context, "the LegacySessionTokenAuthenticator's header");
  RequestOptions options;
  options.headers[header] = token(read, context, header);
  return options;
}

std::string LegacySessionTokenAuthenticator::token(ReadContext& read, const interpolation::Context& context,
                                                   const std::string& header) const {
  const std::string apiUrl = evalTextOrThrow(spec_.apiUrl, context, "url_base");
  const auto configured = evalOrThrow(spec_.sessionToken, context, "session_token");
  if (truthy(configured)) {
    const std::string token = pythonStr(configured);
    const std::string validateUrl = evalTextOrThrow(spec_.validateSessionUrl, context, "validate_session_url");
    if (sessionTokenIsValid(read, apiUrl, header, token, validateUrl)) return token;
  }
  const auto username = evalOrThrow(spec_.username, context, "username");
  const auto password = evalOrThrow(spec_.password, context, "password");
  if (!truthy(password) || !truthy(username)) {
    throw ReadError("Invalid credentials: session token is not valid or provide username and password",
                    FailureType::ConfigError);
  }
  const std::string key = evalTextOrThrow(spec_.sessionTokenResponseKey, context, "session_token_response_key");
  http::HttpRequest request;
  request.method = "POST";
  request.url = apiUrl + evalTextOrThrow(spec_.loginUrl, context, "login_url");
  request.headers.emplace_back("Content-Type", "application/json");
  request.body = nlohmann::json{{"username", pythonStr(username)}, {"password", pythonStr(password)}}.dump();
  auto result = sendOnce(read, request);
  // The new token is masked before the exchange is shown anywhere.
  nlohmann::json body;
  if (result.ok()) {
    body = nlohmann::json::parse(result->body, nullptr, false);
    if (result->status < 400 && body.is_object() && body.contains(key)) read.addSecret(pythonStr(body[key]));
  }
  read.reportExchange(result, ExchangeInfo{"Login request", true, 1, false});
  if (!result.ok()) {
    throw ReadError("Failed to retrieve a new session token from " + request.url + ": " + result.error().message,
                    http::isTransient(result.error().kind) ? FailureType::TransientError : FailureType::ConfigError);
  }
  if (result->status >= 400) {
    throw ReadError("Failed to retrieve a new session token: the login request to " + request.url + " failed with status " +
                        std::to_string(result->status) + ": " + parseErrorMessage(result->body).value_or(""),
                    result->status == 401 || result->status == 403 ? FailureType::ConfigError : FailureType::SystemError);
  }
  if (!body.is_object() || !body.contains(key)) {
    throw ReadError("Failed to retrieve a new session token: the login response from " + request.url + " has no key '" + key +
                        "' (session_token_response_key)",
                    FailureType::SystemError);
  }
  return pythonStr(body[key]);
}

bool LegacySessionTokenAuthenticator::sessionTokenIsValid(ReadContext& read, const std::string& apiUrl,
                                                          const std::string& header, const std::string& token,
                                                          const std::string& validateUrl) const {
  http::HttpRequest request;
  request.method = "GET";
  request.url = apiUrl + validateUrl;
  request.headers.emplace_back(header, token);
  request.credentialHeaders.push_back(header);
  auto result = sendOnce(read, request);
  read.reportExchange(result, ExchangeInfo{"Validate session token", true, 1, false});
  if (!result.ok()) {
    throw ReadError("Error while validating session token at " + request.url + ": " + result.error().message,
                    http::isTransient(result.error().kind) ? FailureType::TransientError : FailureType::SystemError);
  }
  if (result->status == 401) {
    read.log(protocol::LogLevel::Info, "Unable to connect by session token from config: " + request.url + " answered 401");
    return false;
  }
  if (result->status >= 400) {
    throw ReadError("Error while validating session token: " + request.url + " answered status " + std::to_string(result->status),
                    FailureType::SystemError);
  }
  return true;
}

}  // namespace manifold::engine
