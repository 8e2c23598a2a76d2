// HttpExchange: one request and its response (or error) as the IDE's panels show them.
#include "core/http/http_exchange.h"

#include "core/protocol/secret_masker.h"

namespace manifold::http {

HttpExchange HttpExchange::fromResult(const Result<HttpResponse>& result) {
  HttpExchange e;
  if (result.ok()) {
    const HttpResponse& r = result.value();
    e.request = r.request;
    e.status = r.status;
    e.responseHeaders = r.headers;
    e.responseBody = r.body;
    e.elapsed = r.elapsed;
  } else {
    e.request = result.error().request;
    e.elapsed = result.error().elapsed;
    e.error = result.error();
  }
  return e;
}

nlohmann::json HttpExchange::toJson() const {
  nlohmann::json out = nlohmann::json::object();
  out["request"] = {{"url", request.url},
                    {"headers", headersToJson(request.headers)},
                    {"http_method", request.method},
                    {"body", request.body ? nlohmann::json(*request.body) : nlohmann::json(nullptr)}};
  if (status) {
    out["response"] = {{"status", *status}, {"body", responseBody}, {"headers", headersToJson(responseHeaders)}};
  } else {
    out["response"] = nullptr;
  }
  out["elapsed_ms"] = static_cast<double>(elapsed.count()) / 1000.0;
  if (error) {
    out["error"] = {{"kind", httpErrorKindName(error->kind)}, {"message", error->message}};
  }
  return out;
}

bool isCredentialHeaderName(std::string_view name) {
  std::string lower;
  for (char c : name) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower == "authorization" || lower == "proxy-authorization" || lower == "cookie" ||
      lower == "set-cookie") {
    return true;
  }
  for (std::string_view word : {"api-key", "api_key", "apikey", "token", "secret", "password",
                                "session", "signature", "auth"}) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

namespace {

void maskHeaders(HttpHeaders& headers, const protocol::SecretMasker& masker) {
  for (auto& [name, value] : headers) {
    if (isCredentialHeaderName(name) && !value.empty()) {
      value = std::string(protocol::SecretMasker::kMask);
    } else {
      masker.maskInPlace(value);
    }
  }
}

}  // namespace

void maskExchange(HttpExchange& exchange, const protocol::SecretMasker& masker) {
  masker.maskInPlace(exchange.request.url);
  maskHeaders(exchange.request.headers, masker);
  if (exchange.request.body) masker.maskInPlace(*exchange.request.body);
  maskHeaders(exchange.responseHeaders, masker);
  masker.maskInPlace(exchange.responseBody);
  if (exchange.error) {
    masker.maskInPlace(exchange.error->message);
    masker.maskInPlace(exchange.error->url);
    masker.maskInPlace(exchange.error->request.url);
    maskHeaders(exchange.error->request.headers, masker);
    if (exchange.error->request.body) masker.maskInPlace(*exchange.error->request.body);
  }
}

void maskExchange(HttpExchange& exchange, const std::vector<std::string>& secrets) {
  maskExchange(exchange, protocol::SecretMasker(secrets));
}

}  // namespace manifold::http
