// HttpClient against hostile or broken peers: every failure is a prompt, clear HttpError.
#include "core/http/http_client.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <future>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

#include "tests/support/local_http_server.h"
#include "tests/support/raw_tcp_server.h"

using namespace manifold::http;
using manifold::testing::LocalHttpServer;
using manifold::testing::RawConnection;
using manifold::testing::RawTcpServer;
using namespace std::chrono_literals;

namespace {

// HttpRequest is an aggregate; this keeps the tests short without designated initializers,
// which GCC's -Wmissing-field-initializers flags when fields are left out.
HttpRequest makeRequest(std::string url, std::string method = "GET", HttpHeaders headers = {},
                        std::optional<std::string> body = std::nullopt,
                        std::optional<std::chrono::milliseconds> timeout = std::nullopt) {
  HttpRequest r;
  r.url = std::move(url);
  r.method = std::move(method);
  r.headers = std::move(headers);
  r.body = std::move(body);
  r.timeout = timeout;
  return r;
}

HttpClientOptions fastOptions() {
  HttpClientOptions o;
  o.connectTimeout = 1000ms;
  o.totalTimeout = 3000ms;
  o.lowSpeedWindow = std::chrono::seconds(30);
  return o;
}

std::chrono::milliseconds timeIt(const std::function<void()>& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
}

// A gzip stream of `size` zero bytes, produced in pieces so the test never holds the plain text.
std::string gzipZeros(std::size_t size) {
  z_stream zs{};
  deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
  const std::string chunk(1 << 20, '\0');
  std::string out;
  char buffer[1 << 16];
  std::size_t left = size;
  while (true) {
    const std::size_t n = std::min(left, chunk.size());
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(chunk.data()));
    zs.avail_in = static_cast<uInt>(n);
    left -= n;
    const int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
    int rc = Z_OK;
    do {
      zs.next_out = reinterpret_cast<Bytef*>(buffer);
      zs.avail_out = sizeof buffer;
      rc = deflate(&zs, flush);
      out.append(buffer, sizeof buffer - zs.avail_out);
    } while (zs.avail_out == 0);
    if (flush == Z_FINISH && rc == Z_STREAM_END) break;
  }
  deflateEnd(&zs);
  return out;
}

bool mentions(const HttpError& e, const std::string& text) { return e.message.find(text) != std::string::npos; }

}  // namespace

TEST(HttpClientLimits, FileAndOtherSchemesAreRefusedWithoutAnyIo) {
  HttpClient client(fastOptions());
  for (const char* url : {"file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1/x", "dict://127.0.0.1/x",
                          "ldap://127.0.0.1/x", "smb://127.0.0.1/x", "scp://127.0.0.1/x", "telnet://127.0.0.1/x"}) {
    auto r = client.send(makeRequest(url));
    ASSERT_FALSE(r.ok()) << url;
    EXPECT_EQ(r.error().kind, HttpErrorKind::UnsupportedScheme) << url;
    EXPECT_TRUE(mentions(r.error(), "only http and https")) << r.error().message;
    EXPECT_TRUE(mentions(r.error(), url)) << r.error().message;
  }
}

TEST(HttpClientLimits, RedirectToFileIsRefused) {
  LocalHttpServer server;
  server.server().Get("/r", [](const httplib::Request&, httplib::Response& res) {
    res.status = 302;
    res.set_header("Location", "file:///etc/passwd");
  });
  server.start();
  HttpClient client(fastOptions());
  auto r = client.send(makeRequest(server.baseUrl() + "/r"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, HttpErrorKind::UnsupportedScheme);
  EXPECT_TRUE(mentions(r.error(), "file:///etc/passwd")) << r.error().message;
  EXPECT_TRUE(mentions(r.error(), "redirect from " + server.baseUrl() + "/r")) << r.error().message;
}

TEST(HttpClientLimits, InvalidUrlsGetAClearError) {
  HttpClient client(fastOptions());
  for (const char* url : {"not a url", "", "http://", "127.0.0.1:8080/x"}) {
    auto r = client.send(makeRequest(url));
    ASSERT_FALSE(r.ok()) << url;
    EXPECT_TRUE(r.error().kind == HttpErrorKind::InvalidUrl || r.error().kind == HttpErrorKind::UnsupportedScheme)
        << url << ": " << r.error().message;
    EXPECT_TRUE(mentions(r.error(), url)) << r.error().message;
  }
  auto noScheme = client.send(makeRequest("api.example.com/v1"));
  ASSERT_FALSE(noScheme.ok());
  EXPECT_TRUE(mentions(noScheme.error(), "must start with http:// or https://")) << noScheme.error().message;
}

TEST(HttpClientLimits, ConnectionRefusedIsAConnectError) {
  // A port that was free a moment ago and has no listener now.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  const int port = ntohs(addr.sin_port);
  ::close(fd);
  HttpClient client(fastOptions());
  const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/x";
  auto r = client.send(makeRequest(url));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, HttpErrorKind::Connect);
  EXPECT_TRUE(mentions(r.error(), url)) << r.error().message;
  EXPECT_TRUE(isTransient(r.error().kind));
}

