// Backoff strategies and the retry budget: WaitUntilTimeFromHeader's waits (pinned clock), the
// first strategy that yields a time wins, and max_time ends a retry loop that max_retries would
// let go on — each checked by what the server counted.
#include "core/engine/errors/wait_time_from_header.h"
#include "core/engine/errors/wait_until_time_from_header.h"
#include "tests/core/engine/engine_test_support.h"
#include "tests/support/local_http_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;
using manifold::testing::LocalHttpServer;

constexpr double kNow = 1600000000.0;

http::HttpResponse responseWithHeader(const std::string& name, const std::string& value) {
  http::HttpResponse response;
  response.status = 429;
  response.headers.emplace_back(name, value);
  return response;
}

WaitUntilTimeFromHeader untilStrategy(std::optional<std::string> regex = std::nullopt, std::optional<double> minWait = std::nullopt,
                                      std::optional<double> cap = std::nullopt) {
  return WaitUntilTimeFromHeader("wait_until", std::move(regex), minWait, cap, [] { return kNow; });
}

TEST(WaitUntilTimeFromHeader, WaitsUntilTheEpochTheHeaderNames) {
  const auto response = responseWithHeader("Wait_Until", "1600000060");
  EXPECT_EQ(untilStrategy().backoffSeconds(&response, 1), 60.0);
  const auto fractional = responseWithHeader("wait_until", "1600000060.5");
  EXPECT_EQ(untilStrategy().backoffSeconds(&fractional, 1), 60.5);
}

TEST(WaitUntilTimeFromHeader, ATimeInThePastGivesNoWaitUnlessMinWaitIsSet) {
  const auto past = responseWithHeader("wait_until", "1500000000");
  EXPECT_EQ(untilStrategy().backoffSeconds(&past, 1), std::nullopt);
  EXPECT_EQ(untilStrategy(std::nullopt, 5.0).backoffSeconds(&past, 1), 5.0);
}

TEST(WaitUntilTimeFromHeader, MinWaitRaisesAShortWait) {
  const auto response = responseWithHeader("wait_until", "1600000060");
  EXPECT_EQ(untilStrategy(std::nullopt, 120.0).backoffSeconds(&response, 1), 120.0);
}

TEST(WaitUntilTimeFromHeader, MissingOrNonNumericHeaderFallsBackToMinWait) {
  const auto other = responseWithHeader("other", "1600000060");
  EXPECT_EQ(untilStrategy().backoffSeconds(&other, 1), std::nullopt);
  EXPECT_EQ(untilStrategy(std::nullopt, 60.0).backoffSeconds(&other, 1), 60.0);
  EXPECT_EQ(untilStrategy(std::nullopt, 60.0).backoffSeconds(nullptr, 1), 60.0);  // a transport error
  const auto pair = responseWithHeader("wait_until", "1600000000,1600000000");
  EXPECT_EQ(untilStrategy().backoffSeconds(&pair, 1), std::nullopt);
}

TEST(WaitUntilTimeFromHeader, RegexTakesTheWholeMatchFromTheStart) {
  const auto pair = responseWithHeader("wait_until", "1600000060,60");
  EXPECT_EQ(untilStrategy(std::string("[-+]?\\d+")).backoffSeconds(&pair, 1), 60.0);
  const auto noMatch = responseWithHeader("wait_until", "...");
  EXPECT_EQ(untilStrategy(std::string("[-+]?\\d+")).backoffSeconds(&noMatch, 1), std::nullopt);
}

TEST(WaitUntilTimeFromHeader, AWaitAtTheCapFailsTheStream) {
  const auto response = responseWithHeader("wait_until", "1600000060");
  EXPECT_EQ(untilStrategy(std::nullopt, std::nullopt, 61.0).backoffSeconds(&response, 1), 60.0);
  try {
    (void)untilStrategy(std::nullopt, std::nullopt, 60.0).backoffSeconds(&response, 1);
    FAIL() << "a wait equal to the cap must be refused";
  } catch (const ReadError& e) {
    EXPECT_EQ(e.failureType(), protocol::FailureType::TransientError);
    EXPECT_NE(std::string(e.what()).find("max_waiting_time_in_seconds: 60 s"), std::string::npos) << e.what();
  }
  // The floor applies before the cap, so a cap below min_wait still refuses.
  const auto soon = responseWithHeader("wait_until", "1600000001");
  EXPECT_THROW((void)untilStrategy(std::nullopt, 60.0, 30.0).backoffSeconds(&soon, 1), ReadError);
}

