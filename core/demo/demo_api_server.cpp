// DemoApiServer: Manifold's built-in demo HTTP API on 127.0.0.1.
#include "core/demo/demo_api_server.h"

#include "core/demo/demo_data.h"
#include "core/demo/demo_openapi.h"
#include "core/demo/iso_time.h"

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>

namespace manifold::demo {

namespace {

using nlohmann::json;

constexpr const char* kHost = "127.0.0.1";
constexpr long long kCustomersPerPage = 20;
constexpr long long kEventsPerPage = 50;
constexpr long long kInvoicesPerPage = 50;
constexpr long long kMaxPerPage = 100;
constexpr std::string_view kCursorPrefix = "events:";

void sendJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

// Every error has the same shape, so a connector's error handler can match on it.
void sendError(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  sendJson(res, status, {{"error", {{"status", status}, {"code", code}, {"message", message}}}});
}

std::optional<long long> parseInteger(std::string_view text) {
  long long value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

// Reads an optional integer query parameter within [min, max]; on bad input writes a 400 and
// returns nullopt.
std::optional<long long> integerParam(const httplib::Request& req, httplib::Response& res,
                                      const char* name, long long fallback, long long min,
                                      long long max) {
  if (!req.has_param(name)) return fallback;
  const auto value = parseInteger(req.get_param_value(name));
  if (!value || *value < min || *value > max) {
    sendError(res, 400, "invalid_parameter",
              std::string(name) + " must be an integer from " + std::to_string(min) + " to " +
                  std::to_string(max) + ", got '" + req.get_param_value(name) + "'");
    return std::nullopt;
  }
  return value;
}

// An optional ISO-8601 query parameter; on bad input writes a 400 and returns false.
bool timeParam(const httplib::Request& req, httplib::Response& res, const char* name,
               std::optional<EpochSeconds>& out) {
  if (!req.has_param(name)) return true;
  out = parseIsoTime(req.get_param_value(name));
  if (!out) {
    sendError(res, 400, "invalid_parameter",
              std::string(name) + " must be an ISO-8601 date-time such as 2024-03-01T00:00:00Z, got '" +
                  req.get_param_value(name) + "'");
    return false;
  }
  return true;
}

// One page of `items` in the page-number style shared by /v1/customers and /v1/invoices.
json pageBody(const std::vector<const json*>& items, long long page, long long perPage) {
  const auto total = static_cast<long long>(items.size());
  const long long totalPages = (total + perPage - 1) / perPage;
  json data = json::array();
  const long long first = (page - 1) * perPage;
  for (long long i = first; i < std::min(total, first + perPage); ++i) {
    data.push_back(*items[static_cast<std::size_t>(i)]);
  }
  return {{"data", std::move(data)},
          {"page", page},
          {"per_page", perPage},
          {"total", total},
          {"total_pages", totalPages},
          {"next_page", page < totalPages ? json(page + 1) : json(nullptr)}};
}

std::vector<const json*> pointersTo(const std::vector<json>& items) {
  std::vector<const json*> result;
  result.reserve(items.size());
  for (const auto& item : items) result.push_back(&item);
  return result;
}

// Cursors are opaque to clients (base64url of "events:<offset>"), as in real cursor APIs, so a
// connector must pass next_cursor back rather than compute it.
constexpr std::string_view kBase64Url =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64UrlEncode(std::string_view input) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (const unsigned char c : input) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(kBase64Url[(buffer >> bits) & 0x3F]);
    }
  }
  if (bits > 0) out.push_back(kBase64Url[(buffer << (6 - bits)) & 0x3F]);
  return out;
}

