// DemoApiServer: Manifold's built-in demo HTTP API on 127.0.0.1, so a first test read works
// offline (the bundled `demo` connector targets it).
#pragma once

#include "core/demo/result.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace manifold::demo {

// The one key the demo API accepts, in the X-Api-Key header (or as "Authorization: Bearer").
// It guards nothing: it exists so connectors can practise API-key authentication.
inline constexpr std::string_view kDemoApiKey = "manifold-demo-key";
inline constexpr std::string_view kApiKeyHeader = "X-Api-Key";

// One answered request, for a console or a log panel. The target never holds the key (it
// travels in a header).
struct DemoRequestLog {
  std::string method;
  std::string target;  // path and query as sent
  int status = 0;
};

// Serves on its own thread until stop() or destruction. Endpoints (all JSON):
//   GET /health, GET /openapi.json                        no key needed
//   GET /v1/customers?page=&per_page=                     page-number pagination (+ Link header)
//   GET /v1/customers/{id}, /v1/customers/{id}/orders     parent and child
//   GET /v1/events?cursor=&limit=                         cursor pagination (next_cursor)
//   GET /v1/invoices?updated_since=&updated_before=|updated_until=&page=&per_page=
//                                                         incremental by updated_at
//   GET /v1/flaky                                         429 + Retry-After, then 200, alternating
// Any /v1 request with ?fail=<4xx|5xx> fails once with that status for that exact URL, then
// succeeds, so engine tests can exercise retries.
class DemoApiServer {
 public:
  DemoApiServer();
  ~DemoApiServer();  // stops and joins
  DemoApiServer(const DemoApiServer&) = delete;
  DemoApiServer& operator=(const DemoApiServer&) = delete;

  // Binds 127.0.0.1 at `port` (0: a free port chosen by the system) and serves in the
  // background. Returns the bound port, or why it could not listen (port in use, already
  // running, out of range).
  Result<int> start(int port = 0);

  // Called after each answered request, on a server thread; set it before start().
  void setRequestLogger(std::function<void(const DemoRequestLog&)> logger);

  // Stops accepting, finishes requests in flight and joins the thread. Idempotent.
  void stop();

  bool running() const;
  int port() const;             // 0 when not running
  std::string baseUrl() const;  // "http://127.0.0.1:<port>", empty when not running

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace manifold::demo
