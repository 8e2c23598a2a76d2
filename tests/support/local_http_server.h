// An HTTP server on 127.0.0.1 at a free port, started and stopped by a test.
#pragma once

#include <httplib.h>

#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace manifold::testing {

// What the server received, so tests can assert the requests, not only the results.
struct ReceivedRequest {
  std::string method;
  std::string path;    // without the query
  std::string target;  // path with the query as sent
  httplib::Headers headers;
  httplib::Params params;
  std::string body;
  int remotePort = 0;  // the client's port: requests on one kept-alive connection share it

  std::string header(const std::string& name) const;
  std::string param(const std::string& name) const;
};

class LocalHttpServer {
 public:
  LocalHttpServer();
  ~LocalHttpServer();
  LocalHttpServer(const LocalHttpServer&) = delete;
  LocalHttpServer& operator=(const LocalHttpServer&) = delete;

  // Register handlers before start(); httplib's own routing API.
  httplib::Server& server() { return server_; }

  // Binds 127.0.0.1 on a free port and serves on a background thread.
  void start();
  void stop();

  int port() const { return port_; }
  std::string baseUrl() const;  // "http://127.0.0.1:<port>"

  std::vector<ReceivedRequest> requests() const;
  std::size_t requestCount() const;
  void clearRequests();

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::vector<ReceivedRequest> requests_;
};

}  // namespace manifold::testing
