// A TCP server on 127.0.0.1 whose replies a test scripts byte by byte: hanging, trickling,
// oversized headers, lying lengths — peers an HTTP library would never produce.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace manifold::testing {

class RawTcpServer;

class RawConnection {
 public:
  RawConnection(int fd, RawTcpServer& server);

  // Reads up to and including the blank line that ends a request head; "" on EOF or stop.
  std::string readRequestHead();
  // Reads exactly n bytes after the head (a request body); fewer on EOF or stop.
  std::string readBytes(std::size_t n);
  // Sends everything; false when the peer went away or the server is stopping.
  bool send(std::string_view data);
  // Sleeps, returning early (false) when the server stops.
  bool sleepFor(std::chrono::milliseconds duration);
  // Blocks until the peer closes the connection or the server stops.
  void waitForClose();
  bool stopping() const;

 private:
  int fd_;
  RawTcpServer& server_;
  std::string pending_;
};

class RawTcpServer {
 public:
  using Handler = std::function<void(RawConnection&)>;

  explicit RawTcpServer(Handler handler);
  ~RawTcpServer();
  RawTcpServer(const RawTcpServer&) = delete;
  RawTcpServer& operator=(const RawTcpServer&) = delete;

  void start();  // binds 127.0.0.1 on a free port; each connection runs the handler on its thread
  void stop();   // unblocks every handler, joins all threads

  int port() const { return port_; }
  std::string baseUrl() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::size_t connectionCount() const { return connections_.load(); }
  std::vector<std::string> requestHeads() const;

 private:
  friend class RawConnection;
  void acceptLoop();

  Handler handler_;
  int listenFd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<std::size_t> connections_{0};
  std::thread acceptThread_;
  mutable std::mutex mutex_;
  std::vector<std::thread> workers_;
  std::vector<int> fds_;
  std::vector<std::string> heads_;
};

}  // namespace manifold::testing
