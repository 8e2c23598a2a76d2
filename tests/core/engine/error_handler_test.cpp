// Error handling: every action and backoff checked by the server's counters, and bad input
// (unreachable host, 500 forever, 404) ending with a clear failure, no hang.
#include "tests/core/engine/engine_test_support.h"
#include "tests/support/local_http_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;
using manifold::testing::LocalHttpServer;

class ErrorHandlerTest : public ::testing::Test {
 protected:
  // `failures` responses with `status` (and body), then 200 with one record.
  void serve(int status, int failures, std::string body = R"({"error": "boom"})",
             httplib::Headers headers = {}) {
    server_.server().Get("/items", [this, status, failures, body, headers](const httplib::Request&, httplib::Response& res) {
      const int n = calls_++;
      if (failures < 0 || n < failures) {
        res.status = status;
        for (const auto& [k, v] : headers) res.set_header(k, v);
        res.set_content(body, "application/json");
        return;
      }
      res.set_content(R"({"data": [{"id": 1}]})", "application/json");
    });
    server_.start();
  }

  CollectedRead readWith(const std::string& errorHandler, const ReadOptions& options = fastOptions()) {
    source_ = buildSource(withBase(oneStreamManifest("        type: HttpRequester\n"
                                                     "        url_base: BASE\n"
                                                     "        path: /items\n" + errorHandler),
                                   server_.baseUrl()));
    if (!source_) return {};
    return collect(*source_, "items", options);
  }

  LocalHttpServer server_;
  std::atomic<int> calls_{0};
  std::shared_ptr<const DeclarativeSource> source_;
};

TEST_F(ErrorHandlerTest, Default500IsRetriedThenSucceeds) {
  serve(500, 2);
  auto read = readWith("");
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(calls_.load(), 3);
  EXPECT_EQ(read.records.size(), 1u);
  ASSERT_EQ(read.exchangeInfos.size(), 3u);
  EXPECT_TRUE(read.exchangeInfos[0].willRetry);
  EXPECT_EQ(read.exchangeInfos[2].attempt, 3);
}

TEST_F(ErrorHandlerTest, FiveHundredForeverExhaustsMaxRetries) {
  serve(500, -1);
  auto read = readWith("        error_handler: {type: DefaultErrorHandler, max_retries: 2}\n");
  ASSERT_TRUE(read.result.failure);
  EXPECT_EQ(calls_.load(), 3);  // max_retries + 1 attempts
  EXPECT_NE(read.result.failure->message.find("Exhausted available request attempts (3)"), std::string::npos);
  EXPECT_EQ(read.result.failure->failureType, protocol::FailureType::TransientError);
  EXPECT_NE(read.result.failure->internalMessage.find("status code '500'"), std::string::npos);
  EXPECT_NE(read.result.failure->internalMessage.find("boom"), std::string::npos);
}

TEST_F(ErrorHandlerTest, NotFoundFailsAtOnceWithTheReferenceMessage) {
  serve(404, -1);
  auto read = readWith("");
  ASSERT_TRUE(read.result.failure);
  EXPECT_EQ(calls_.load(), 1);
  EXPECT_EQ(read.result.failure->message,
            "HTTP Status Code: 404. Error: Not found. The requested resource was not found on the server.");
  EXPECT_EQ(read.result.failure->failureType, protocol::FailureType::SystemError);
}

TEST_F(ErrorHandlerTest, UnauthorizedIsAConfigError) {
  serve(401, -1);
  auto read = readWith("");
  ASSERT_TRUE(read.result.failure);
  EXPECT_EQ(read.result.failure->failureType, protocol::FailureType::ConfigError);
}

TEST_F(ErrorHandlerTest, FailFilterWithMessageAndFailureType) {
  serve(403, -1, R"({"message": "plan too small"})");
  auto read = readWith(
      "        error_handler:\n"
      "          type: DefaultErrorHandler\n"
      "          response_filters:\n"
      "            - type: HttpResponseFilter\n"
      "              action: FAIL\n"
      "              http_codes: [403]\n"
      "              failure_type: transient_error\n"
      "              error_message: \"Denied: {{ response.message }}\"\n");
  ASSERT_TRUE(read.result.failure);
  EXPECT_EQ(read.result.failure->message, "Denied: plan too small");
  EXPECT_EQ(read.result.failure->failureType, protocol::FailureType::TransientError);
}

TEST_F(ErrorHandlerTest, IgnoreFilterEndsTheSliceWithoutFailure) {
  serve(400, -1);
  auto read = readWith(
      "        error_handler:\n"
      "          type: DefaultErrorHandler\n"
      "          response_filters: [{type: HttpResponseFilter, action: IGNORE, http_codes: [400]}]\n");
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(calls_.load(), 1);
  EXPECT_TRUE(read.records.empty());
}

