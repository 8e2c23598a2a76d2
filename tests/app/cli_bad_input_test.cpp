// manifold-cli read against servers that misbehave: an unreachable host, a server that never
// answers, 500 forever, a truncated body, invalid JSON, a body that is not JSON at all, and a
// 10 GB Content-Length. Each run ends promptly: a transport or HTTP failure with a TRACE error
// naming the URL and a non-zero exit; an undecodable 200 as the reference reads it (a warning and
// no records).
#include "tests/support/local_http_server.h"
#include "tests/support/process_runner.h"
#include "tests/support/raw_tcp_server.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace manifold::cli {
namespace {

using manifold::testing::binaryPath;
using manifold::testing::LocalHttpServer;
using manifold::testing::ProcessOptions;
using manifold::testing::ProcessResult;
using manifold::testing::RawConnection;
using manifold::testing::RawTcpServer;
using manifold::testing::runProcess;
using namespace std::chrono_literals;

// One stream "items" at BASE/items with `maxRetries` retries at the default waits (1 s, 2 s, …).
std::string manifestFor(const std::string& base, int maxRetries) {
  return "version: 6.4.0\n"
         "type: DeclarativeSource\n"
         "check: {type: CheckStream, stream_names: [items]}\n"
         "streams:\n"
         "  - type: DeclarativeStream\n"
         "    name: items\n"
         "    primary_key: [id]\n"
         "    schema_loader: {type: InlineSchemaLoader, schema: {type: object}}\n"
         "    retriever:\n"
         "      type: SimpleRetriever\n"
         "      requester:\n"
         "        type: HttpRequester\n"
         "        url_base: " + base + "\n"
         "        path: /items\n"
         "        error_handler: {type: DefaultErrorHandler, max_retries: " + std::to_string(maxRetries) + "}\n"
         "      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}\n";
}

struct CliRun {
  ProcessResult process;
  std::vector<nlohmann::json> messages;
  std::chrono::steady_clock::duration took{};

  // The stream's error TRACE, or null.
  nlohmann::json errorTrace() const {
    for (const auto& m : messages) {
      if (m.value("type", "") == "TRACE" && m["trace"].value("type", "") == "ERROR" && m["trace"]["error"].contains("stream_descriptor")) {
        return m["trace"]["error"];
      }
    }
    return nullptr;
  }
  std::size_t count(const std::string& type) const {
    std::size_t n = 0;
    for (const auto& m : messages) n += m.value("type", "") == type ? 1 : 0;
    return n;
  }
};

class CliBadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("manifold-cli-bad-input-" + std::to_string(::getpid()) + "-" +
                                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "config.json") << "{}";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  CliRun read(const std::string& base, int maxRetries, std::vector<std::string> extra = {}) {
    std::ofstream(dir_ / "manifest.yaml") << manifestFor(base, maxRetries);
    std::vector<std::string> args{"read", "--manifest", (dir_ / "manifest.yaml").string(), "--config", (dir_ / "config.json").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    ProcessOptions options;
    options.timeout = 60s;
    CliRun run;
    const auto start = std::chrono::steady_clock::now();
    run.process = runProcess(binaryPath("manifold-cli"), args, options);
    run.took = std::chrono::steady_clock::now() - start;
    std::istringstream lines(run.process.out);
    for (std::string line; std::getline(lines, line);) {
      auto message = nlohmann::json::parse(line, nullptr, false);
      EXPECT_FALSE(message.is_discarded()) << "not a protocol message: " << line;
      if (!message.is_discarded()) run.messages.push_back(std::move(message));
    }
    EXPECT_FALSE(run.process.timedOut) << "manifold-cli hung";
    return run;
  }

  // The run failed the stream with a TRACE whose message contains each of `words`.
  static void expectFailedWith(const CliRun& run, const std::vector<std::string>& words, const std::string& failureType) {
    EXPECT_EQ(run.process.exitCode, 1) << run.process.out << run.process.err;
    const auto trace = run.errorTrace();
    ASSERT_TRUE(trace.is_object()) << run.process.out;
    EXPECT_EQ(trace["stream_descriptor"]["name"], "items");
    EXPECT_EQ(trace["failure_type"], failureType) << trace.dump();
    const std::string message = trace.value("message", "") + " " + trace.value("internal_message", "");
    for (const auto& word : words) EXPECT_NE(message.find(word), std::string::npos) << word << " not in: " << message;
    EXPECT_EQ(run.count("RECORD"), 0u);
  }

  std::filesystem::path dir_;
};

TEST_F(CliBadInput, UnreachableHostIsRetriedThenATransientTrace) {
  // Nothing listens on port 1.
  const auto run = read("http://127.0.0.1:1", 1);
  expectFailedWith(run, {"Exhausted available request attempts (2)", "http://127.0.0.1:1/items"}, "transient_error");
}

TEST_F(CliBadInput, ServerThatNeverAnswersTimesOutAtTheRequestTimeout) {
  RawTcpServer server([](RawConnection& c) {
    c.readRequestHead();
    c.waitForClose();  // accepts, reads the request, never answers
  });
  server.start();
  const auto run = read(server.baseUrl(), 1, {"--request-timeout", "1"});
  expectFailedWith(run, {"timed out after 1000 ms", "/items"}, "transient_error");
  EXPECT_EQ(server.connectionCount(), 2u);  // the first try and one retry
  EXPECT_LT(run.took, 30s);
}

TEST_F(CliBadInput, FiveHundredForeverRetriesThenFails) {
  LocalHttpServer server;
  std::atomic<int> calls{0};
  server.server().Get("/items", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    res.status = 500;
    res.set_content(R"({"error": "database on fire"})", "application/json");
  });
  server.start();
  const auto run = read(server.baseUrl(), 2);
  expectFailedWith(run, {"Exhausted available request attempts (3)", "/items", "database on fire"}, "transient_error");
  EXPECT_EQ(calls.load(), 3);
  // Each retry was announced in a LOG before it was made.
  std::size_t retries = 0;
  for (const auto& m : run.messages) {
    if (m.value("type", "") == "LOG" && m["log"]["message"].get<std::string>().rfind("Retrying", 0) == 0) ++retries;
  }
  EXPECT_EQ(retries, 2u);
}