TEST(HttpClientLimits, TotalTimeoutEndsAHangingRequest) {
  RawTcpServer server([](RawConnection& c) {
    c.readRequestHead();
    c.waitForClose();  // never answers
  });
  server.start();
  HttpClientOptions options = fastOptions();
  options.totalTimeout = 800ms;
  HttpClient client(options);
  HttpError error;
  auto took = timeIt([&] {
    auto r = client.send(makeRequest(server.baseUrl() + "/slow"));
    ASSERT_FALSE(r.ok());
    error = r.error();
  });
  EXPECT_EQ(error.kind, HttpErrorKind::Timeout);
  EXPECT_TRUE(mentions(error, "timed out after 800 ms")) << error.message;
  EXPECT_TRUE(mentions(error, server.baseUrl() + "/slow")) << error.message;
  EXPECT_GE(took, 700ms);
  EXPECT_LT(took, 2500ms);
  EXPECT_EQ(server.requestHeads().size(), 1u);
}

TEST(HttpClientLimits, PerRequestTimeoutOverridesTheClientOne) {
  RawTcpServer server([](RawConnection& c) {
    c.readRequestHead();
    c.waitForClose();
  });
  server.start();
  HttpClient client(fastOptions());  // 3 s
  auto took = timeIt([&] {
    auto r = client.send(makeRequest(server.baseUrl() + "/", "GET", {}, std::nullopt, 300ms));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, HttpErrorKind::Timeout);
  });
  EXPECT_LT(took, 1500ms);
}

TEST(HttpClientLimits, StallGuardEndsATricklingResponse) {
  RawTcpServer server([](RawConnection& c) {
    c.readRequestHead();
    c.send("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n");
    while (c.send("x") && c.sleepFor(100ms)) {
    }
  });
  server.start();
  HttpClientOptions options = fastOptions();
  options.totalTimeout = 10'000ms;
  options.lowSpeedBytesPerSecond = 1000;
  options.lowSpeedWindow = std::chrono::seconds(1);
  HttpClient client(options);
  HttpError error;
  auto took = timeIt([&] {
    auto r = client.send(makeRequest(server.baseUrl() + "/trickle"));
    ASSERT_FALSE(r.ok());
    error = r.error();
  });
  EXPECT_EQ(error.kind, HttpErrorKind::Timeout);
  EXPECT_TRUE(mentions(error, "stalled")) << error.message;
  EXPECT_TRUE(mentions(error, "/trickle")) << error.message;
  EXPECT_LT(took, 4000ms);
}

TEST(HttpClientLimits, BodyOverTheCapIsAnError) {
  LocalHttpServer server;
  server.server().Get("/big", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(3 << 20, 'x'), "application/octet-stream");
  });
  server.server().Get("/fits", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(1 << 20, 'x'), "application/octet-stream");
  });
  server.start();
  HttpClientOptions options = fastOptions();
  options.maxBodyBytes = 1 << 20;
  HttpClient client(options);
  auto fits = client.send(makeRequest(server.baseUrl() + "/fits"));
  ASSERT_TRUE(fits.ok()) << fits.error().message;
  EXPECT_EQ(fits->body.size(), std::size_t{1} << 20);
  auto big = client.send(makeRequest(server.baseUrl() + "/big"));
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().kind, HttpErrorKind::TooLarge);
  EXPECT_TRUE(mentions(big.error(), "/big")) << big.error().message;
  EXPECT_TRUE(mentions(big.error(), "1048576")) << big.error().message;
}

