// An HTTP server on 127.0.0.1 at a free port, started and stopped by a test.
#include "tests/support/local_http_server.h"

#include <chrono>
#include <stdexcept>

namespace manifold::testing {

std::string ReceivedRequest::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

std::string ReceivedRequest::param(const std::string& name) const {
  auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

LocalHttpServer::LocalHttpServer() {
  // Recorded after routing: cpp-httplib reads a request body only when a handler for that
  // method runs, so a pre-routing record would always see an empty body.
  server_.set_post_routing_handler([this](const httplib::Request& req, httplib::Response&) {
    ReceivedRequest r{req.method, req.path, req.target, req.headers, req.params, req.body, req.remote_port};
    std::lock_guard lock(mutex_);
    requests_.push_back(std::move(r));
  });
}

LocalHttpServer::~LocalHttpServer() { stop(); }

void LocalHttpServer::start() {
  port_ = server_.bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("LocalHttpServer: cannot bind 127.0.0.1");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  for (int i = 0; i < 500 && !server_.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

void LocalHttpServer::stop() {
  if (thread_.joinable()) {
    server_.stop();
    thread_.join();
  }
}

std::string LocalHttpServer::baseUrl() const { return "http://127.0.0.1:" + std::to_string(port_); }

std::vector<ReceivedRequest> LocalHttpServer::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

std::size_t LocalHttpServer::requestCount() const {
  std::lock_guard lock(mutex_);
  return requests_.size();
}

void LocalHttpServer::clearRequests() {
  std::lock_guard lock(mutex_);
  requests_.clear();
}

}  // namespace manifold::testing