TEST_F(CliBadInput, TruncatedBodyFailsNamingTheUrl) {
  RawTcpServer server([](RawConnection& c) {
    c.readRequestHead();
    c.send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"data\": [{\"id\": 1},");
  });  // the connection closes 980 bytes early
  server.start();
  const auto run = read(server.baseUrl(), 0);
  expectFailedWith(run, {"truncated", "/items"}, "transient_error");
}

TEST_F(CliBadInput, TenGigabyteContentLengthFailsBeforeTheBody) {
  RawTcpServer server([](RawConnection& c) {
    c.readRequestHead();
    c.send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10737418240\r\n\r\n{\"data\": [");
    c.waitForClose();
  });
  server.start();
  const auto run = read(server.baseUrl(), 3);
  expectFailedWith(run, {"10737418240", "/items"}, "system_error");
  EXPECT_EQ(server.connectionCount(), 1u);  // too large is not worth a retry
  EXPECT_LT(run.took, 30s);
}

// A 200 whose body JSON cannot decode: the reference's JsonDecoder yields no records and the
// stream completes; Manifold adds a warning naming the URL and the body's start.
void expectUndecodableBodyWarning(const CliRun& run, const std::string& bodyStart) {
  EXPECT_EQ(run.process.exitCode, 0) << run.process.out << run.process.err;
  EXPECT_EQ(run.count("RECORD"), 0u);
  bool warned = false;
  for (const auto& m : run.messages) {
    if (m.value("type", "") != "LOG" || m["log"]["level"] != "WARN") continue;
    const std::string text = m["log"]["message"];
    warned = warned || (text.find("is not valid JSON") != std::string::npos && text.find("/items") != std::string::npos &&
                        text.find(bodyStart) != std::string::npos);
  }
  EXPECT_TRUE(warned) << run.process.out;
}

TEST_F(CliBadInput, InvalidJsonBodyIsAWarningAndNoRecords) {
  LocalHttpServer server;
  server.server().Get("/items", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"data": [{"id": 1}, {"id": )", "application/json");
  });
  server.start();
  expectUndecodableBodyWarning(read(server.baseUrl(), 0), R"({"data": [{"id": 1})");
}

TEST_F(CliBadInput, HtmlInsteadOfJsonIsAWarningAndNoRecords) {
  LocalHttpServer server;
  server.server().Get("/items", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<html><body>Please sign in</body></html>", "text/html");
  });
  server.start();
  expectUndecodableBodyWarning(read(server.baseUrl(), 0), "Please sign in");
}

}  // namespace
}  // namespace manifold::cli