TEST(HttpClientLimits, GzipBombStopsAtTheDecodedCap) {
  const std::string bomb = gzipZeros(std::size_t{64} << 20);  // 64 MiB of zeros
  ASSERT_LT(bomb.size(), std::size_t{256} << 10);  // far under the cap while compressed
  LocalHttpServer server;
  server.server().Get("/bomb", [&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Encoding", "gzip");
    res.set_content(bomb, "application/octet-stream");  // not compressed again by the server
  });
  server.start();
  HttpClientOptions options = fastOptions();
  options.maxBodyBytes = 4 << 20;
  HttpClient client(options);
  auto r = client.send(makeRequest(server.baseUrl() + "/bomb"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, HttpErrorKind::TooLarge);
  EXPECT_TRUE(mentions(r.error(), "after decompression")) << r.error().message;
}

TEST(HttpClientLimits, HugeAnnouncedContentLengthFailsBeforeTheBody) {
  RawTcpServer server([](RawConnection& c) {
    c.readRequestHead();
    c.send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10737418240\r\n\r\n[1,2,");
    c.waitForClose();
  });
  server.start();
  HttpClient client(fastOptions());
  HttpError error;
  auto took = timeIt([&] {
    auto r = client.send(makeRequest(server.baseUrl() + "/huge"));
    ASSERT_FALSE(r.ok());
    error = r.error();
  });
  EXPECT_EQ(error.kind, HttpErrorKind::TooLarge);
  EXPECT_TRUE(mentions(error, "announced 10737418240 bytes")) << error.message;
  EXPECT_LT(took, 1000ms);
}

TEST(HttpClientLimits, OneHugeHeaderLineIsHeaderTooLarge) {
  RawTcpServer server([](RawConnection& c) {
    c.readRequestHead();
    c.send("HTTP/1.1 200 OK\r\nX-Big: " + std::string(200 * 1024, 'h') + "\r\nContent-Length: 2\r\n\r\n{}");
    c.waitForClose();
  });
  server.start();
  HttpClientOptions options = fastOptions();
  options.maxHeaderBytes = 1 << 20;  // so libcurl's own 100 KiB line limit is what trips
  HttpClient client(options);
  auto r = client.send(makeRequest(server.baseUrl() + "/h"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, HttpErrorKind::HeaderTooLarge) << r.error().message;
  EXPECT_EQ(r.error().curlCode, 27);  // libcurl's "Out of memory", mapped to a useful message
  EXPECT_TRUE(mentions(r.error(), "response header too large")) << r.error().message;
}

TEST(HttpClientLimits, ManyHeadersOverTheTotalCapAreHeaderTooLarge) {
  RawTcpServer server([](RawConnection& c) {
    c.readRequestHead();
    std::string head = "HTTP/1.1 200 OK\r\n";
    for (int i = 0; i < 200; ++i) head += "X-H" + std::to_string(i) + ": " + std::string(1000, 'v') + "\r\n";
    c.send(head + "Content-Length: 2\r\n\r\n{}");
    c.waitForClose();
  });
  server.start();
  HttpClientOptions options = fastOptions();
  options.maxHeaderBytes = 64 * 1024;
  HttpClient client(options);
  auto r = client.send(makeRequest(server.baseUrl() + "/h"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, HttpErrorKind::HeaderTooLarge);
  EXPECT_TRUE(mentions(r.error(), "65536")) << r.error().message;
}

TEST(HttpClientLimits, TruncatedBodyIsAProtocolError) {
  RawTcpServer server([](RawConnection& c) {
    c.readRequestHead();
    c.send("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{\"partial\":");
  });  // the handler returns: the server closes the connection mid-body
  server.start();
  HttpClient client(fastOptions());
  auto r = client.send(makeRequest(server.baseUrl() + "/t"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, HttpErrorKind::Protocol);
  EXPECT_TRUE(mentions(r.error(), "truncated")) << r.error().message;
}

TEST(HttpClientLimits, EmptyReplyIsAProtocolError) {
  RawTcpServer server([](RawConnection& c) { c.readRequestHead(); });
  server.start();
  HttpClient client(fastOptions());
  auto r = client.send(makeRequest(server.baseUrl() + "/e"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, HttpErrorKind::Protocol);
  EXPECT_TRUE(mentions(r.error(), "without replying")) << r.error().message;
}

TEST(HttpClientLimits, CancellationReturnsPromptly) {
  RawTcpServer server([](RawConnection& c) {
    c.readRequestHead();
    c.waitForClose();
  });
  server.start();
  HttpClientOptions options = fastOptions();
  options.totalTimeout = 30'000ms;
  HttpClient client(options);
  std::stop_source stop;
  auto canceller = std::async(std::launch::async, [&] {
    std::this_thread::sleep_for(200ms);
    stop.request_stop();
  });
  HttpError error;
  auto took = timeIt([&] {
    auto r = client.send(makeRequest(server.baseUrl() + "/wait"), stop.get_token());
    ASSERT_FALSE(r.ok());
    error = r.error();
  });
  canceller.get();
  EXPECT_EQ(error.kind, HttpErrorKind::Cancelled);
  EXPECT_TRUE(mentions(error, "/wait")) << error.message;
  EXPECT_LT(took, 600ms);

  // An already stopped token sends nothing.
  auto before = server.requestHeads().size();
  auto r = client.send(makeRequest(server.baseUrl() + "/never"), stop.get_token());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, HttpErrorKind::Cancelled);
  EXPECT_EQ(server.requestHeads().size(), before);
}

TEST(HttpClientLimits, ClientStillWorksAfterAFailedRequest) {
  LocalHttpServer server;
  server.server().Get("/big", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(2 << 20, 'x'), "text/plain");
  });
  server.server().Get("/ok", [](const httplib::Request&, httplib::Response& res) { res.set_content("fine", "text/plain"); });
  server.start();
  HttpClientOptions options = fastOptions();
  options.maxBodyBytes = 1 << 20;
  HttpClient client(options);
  EXPECT_FALSE(client.send(makeRequest(server.baseUrl() + "/big")).ok());
  auto r = client.send(makeRequest(server.baseUrl() + "/ok"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->body, "fine");
}