std::optional<std::string> base64UrlDecode(std::string_view input) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : input) {
    const auto index = kBase64Url.find(c);
    if (index == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(index);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

std::string eventCursor(std::size_t offset) {
  return base64UrlEncode(std::string(kCursorPrefix) + std::to_string(offset));
}

std::optional<std::size_t> eventOffset(std::string_view cursor) {
  const auto decoded = base64UrlDecode(cursor);
  if (!decoded || decoded->rfind(kCursorPrefix, 0) != 0) return std::nullopt;
  const auto offset = parseInteger(std::string_view(*decoded).substr(kCursorPrefix.size()));
  if (!offset || *offset < 0 || static_cast<std::size_t>(*offset) > DemoData::kEventCount) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(*offset);
}

bool authorized(const httplib::Request& req) {
  const std::string key(kDemoApiKey);
  if (req.get_header_value(std::string(kApiKeyHeader)) == key) return true;
  return req.get_header_value("Authorization") == "Bearer " + key;
}

bool isPublicPath(const std::string& path) { return path == "/health" || path == "/openapi.json"; }

// Only SO_REUSEADDR: cpp-httplib's default also sets SO_REUSEPORT, which would let a second
// server share a busy port silently instead of reporting it taken.
void reuseAddressOnly(socket_t sock) {
  int yes = 1;
  ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

}  // namespace

struct DemoApiServer::Impl {
  std::unique_ptr<httplib::Server> server;
  std::thread thread;
  std::atomic<int> port{0};

  std::mutex faultMutex;
  std::set<std::string> failedOnce;  // "METHOD target" of ?fail= requests already failed
  std::atomic<unsigned long long> flakyCalls{0};
  std::function<void(const DemoRequestLog&)> logger;

  std::string baseUrl() const { return "http://" + std::string(kHost) + ":" + std::to_string(port.load()); }

  httplib::Server::HandlerResponse beforeRouting(const httplib::Request& req, httplib::Response& res);
  void install(httplib::Server& s);
};

httplib::Server::HandlerResponse DemoApiServer::Impl::beforeRouting(const httplib::Request& req,
                                                                   httplib::Response& res) {
  using HR = httplib::Server::HandlerResponse;
  if (isPublicPath(req.path)) return HR::Unhandled;
  if (!authorized(req)) {
    const bool sentSomething = req.has_header(std::string(kApiKeyHeader)) || req.has_header("Authorization");
    sendError(res, 401, "unauthorized",
              sentSomething ? "invalid API key"
                            : "missing API key: send it in the " + std::string(kApiKeyHeader) + " header");
    return HR::Handled;
  }
  if (req.has_param("fail")) {
    const auto status = parseInteger(req.get_param_value("fail"));
    if (!status || *status < 400 || *status > 599) {
      sendError(res, 400, "invalid_parameter", "fail must be an HTTP status from 400 to 599");
      return HR::Handled;
    }
    const std::string key = req.method + " " + req.target;
    std::lock_guard lock(faultMutex);
    if (failedOnce.insert(key).second) {
      if (*status == 429 || *status == 503) res.set_header("Retry-After", "1");
      sendError(res, static_cast<int>(*status), "injected_failure",
                "failure injected by ?fail=" + std::to_string(*status) + "; the same request succeeds next time");
      return HR::Handled;
    }
  }
  return HR::Unhandled;
}

void DemoApiServer::Impl::install(httplib::Server& s) {
  const DemoData& data = DemoData::instance();

  s.set_socket_options(reuseAddressOnly);
  // Short keep-alive and read timeouts keep stop() prompt: it waits for idle connections.
  s.set_keep_alive_timeout(1);
  s.set_read_timeout(2, 0);
  if (logger) {
    s.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
      logger(DemoRequestLog{req.method, req.target, res.status});
    });
  }
  s.set_pre_routing_handler(
      [this](const httplib::Request& req, httplib::Response& res) { return beforeRouting(req, res); });
  s.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
    using HR = httplib::Server::HandlerResponse;
    if (!res.body.empty()) return HR::Unhandled;  // a handler already wrote a JSON error
    if (res.status == 404) {
      sendError(res, 404, "not_found", "no endpoint " + req.method + " " + req.path);
    } else {
      sendError(res, res.status, "error", "the request failed with status " + std::to_string(res.status));
    }
    return HR::Handled;
  }));
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    sendError(res, 500, "internal_error", "the demo API failed to answer this request");
  });

  s.Get("/health", [](const httplib::Request&, httplib::Response& res) {
    sendJson(res, 200, {{"status", "ok"}, {"service", "manifold-demo-api"}});
  });
  s.Get("/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(demoOpenApiDocument()), "application/json");
  });

  s.Get("/v1/customers", [this, &data](const httplib::Request& req, httplib::Response& res) {
    const auto page = integerParam(req, res, "page", 1, 1, 1000000);
    if (!page) return;
    const auto perPage = integerParam(req, res, "per_page", kCustomersPerPage, 1, kMaxPerPage);
    if (!perPage) return;
    json body = pageBody(pointersTo(data.customers()), *page, *perPage);
    if (!body["next_page"].is_null()) {
      // The same next page as a Link header, for link-header paginators.
      res.set_header("Link", "<" + baseUrl() + "/v1/customers?page=" + std::to_string(*page + 1) +
                                 "&per_page=" + std::to_string(*perPage) + ">; rel=\"next\"");
    }
    sendJson(res, 200, body);
  });

  s.Get(R"(/v1/customers/(\d+))", [&data](const httplib::Request& req, httplib::Response& res) {
    const auto id = parseInteger(req.matches[1].str());
    if (!id || *id < 1 || static_cast<std::size_t>(*id) > data.customers().size()) {
      sendError(res, 404, "not_found", "no customer with id " + req.matches[1].str());
      return;
    }
    sendJson(res, 200, data.customers()[static_cast<std::size_t>(*id - 1)]);
  });

  s.Get(R"(/v1/customers/(\d+)/orders)", [&data](const httplib::Request& req, httplib::Response& res) {
    const auto id = parseInteger(req.matches[1].str());
    if (!id || *id < 1 || static_cast<std::size_t>(*id) > data.customers().size()) {
      sendError(res, 404, "not_found", "no customer with id " + req.matches[1].str());
      return;
    }
    const auto orders = data.ordersOf(*id);
    sendJson(res, 200, {{"data", orders}, {"customer_id", *id}, {"total", orders.size()}});
  });

  s.Get("/v1/events", [&data](const httplib::Request& req, httplib::Response& res) {
    const auto limit = integerParam(req, res, "limit", kEventsPerPage, 1, kMaxPerPage);
    if (!limit) return;
    std::size_t offset = 0;
    if (req.has_param("cursor") && !req.get_param_value("cursor").empty()) {
      const auto decoded = eventOffset(req.get_param_value("cursor"));
      if (!decoded) {
        sendError(res, 400, "invalid_cursor", "cursor '" + req.get_param_value("cursor") +
                                                  "' was not issued by this API; pass next_cursor back unchanged");
        return;
      }
      offset = *decoded;
    }
    const auto& events = data.events();
    const std::size_t end = std::min(events.size(), offset + static_cast<std::size_t>(*limit));
    json page = json::array();
    for (std::size_t i = offset; i < end; ++i) page.push_back(events[i]);
    const bool hasMore = end < events.size();
    sendJson(res, 200,
             {{"data", std::move(page)},
              {"has_more", hasMore},
              {"next_cursor", hasMore ? json(eventCursor(end)) : json(nullptr)}});
  });

  s.Get("/v1/invoices", [&data](const httplib::Request& req, httplib::Response& res) {
    std::optional<EpochSeconds> since;
    std::optional<EpochSeconds> before;
    std::optional<EpochSeconds> until;
    if (!timeParam(req, res, "updated_since", since) || !timeParam(req, res, "updated_before", before) ||
        !timeParam(req, res, "updated_until", until)) {
      return;
    }
    const auto page = integerParam(req, res, "page", 1, 1, 1000000);
    if (!page) return;
    const auto perPage = integerParam(req, res, "per_page", kInvoicesPerPage, 1, kMaxPerPage);
    if (!perPage) return;
    // [updated_since, updated_before) lets consecutive windows share bounds without repeats;
    // [updated_since, updated_until] matches declarative cursors, whose slice ends are inclusive.
    std::vector<const json*> selected;
    const auto& invoices = data.invoices();
    const auto& updated = data.invoiceUpdatedAt();
    for (std::size_t i = 0; i < invoices.size(); ++i) {
      if (since && updated[i] < *since) continue;
      if (before && updated[i] >= *before) continue;
      if (until && updated[i] > *until) continue;
      selected.push_back(&invoices[i]);
    }
    sendJson(res, 200, pageBody(selected, *page, *perPage));
  });

  s.Get("/v1/flaky", [this](const httplib::Request&, httplib::Response& res) {
    const auto call = ++flakyCalls;
    if (call % 2 == 1) {
      res.set_header("Retry-After", "1");
      sendError(res, 429, "rate_limited", "too many requests; retry after 1 second");
      return;
    }
    sendJson(res, 200, {{"data", json::array({{{"id", 1}, {"message", "ok after a retry"}}})},
                        {"attempt", call}});
  });
}