TEST_F(ErrorHandlerTest, FilterMatchesErrorMessageContainsOn200) {
  serve(200, 1, R"({"errors": [{"message": "try later"}]})");
  auto read = readWith(
      "        error_handler:\n"
      "          type: DefaultErrorHandler\n"
      "          backoff_strategies: [{type: ConstantBackoffStrategy, backoff_time_in_seconds: 0}]\n"
      "          response_filters: [{type: HttpResponseFilter, action: RETRY, error_message_contains: later}]\n");
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(calls_.load(), 2);
  EXPECT_EQ(read.records.size(), 1u);
}

TEST_F(ErrorHandlerTest, PredicateSeesResponseAndHeaders) {
  serve(200, 1, R"({"status": "pending"})", {{"X-State", "busy"}});
  auto read = readWith(
      "        error_handler:\n"
      "          type: DefaultErrorHandler\n"
      "          response_filters:\n"
      "            - type: HttpResponseFilter\n"
      "              action: RETRY\n"
      "              predicate: \"{{ response.status == 'pending' and headers['X-State'] == 'busy' }}\"\n");
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(calls_.load(), 2);
}

TEST_F(ErrorHandlerTest, RateLimitedRetryWaitsPerRetryAfterHeader) {
  serve(429, 1, "{}", {{"Retry-After", "2"}});
  // Scale 0.05: the reference's wait (2 s + 1 s) becomes 150 ms.
  ReadOptions options;
  options.backoffScale = 0.05;
  const auto start = std::chrono::steady_clock::now();
  auto read = readWith(
      "        error_handler:\n"
      "          type: DefaultErrorHandler\n"
      "          backoff_strategies: [{type: WaitTimeFromHeader, header: retry-after}]\n",
      options);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(calls_.load(), 2);
  EXPECT_GE(elapsed, std::chrono::milliseconds(140));
}

TEST_F(ErrorHandlerTest, RateLimitExhaustedSaysSo) {
  serve(429, -1);
  auto read = readWith("        error_handler: {type: DefaultErrorHandler, max_retries: 1}\n");
  ASSERT_TRUE(read.result.failure);
  EXPECT_EQ(calls_.load(), 2);
  EXPECT_NE(read.result.failure->message.find("API rate limit exceeded."), std::string::npos);
  EXPECT_EQ(read.result.failure->failureType, protocol::FailureType::TransientError);
}

TEST_F(ErrorHandlerTest, CompositeHandlerFallsThroughFail) {
  serve(418, 1);
  auto read = readWith(
      "        error_handler:\n"
      "          type: CompositeErrorHandler\n"
      "          error_handlers:\n"
      "            - type: DefaultErrorHandler\n"
      "              response_filters: [{type: HttpResponseFilter, action: FAIL, http_codes: [418]}]\n"
      "            - type: DefaultErrorHandler\n"
      "              response_filters: [{type: HttpResponseFilter, action: RETRY, http_codes: [418]}]\n");
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(calls_.load(), 2);
}

TEST_F(ErrorHandlerTest, StopTokenInterruptsABackoffWait) {
  serve(500, -1);
  std::stop_source stop;
  ReadOptions options;  // reference timing: 1 s, 2 s, ... between attempts
  std::thread canceller([&stop] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    stop.request_stop();
  });
  const auto start = std::chrono::steady_clock::now();
  source_ = buildSource(withBase(oneStreamManifest("        type: HttpRequester\n        url_base: BASE\n        path: /items\n"),
                                 server_.baseUrl()));
  ASSERT_TRUE(source_);
  auto read = collect(*source_, "items", options, stop.get_token());
  canceller.join();
  EXPECT_TRUE(read.result.cancelled);
  EXPECT_FALSE(read.result.failure);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
}

TEST(ErrorHandlerBadInput, UnreachableHostFailsClearly) {
  // Port 1 on 127.0.0.1 refuses connections.
  auto source = buildSource(oneStreamManifest("        type: HttpRequester\n"
                                              "        url_base: http://127.0.0.1:1\n"
                                              "        path: /items\n"
                                              "        error_handler: {type: DefaultErrorHandler, max_retries: 1}\n"));
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.failure);
  EXPECT_NE(read.result.failure->message.find("127.0.0.1:1"), std::string::npos) << read.result.failure->message;
  EXPECT_EQ(read.result.failure->failureType, protocol::FailureType::TransientError);
}

}  // namespace
}  // namespace manifold::engine