TEST(WaitTimeFromHeader, RegexUsesTheWholeMatchAndZeroIsNeverRefused) {
  const WaitTimeFromHeader strategy("retry-after", std::string("[0-9]+"), 10.0);
  const auto response = responseWithHeader("Retry-After", "7 seconds");
  EXPECT_EQ(strategy.backoffSeconds(&response, 1), 7.0);
  const auto zero = responseWithHeader("Retry-After", "0");
  EXPECT_EQ(strategy.backoffSeconds(&zero, 1), 0.0);
  const auto tooLong = responseWithHeader("Retry-After", "10");
  EXPECT_THROW((void)strategy.backoffSeconds(&tooLong, 1), ReadError);
}

class RetryBudgetTest : public ::testing::Test {
 protected:
  // Every response is `status` with `headers`; the server counts the attempts.
  void serveForever(int status, std::function<httplib::Headers()> headers = {}) {
    server_.server().Get("/items", [this, status, headers](const httplib::Request&, httplib::Response& res) {
      ++calls_;
      res.status = status;
      if (headers) {
        for (const auto& [k, v] : headers()) res.set_header(k, v);
      }
      res.set_content(R"({"error": "still broken"})", "application/json");
    });
    server_.start();
  }

  CollectedRead readWith(const std::string& errorHandler, double scale = 0.001) {
    source_ = buildSource(withBase(oneStreamManifest("        type: HttpRequester\n"
                                                     "        url_base: BASE\n"
                                                     "        path: /items\n" + errorHandler),
                                   server_.baseUrl()));
    if (!source_) return {};
    ReadOptions options;
    options.backoffScale = scale;
    return collect(*source_, "items", options);
  }

  LocalHttpServer server_;
  std::atomic<int> calls_{0};
  std::shared_ptr<const DeclarativeSource> source_;
};

TEST_F(RetryBudgetTest, MaxTimeStopsRetriesThatMaxRetriesWouldAllow) {
  // Default waits 1, 2, 4 … 256 s add up to 511 s after nine retries; the tenth is cut at the 600 s
  // budget, so the eleventh attempt is the last although max_retries allows 51.
  serveForever(500);
  auto read = readWith("        error_handler: {type: DefaultErrorHandler, max_retries: 50}\n");
  ASSERT_TRUE(read.result.failure);
  EXPECT_EQ(calls_.load(), 11);
  const std::string& message = read.result.failure->message;
  EXPECT_NE(message.find("Exhausted available request attempts (11)"), std::string::npos) << message;
  EXPECT_NE(message.find("max_time (600 s"), std::string::npos) << message;
  EXPECT_EQ(read.result.failure->failureType, protocol::FailureType::TransientError);
}

TEST_F(RetryBudgetTest, WithinMaxTimeMaxRetriesDecides) {
  serveForever(503);
  auto read = readWith("        error_handler: {type: DefaultErrorHandler, max_retries: 3}\n");
  ASSERT_TRUE(read.result.failure);
  EXPECT_EQ(calls_.load(), 4);
  EXPECT_EQ(read.result.failure->message.find("max_time"), std::string::npos) << read.result.failure->message;
}

