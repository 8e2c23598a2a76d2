// HttpExchange: one request and its response (or error) as the IDE's panels show them.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/http/http_request.h"
#include "core/http/result.h"

namespace manifold::protocol {
class SecretMasker;
}

namespace manifold::http {

struct HttpExchange {
  SentRequest request;                  // method, final URL, headers as sent, body
  std::optional<long> status;           // absent when no response arrived
  HttpHeaders responseHeaders;          // the server's casing
  std::string responseBody;
  std::chrono::microseconds elapsed{0};
  std::optional<HttpError> error;

  static HttpExchange fromResult(const Result<HttpResponse>& result);

  // The Connector Builder's page shape: {"request": {"url", "headers", "http_method", "body"},
  // "response": {"status", "body", "headers"}} (response null after an error), plus
  // "elapsed_ms" and, after an error, "error": {"kind", "message"}.
  nlohmann::json toJson() const;
};

// Header names whose values are credentials whatever they contain: Authorization,
// Proxy-Authorization, Cookie, Set-Cookie, and names mentioning api-key/apikey/token/secret/
// password/session/signature/auth (X-API-Key, X-Auth-Token, ...).
bool isCredentialHeaderName(std::string_view name);

// Masks a record for display or export: credential headers by name, and every form of each
// secret (see SecretMasker) in the URL, all header values, both bodies and the error message.
void maskExchange(HttpExchange& exchange, const protocol::SecretMasker& masker);
void maskExchange(HttpExchange& exchange, const std::vector<std::string>& secrets);

}  // namespace manifold::http
