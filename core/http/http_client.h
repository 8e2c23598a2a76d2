// HttpClient: the engine's libcurl client, with every limit a hostile server could abuse.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>

#include "core/http/host_allowlist.h"
#include "core/http/http_request.h"
#include "core/http/result.h"

namespace manifold::http {

struct HttpClientOptions {
  std::chrono::milliseconds connectTimeout{30'000};
  std::chrono::milliseconds totalTimeout{300'000};  // per request, redirects included
  // Stall guard: fail when fewer than lowSpeedBytesPerSecond arrive for lowSpeedWindow. Well
  // above 1 B/s, so a server trickling a byte a second cannot hold a worker forever.
  long lowSpeedBytesPerSecond = 1024;
  std::chrono::seconds lowSpeedWindow{60};

  bool followRedirects = true;
  int maxRedirects = 10;
  bool allowHttpsToHttpRedirect = false;  // a per-connector choice the user made visibly

  std::size_t maxBodyBytes = std::size_t{128} << 20;   // counted after decompression
  std::size_t maxHeaderBytes = std::size_t{256} << 10; // all header lines of one response

  // When set, requests and redirects to any other host fail before a connection is made.
  std::optional<HostAllowlist> allowedHosts;

  std::string caBundlePath;  // empty: the system's CA store; verification is always on
  std::string proxy;         // empty: http_proxy / https_proxy / no_proxy from the environment
  std::string userAgent = "Manifold/0.1";
  bool acceptCompressed = true;  // Accept-Encoding: gzip, deflate, decoded transparently
};

// One client per worker thread: it owns one libcurl easy handle and one multi handle whose
// connection cache keeps connections alive between requests (and across same-host redirects).
// send() is not reentrant; use one client per thread.
//
// Redirects are followed here, not by libcurl, because libcurl forwards headers set with
// CURLOPT_HTTPHEADER (Authorization, API keys) to whatever host a redirect names. Like requests,
// a hop to another host, port or scheme (except http:80 → https:443) drops Authorization,
// Proxy-Authorization, Cookie and the request's credentialHeaders; 301/302 turn POST into GET
// and 303 turns everything but HEAD into GET, dropping the body.
class HttpClient {
 public:
  explicit HttpClient(HttpClientOptions options = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends the request and returns the final response (any status) or the error that prevented
  // one. A stop request aborts the transfer within milliseconds and yields kind Cancelled.
  Result<HttpResponse> send(const HttpRequest& request, std::stop_token stop = {});

  const HttpClientOptions& options() const { return options_; }

 private:
  struct Impl;
  HttpClientOptions options_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace manifold::http
