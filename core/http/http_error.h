// HttpError: why a request produced no response, as a value with a message naming the URL.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/http/http_headers.h"

namespace manifold::http {

enum class HttpErrorKind {
  InvalidUrl,         // not a URL, or no host
  UnsupportedScheme,  // anything but http and https, also as a redirect target
  Connect,            // name resolution or TCP connect failed (refused, unreachable)
  Timeout,            // connect timeout, total timeout, or the stall guard
  Tls,                // handshake or certificate verification failed
  TooLarge,           // the decoded body passed the configured cap
  HeaderTooLarge,     // one header line or all headers passed their cap
  TooManyRedirects,
  InsecureRedirect,   // https redirected to http without the user's consent
  HostNotAllowed,     // a host outside the connector's declared allowedHosts
  Network,            // the connection broke while sending or receiving
  Protocol,           // the server's reply was malformed, truncated or badly encoded
  Cancelled,          // the caller's stop_token was triggered
  Other,
};

std::string_view httpErrorKindName(HttpErrorKind kind);  // "timeout", "too_large", ...

// Retrying may help: timeouts, connect and network failures, malformed replies.
bool isTransient(HttpErrorKind kind);

// The request was refused before any connection by a rule of the client (scheme, host
// allowlist, https→http redirect, malformed URL): retrying cannot help, the manifest or config must change.
bool isRefusedByPolicy(HttpErrorKind kind);

// The request as it went out (or was about to): the final hop after redirects.
struct SentRequest {
  std::string method;
  std::string url;
  HttpHeaders headers;  // as sent on the wire when the request got that far, else as given
  std::optional<std::string> body;
};

struct HttpError {
  HttpErrorKind kind = HttpErrorKind::Other;
  std::string message;  // e.g. "timed out after 1000 ms waiting for GET http://127.0.0.1:4000/x"
  std::string url;
  int curlCode = 0;     // 0 when the error was detected by Manifold itself
  SentRequest request;
  std::chrono::microseconds elapsed{0};
};

}  // namespace manifold::http
