// GET throughput of HttpClient from a keep-alive server on 127.0.0.1 serving ~1 MB JSON pages.
#include <benchmark/benchmark.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/http/http_client.h"

using namespace manifold::http;

namespace {

std::string jsonPage() {
  std::string body = "{\"data\":[";
  for (int i = 0; i < 1000; ++i) {
    if (i > 0) body += ',';
    body += "{\"id\":" + std::to_string(i) + ",\"email\":\"user" + std::to_string(i) +
            "@example.com\",\"notes\":\"" + std::string(900, 'n') + "\",\"active\":true}";
  }
  return body + "]}";
}

std::string gzip(const std::string& input) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, input.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
  zs.avail_in = static_cast<uInt>(input.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// A minimal keep-alive HTTP/1.1 server answering every request with one prepared response,
// with TCP_NODELAY like nginx, so the figure measures the client and not Nagle's algorithm.
class PageServer {
 public:
  explicit PageServer(std::string response) : response_(std::move(response)) {
    listenFd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(listenFd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(listenFd_, 8);
    socklen_t len = sizeof addr;
    ::getsockname(listenFd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    acceptor_ = std::thread([this] { acceptLoop(); });
  }
  ~PageServer() {
    stop_ = true;
    acceptor_.join();
    {
      std::lock_guard lock(mutex_);
      for (int fd : fds_) ::shutdown(fd, SHUT_RDWR);
    }
    for (auto& t : workers_) t.join();
    for (int fd : fds_) ::close(fd);
    ::close(listenFd_);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/page"; }

 private:
  void acceptLoop() {
    while (!stop_) {
      pollfd p{listenFd_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      int fd = ::accept(listenFd_, nullptr, nullptr);
      if (fd < 0) continue;
      int one = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      std::lock_guard lock(mutex_);
      fds_.push_back(fd);
      workers_.emplace_back([this, fd] { serve(fd); });
    }
  }
  void serve(int fd) {
    std::string pending;
    char buf[8192];
    while (!stop_) {
      const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) return;
      pending.append(buf, static_cast<std::size_t>(n));
      std::size_t end;
      while ((end = pending.find("\r\n\r\n")) != std::string::npos) {
        pending.erase(0, end + 4);
        std::string_view out = response_;
        while (!out.empty()) {
          const ssize_t sent = ::send(fd, out.data(), out.size(), MSG_NOSIGNAL);
          if (sent <= 0) return;
          out.remove_prefix(static_cast<std::size_t>(sent));
        }
      }
    }
  }

  std::string response_;
  int listenFd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread acceptor_;
  std::mutex mutex_;
  std::vector<int> fds_;
  std::vector<std::thread> workers_;
};

void runGets(benchmark::State& state, const std::string& contentEncoding) {
  const std::string body = jsonPage();
  const std::string wire = contentEncoding.empty() ? body : gzip(body);
  std::string head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                     std::to_string(wire.size()) + "\r\n";
  if (!contentEncoding.empty()) head += "Content-Encoding: " + contentEncoding + "\r\n";
  PageServer server(head + "\r\n" + wire);
  HttpClient client;
  HttpRequest request;
  request.url = server.url();
  std::int64_t bytes = 0;
  for (auto _ : state) {
    auto r = client.send(request);
    if (!r.ok()) {
      state.SkipWithError(r.error().message.c_str());
      return;
    }
    bytes += static_cast<std::int64_t>(r->body.size());
  }
  state.SetBytesProcessed(bytes);  // decoded JSON bytes, the unit of the 150 MB/s target
  state.SetItemsProcessed(state.iterations());
}

void BM_GetJsonPage(benchmark::State& state) { runGets(state, ""); }
BENCHMARK(BM_GetJsonPage)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_GetGzipJsonPage(benchmark::State& state) { runGets(state, "gzip"); }
BENCHMARK(BM_GetGzipJsonPage)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