TEST_F(RetryBudgetTest, FirstStrategyThatYieldsATimeWins) {
  // No Retry-After header: WaitTimeFromHeader yields nothing, so the constant 2 s (+1) applies —
  // never the exponential default.
  serveForever(503);
  auto read = readWith("        error_handler:\n"
                       "          type: DefaultErrorHandler\n"
                       "          max_retries: 2\n"
                       "          backoff_strategies:\n"
                       "            - {type: WaitTimeFromHeader, header: Retry-After}\n"
                       "            - {type: ConstantBackoffStrategy, backoff_time_in_seconds: 2}\n"
                       "            - {type: ConstantBackoffStrategy, backoff_time_in_seconds: 7}\n");
  ASSERT_TRUE(read.result.failure);
  EXPECT_EQ(calls_.load(), 3);
  int retries = 0;
  for (const auto& log : read.logs) {
    if (log.rfind("Retrying", 0) != 0) continue;
    ++retries;
    EXPECT_NE(log.find(" in 0.003 s "), std::string::npos) << log;  // (2 + 1) s × 0.001
  }
  EXPECT_EQ(retries, 2);
}

TEST_F(RetryBudgetTest, AStrategyYieldingZeroLetsTheNextOneDecide) {
  // Retry-After: 0 is no time (the reference tests it for truth), so the constant 4 s decides.
  serveForever(429, [] { return httplib::Headers{{"Retry-After", "0"}}; });
  auto read = readWith("        error_handler:\n"
                       "          type: DefaultErrorHandler\n"
                       "          max_retries: 1\n"
                       "          backoff_strategies:\n"
                       "            - {type: WaitTimeFromHeader, header: Retry-After}\n"
                       "            - {type: ConstantBackoffStrategy, backoff_time_in_seconds: 4}\n");
  ASSERT_TRUE(read.result.failure);
  EXPECT_EQ(calls_.load(), 2);
  bool sawWait = false;
  for (const auto& log : read.logs) {
    sawWait = sawWait || (log.find("Retrying") != std::string::npos && log.find(" in 0.005 s ") != std::string::npos);
  }
  EXPECT_TRUE(sawWait);
}

TEST_F(RetryBudgetTest, WaitUntilTimeFromHeaderWaitsForTheServersResetTime) {
  // The server names a reset 30 s ahead: the wait is about 30 s + 1, i.e. ~31 ms at scale 0.001.
  serveForever(429, [] {
    const auto reset = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count() + 30;
    return httplib::Headers{{"X-RateLimit-Reset", std::to_string(reset)}};
  });
  auto read = readWith("        error_handler:\n"
                       "          type: DefaultErrorHandler\n"
                       "          max_retries: 1\n"
                       "          backoff_strategies:\n"
                       "            - {type: WaitUntilTimeFromHeader, header: x-ratelimit-reset, min_wait: 2}\n");
  ASSERT_TRUE(read.result.failure);
  EXPECT_EQ(calls_.load(), 2);
  EXPECT_NE(read.result.failure->message.find("API rate limit exceeded."), std::string::npos);
  bool sawWait = false;
  for (const auto& log : read.logs) {
    if (log.rfind("Retrying", 0) != 0) continue;
    sawWait = log.find(" in 0.03") != std::string::npos;
    EXPECT_TRUE(sawWait) << log;
  }
  EXPECT_TRUE(sawWait);
}

TEST_F(RetryBudgetTest, WaitUntilTimeFromHeaderOverTheCapStopsAtOnce) {
  serveForever(429, [] {
    const auto reset = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count() + 3600;
    return httplib::Headers{{"X-RateLimit-Reset", std::to_string(reset)}};
  });
  auto read = readWith("        error_handler:\n"
                       "          type: DefaultErrorHandler\n"
                       "          backoff_strategies:\n"
                       "            - {type: WaitUntilTimeFromHeader, header: X-RateLimit-Reset, max_waiting_time_in_seconds: 600}\n");
  ASSERT_TRUE(read.result.failure);
  EXPECT_EQ(calls_.load(), 1);
  EXPECT_NE(read.result.failure->message.find("longer than the connector is allowed to wait"), std::string::npos)
      << read.result.failure->message;
  EXPECT_EQ(read.result.failure->failureType, protocol::FailureType::TransientError);
}

}  // namespace
}  // namespace manifold::engine
