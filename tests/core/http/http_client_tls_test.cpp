// TLS: verification is always on, a custom CA bundle is the way to trust a private CA, and an
// https → http redirect is refused unless allowed.
#include "core/http/http_client.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include <unistd.h>

#include "tests/support/local_http_server.h"

using namespace manifold::http;
using manifold::testing::LocalHttpServer;

namespace {

// A self-signed certificate for 127.0.0.1, made once per test run with the openssl tool.
class TlsServer {
 public:
  TlsServer() {
    dir_ = std::filesystem::temp_directory_path() / ("manifold-tls-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    cert_ = (dir_ / "cert.pem").string();
    key_ = (dir_ / "key.pem").string();
    const std::string command = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=127.0.0.1 "
                                "-addext subjectAltName=IP:127.0.0.1 -keyout " + key_ + " -out " + cert_ +
                                " >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("openssl could not make a test certificate");
    server_ = std::make_unique<httplib::SSLServer>(cert_.c_str(), key_.c_str());
  }
  ~TlsServer() {
    if (thread_.joinable()) {
      server_->stop();
      thread_.join();
    }
    std::filesystem::remove_all(dir_);
  }
  httplib::Server& server() { return *server_; }
  void start() {
    port_ = server_->bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    for (int i = 0; i < 500 && !server_->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  std::string baseUrl() const { return "https://127.0.0.1:" + std::to_string(port_); }
  const std::string& certPath() const { return cert_; }

 private:
  std::filesystem::path dir_;
  std::string cert_;
  std::string key_;
  std::unique_ptr<httplib::SSLServer> server_;
  std::thread thread_;
  int port_ = 0;
};

HttpRequest get(std::string url) {
  HttpRequest r;
  r.url = std::move(url);
  return r;
}

HttpClientOptions fastOptions() {
  HttpClientOptions o;
  o.connectTimeout = std::chrono::milliseconds(2000);
  o.totalTimeout = std::chrono::milliseconds(5000);
  return o;
}

}  // namespace

TEST(HttpClientTls, UntrustedCertificateIsATlsErrorAndACustomBundleTrustsIt) {
  TlsServer server;
  server.server().Get("/secure", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("private", "application/octet-stream");
  });
  server.start();

  HttpClient strict(fastOptions());
  auto refused = strict.send(get(server.baseUrl() + "/secure"));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, HttpErrorKind::Tls) << refused.error().message;
  EXPECT_NE(refused.error().message.find(server.baseUrl() + "/secure"), std::string::npos) << refused.error().message;

  HttpClientOptions options = fastOptions();
  options.caBundlePath = server.certPath();
  HttpClient trusting(options);
  auto r = trusting.send(get(server.baseUrl() + "/secure"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->body, "private");
}

TEST(HttpClientTls, HttpsToHttpRedirectIsRefusedUnlessAllowed) {
  LocalHttpServer plain;
  plain.server().Get("/insecure", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("plain", "application/octet-stream");
  });
  plain.start();
  TlsServer server;
  const std::string target = plain.baseUrl() + "/insecure";
  server.server().Get("/r", [&](const httplib::Request&, httplib::Response& res) { res.set_redirect(target, 302); });
  server.start();

  HttpClientOptions options = fastOptions();
  options.caBundlePath = server.certPath();
  HttpClient client(options);
  auto refused = client.send(get(server.baseUrl() + "/r"));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, HttpErrorKind::InsecureRedirect);
  EXPECT_NE(refused.error().message.find("downgrades https to http"), std::string::npos) << refused.error().message;
  EXPECT_EQ(plain.requestCount(), 0u);

  options.allowHttpsToHttpRedirect = true;
  HttpClient allowing(options);
  auto r = allowing.send(get(server.baseUrl() + "/r"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->body, "plain");
  EXPECT_EQ(plain.requestCount(), 1u);
}