DemoApiServer::DemoApiServer() : impl_(std::make_unique<Impl>()) {}

DemoApiServer::~DemoApiServer() { stop(); }

Result<int> DemoApiServer::start(int port) {
  if (running()) return DemoError{"the demo API is already running at " + baseUrl()};
  if (port < 0 || port > 65535) {
    return DemoError{"port " + std::to_string(port) + " is out of range (0 to 65535; 0 picks a free port)"};
  }
  auto server = std::make_unique<httplib::Server>();
  impl_->install(*server);
  int bound = -1;
  if (port == 0) {
    bound = server->bind_to_any_port(kHost);
  } else if (server->bind_to_port(kHost, port)) {
    bound = port;
  }
  if (bound <= 0) {
    return DemoError{port == 0 ? std::string("cannot listen on 127.0.0.1: no free port")
                               : "cannot listen on 127.0.0.1:" + std::to_string(port) +
                                     ": the port is already in use or not permitted"};
  }
  impl_->port = bound;
  impl_->server = std::move(server);
  httplib::Server* raw = impl_->server.get();
  impl_->thread = std::thread([raw] { raw->listen_after_bind(); });
  // stop() only reaches a server whose accept loop has started, so wait for it here.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!raw->is_running() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return bound;
}

void DemoApiServer::setRequestLogger(std::function<void(const DemoRequestLog&)> logger) {
  impl_->logger = std::move(logger);
}

void DemoApiServer::stop() {
  if (!impl_->thread.joinable()) return;
  impl_->server->stop();
  impl_->thread.join();
  impl_->server.reset();
  impl_->port = 0;
}

bool DemoApiServer::running() const { return impl_->thread.joinable(); }

int DemoApiServer::port() const { return impl_->port.load(); }

std::string DemoApiServer::baseUrl() const { return running() ? impl_->baseUrl() : std::string(); }

}  // namespace manifold::demo
