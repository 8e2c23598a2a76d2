// A TCP server on 127.0.0.1 whose replies a test scripts byte by byte: hanging, trickling,
// oversized headers, lying lengths — peers an HTTP library would never produce.
#include "tests/support/raw_tcp_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace manifold::testing {

RawConnection::RawConnection(int fd, RawTcpServer& server) : fd_(fd), server_(server) {}

bool RawConnection::stopping() const { return server_.stopping_.load(); }

std::string RawConnection::readRequestHead() {
  while (!stopping()) {
    if (auto end = pending_.find("\r\n\r\n"); end != std::string::npos) {
      std::string head = pending_.substr(0, end + 4);
      pending_.erase(0, end + 4);
      std::lock_guard lock(server_.mutex_);
      server_.heads_.push_back(head);
      return head;
    }
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    char buf[4096];
    const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) return {};
    pending_.append(buf, static_cast<std::size_t>(n));
  }
  return {};
}

std::string RawConnection::readBytes(std::size_t n) {
  while (pending_.size() < n && !stopping()) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    char buf[4096];
    const ssize_t got = ::recv(fd_, buf, sizeof buf, 0);
    if (got <= 0) break;
    pending_.append(buf, static_cast<std::size_t>(got));
  }
  std::string out = pending_.substr(0, n);
  pending_.erase(0, out.size());
  return out;
}

bool RawConnection::send(std::string_view data) {
  while (!data.empty()) {
    if (stopping()) return false;
    const ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool RawConnection::sleepFor(std::chrono::milliseconds duration) {
  const auto until = std::chrono::steady_clock::now() + duration;
  while (std::chrono::steady_clock::now() < until) {
    if (stopping()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return !stopping();
}

void RawConnection::waitForClose() {
  while (!stopping()) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    char buf[4096];
    if (::recv(fd_, buf, sizeof buf, 0) <= 0) return;
  }
}

RawTcpServer::RawTcpServer(Handler handler) : handler_(std::move(handler)) {}

RawTcpServer::~RawTcpServer() { stop(); }

void RawTcpServer::start() {
  listenFd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (listenFd_ < 0) throw std::runtime_error("RawTcpServer: socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(listenFd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listenFd_, 16) != 0) {
    throw std::runtime_error("RawTcpServer: cannot bind 127.0.0.1");
  }
  socklen_t len = sizeof addr;
  ::getsockname(listenFd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  acceptThread_ = std::thread([this] { acceptLoop(); });
}

void RawTcpServer::acceptLoop() {
  while (!stopping_.load()) {
    pollfd p{listenFd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const int fd = ::accept(listenFd_, nullptr, nullptr);
    if (fd < 0) continue;
    connections_.fetch_add(1);
    std::lock_guard lock(mutex_);
    fds_.push_back(fd);
    workers_.emplace_back([this, fd] {
      RawConnection connection(fd, *this);
      handler_(connection);
      ::shutdown(fd, SHUT_RDWR);
    });
  }
}

std::vector<std::string> RawTcpServer::requestHeads() const {
  std::lock_guard lock(mutex_);
  return heads_;
}

void RawTcpServer::stop() {
  if (listenFd_ < 0) return;
  stopping_.store(true);
  if (acceptThread_.joinable()) acceptThread_.join();
  std::vector<std::thread> workers;
  {
    std::lock_guard lock(mutex_);
    for (int fd : fds_) ::shutdown(fd, SHUT_RDWR);
    workers.swap(workers_);
  }
  for (auto& w : workers) w.join();
  for (int fd : fds_) ::close(fd);
  fds_.clear();
  ::close(listenFd_);
  listenFd_ = -1;
}

}  // namespace manifold::testing
