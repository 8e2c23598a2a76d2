// HttpRequest and HttpResponse: what the engine asks for and what comes back.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/http/http_error.h"
#include "core/http/http_headers.h"

namespace manifold::http {

struct HttpRequest {
  std::string method = "GET";  // GET, POST, PUT, PATCH, DELETE, HEAD, ... (upper case)
  std::string url;             // absolute http(s) URL; spaces and non-ASCII are quoted as requests does
  HttpHeaders headers;         // an empty value is sent as an empty header
  std::optional<std::string> body;  // sent as is; no Content-Type is added for it
  std::optional<std::chrono::milliseconds> timeout;  // total, overrides the client's option
  // Header names besides Authorization, Proxy-Authorization and Cookie that carry credentials
  // (an API-key header): dropped when a redirect leaves the original host.
  std::vector<std::string> credentialHeaders;
};

struct HttpResponse {
  long status = 0;
  std::string url;       // final URL, after redirects
  HttpHeaders headers;   // of the final response, the server's casing and order
  std::string body;      // decoded (gzip/deflate undone)
  std::chrono::microseconds elapsed{0};  // whole exchange including redirects
  SentRequest request;   // the final hop as sent
  std::vector<std::string> redirects;  // every URL redirected to, in order

  const std::string* header(std::string_view name) const { return findHeader(headers, name); }
};

}  // namespace manifold::http
