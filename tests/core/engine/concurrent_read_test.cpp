// concurrency_level: how the level is evaluated, and a read that fetches several slices at once
// against a server that counts the requests in flight, with the same messages in the same order
// as a one-at-a-time read.
#include "core/engine/source_runner.h"
#include "tests/core/engine/engine_test_support.h"
#include "tests/support/local_http_server.h"
#include "tests/support/shared_corpus.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;
using manifold::testing::LocalHttpServer;

std::string levelYaml(const std::string& level) { return "concurrency_level:\n" + level; }

// A one-stream manifest (see oneStreamManifest) with a top-level section appended.
std::string withLevel(const std::string& manifest, const std::string& level) {
  return level.empty() ? manifest : manifest + levelYaml(level);
}

std::string levelOf(const std::string& level, const nlohmann::json& config, std::size_t* out) {
  const auto loaded = manifest::loadManifest(withLevel(
      oneStreamManifest("        type: HttpRequester\n        url_base: http://127.0.0.1:1\n        path: /x\n"), level));
  auto built = DeclarativeSource::build(loaded.resolved, config);
  if (!built) return built.error().describe();
  *out = built.value()->concurrencyLevel();
  return "";
}

TEST(ConcurrencyLevel, IntegerIsUsedAsWrittenAndTemplatesAreCappedByMax) {
  const nlohmann::json config{{"num_workers", 50}};
  std::size_t level = 0;
  ASSERT_EQ(levelOf("  type: ConcurrencyLevel\n  default_concurrency: 20\n  max_concurrency: 10\n", config, &level), "");
  EXPECT_EQ(level, 20u);  // the reference caps only a template
  ASSERT_EQ(levelOf("  type: ConcurrencyLevel\n  default_concurrency: \"{{ config['num_workers'] or 40 }}\"\n"
                    "  max_concurrency: 75\n", config, &level), "");
  EXPECT_EQ(level, 50u);
  ASSERT_EQ(levelOf("  type: ConcurrencyLevel\n  default_concurrency: \"{{ config['missing'] or 40 }}\"\n"
                    "  max_concurrency: 75\n", config, &level), "");
  EXPECT_EQ(level, 40u);
  ASSERT_EQ(levelOf("  type: ConcurrencyLevel\n  default_concurrency: \"{{ config['num_workers'] or 40 }}\"\n"
                    "  max_concurrency: 10\n", config, &level), "");
  EXPECT_EQ(level, 10u);
  ASSERT_EQ(levelOf("  type: ConcurrencyLevel\n  default_concurrency: \"{{ config['num_workers'] }}\"\n"
                    "  max_concurrency: 65\n", nlohmann::json{{"num_workers", "55"}}, &level), "");
  EXPECT_EQ(level, 55u);  // a string of digits renders to an integer
  level = 0;
  ASSERT_EQ(levelOf("", config, &level), "");
  EXPECT_EQ(level, 1u);
}

TEST(ConcurrencyLevel, BadValuesFailTheBuildNamingTheField) {
  std::size_t level = 0;
  auto error = levelOf("  type: ConcurrencyLevel\n  default_concurrency: \"{{ config['num_workers'] }}\"\n  max_concurrency: 65\n",
                       nlohmann::json{{"num_workers", "fifty five"}}, &level);
  EXPECT_NE(error.find("did not evaluate to an integer"), std::string::npos) << error;
  EXPECT_NE(error.find("/concurrency_level/default_concurrency"), std::string::npos) << error;
  error = levelOf("  type: ConcurrencyLevel\n  default_concurrency: \"{{ config['num_workers'] or 40 }}\"\n",
                  nlohmann::json{{"num_workers", 5}}, &level);
  EXPECT_NE(error.find("max_concurrency must be set"), std::string::npos) << error;
  error = levelOf("  type: ConcurrencyLevel\n  default_concurrency: 0\n", nlohmann::json::object(), &level);
  EXPECT_NE(error.find("at least 1"), std::string::npos) << error;
  error = levelOf("  type: ConcurrencyLevel\n  default_concurrency: [1]\n", nlohmann::json::object(), &level);
  EXPECT_NE(error.find("must be an integer"), std::string::npos) << error;
}

// /items?part=N&page=P: two records on page 1, one on page 2. Counts the requests in flight; when
// `gate` is set, the first `gate` page-1 requests wait (up to 5 s) until that many are in flight
// together, and part 1 then waits until parts 2 and 3 were answered, so slices finish out of order.
struct CountingServer {
  explicit CountingServer(int gate = 0) : gate_(gate) {
    server.server().Get("/items", [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); });
    server.start();
  }
  // A failed or cancelled read leaves requests the server is still answering; they use the
  // members below, so they must end before those members are destroyed.
  ~CountingServer() { server.stop(); }
  CountingServer(const CountingServer&) = delete;
  CountingServer& operator=(const CountingServer&) = delete;

  void handle(const httplib::Request& req, httplib::Response& res) {
    const int part = std::stoi(req.get_param_value("part"));
    const int page = req.has_param("page") ? std::stoi(req.get_param_value("page")) : 1;
    std::unique_lock lock(mutex_);
    ++inFlight_;
    maxInFlight_ = std::max(maxInFlight_, inFlight_);
    changed_.notify_all();
    if (gate_ > 0 && page == 1 && part <= gate_) {
      changed_.wait_for(lock, std::chrono::seconds(5), [&] { return inFlight_ >= gate_ || released_; });
      released_ = true;
      changed_.notify_all();
      if (part == 1) {
        changed_.wait_for(lock, std::chrono::seconds(5), [&] { return answered_[2] >= 1 && answered_[3] >= 1; });
      }
    }
    if (part == failPart) {
      res.status = 403;
      res.set_content(R"({"error":"forbidden part"})", "application/json");
    } else {
      nlohmann::json data = nlohmann::json::array();
      for (int i = 0; i < (page == 1 ? 2 : 1); ++i) data.push_back({{"id", part * 100 + page * 10 + i}, {"part", part}});
      res.set_content(nlohmann::json{{"data", data}}.dump(), "application/json");
    }
    ++answered_[part];
    --inFlight_;
    changed_.notify_all();
  }

  int maxInFlight() const {
    std::lock_guard lock(mutex_);
    return maxInFlight_;
  }

  LocalHttpServer server;
  int failPart = 0;

 private:
  int gate_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  int inFlight_ = 0;
  int maxInFlight_ = 0;
  bool released_ = false;
  std::map<int, int> answered_;
};

std::string partsManifest(const std::string& base, const std::string& level, int parts = 6) {
  std::string values = "[";
  for (int i = 1; i <= parts; ++i) values += std::string(i > 1 ? "," : "") + "\"" + std::to_string(i) + "\"";
  values += "]";
  return withLevel(withBase(oneStreamManifest(
                                "        type: HttpRequester\n        url_base: BASE\n        path: /items\n",
                                "      partition_router:\n"
                                "        type: ListPartitionRouter\n"
                                "        values: " + values + "\n"
                                "        cursor_field: part\n"
                                "        request_option: {type: RequestOption, inject_into: request_parameter, field_name: part}\n"
                                "      paginator:\n"
                                "        type: DefaultPaginator\n"
                                "        pagination_strategy: {type: PageIncrement, page_size: 2, start_from_page: 1}\n"
                                "        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}\n"),
                            base),
                   level);
}

std::vector<std::string> urls(const CollectedRead& read) {
  std::vector<std::string> out;
  for (const auto& exchange : read.exchanges) out.push_back(exchange.request.url);
  return out;
}

const std::string kLevel3 = "  type: ConcurrencyLevel\n  default_concurrency: 3\n  max_concurrency: 3\n";

TEST(ConcurrentRead, FetchesUpToTheLevelAtOnceAndNeverMore) {
  CountingServer server(3);
  auto source = buildSource(partsManifest(server.server.baseUrl(), kLevel3));
  ASSERT_TRUE(source);
  ASSERT_EQ(source->concurrencyLevel(), 3u);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(server.maxInFlight(), 3);
  EXPECT_EQ(server.server.requestCount(), 12u);
  EXPECT_EQ(read.records.size(), 18u);
}

TEST(ConcurrentRead, GivesTheMessagesOfASequentialReadInTheSameOrder) {
  CountingServer concurrentServer(3);
  auto concurrent = buildSource(partsManifest(concurrentServer.server.baseUrl(), kLevel3));
  CountingServer sequentialServer;
  auto sequential = buildSource(partsManifest(sequentialServer.server.baseUrl(), ""));
  ASSERT_TRUE(concurrent && sequential);
  auto a = collect(*concurrent, "items");
  auto b = collect(*sequential, "items");
  ASSERT_TRUE(a.result.succeeded() && b.result.succeeded());
  EXPECT_EQ(sequentialServer.maxInFlight(), 1);
  EXPECT_EQ(a.records, b.records);
  EXPECT_EQ(a.slices, b.slices);
  EXPECT_EQ(a.states, b.states);
  ASSERT_EQ(a.records.size(), 18u);
  EXPECT_EQ(a.records.front()["part"], 1);  // part 1 finished last on the server, but comes first
  auto expected = urls(b);
  for (auto& url : expected) url.replace(0, sequentialServer.server.baseUrl().size(), concurrentServer.server.baseUrl());
  EXPECT_EQ(urls(a), expected);
  EXPECT_EQ(a.result.slices, 6u);
  EXPECT_EQ(a.result.records, 18u);
}

TEST(ConcurrentRead, IncrementalWindowsKeepTheSequentialStates) {
  LocalHttpServer server;
  std::atomic<int> inFlight{0};
  std::atomic<int> maxInFlight{0};
  server.server().Get("/events", [&](const httplib::Request& req, httplib::Response& res) {
    const int now = ++inFlight;
    for (int seen = maxInFlight; now > seen && !maxInFlight.compare_exchange_weak(seen, now);) {}
    // Earlier windows answer later, so any reordering would show in the states.
    const std::string since = req.get_param_value("since");
    const int day = std::stoi(since.substr(8, 2));
    std::this_thread::sleep_for(std::chrono::milliseconds(20 * (6 - day)));
    nlohmann::json data = nlohmann::json::array();
    for (int hour : {3, 9}) {
      char stamp[32];
      std::snprintf(stamp, sizeof stamp, "2024-01-%02dT%02d:00:00Z", day, hour);
      data.push_back({{"id", day * 100 + hour}, {"updated_at", stamp}});
    }
    res.set_content(nlohmann::json{{"data", data}}.dump(), "application/json");
    --inFlight;
  });
  server.start();
  const std::string cursor =
      "    incremental_sync:\n"
      "      type: DatetimeBasedCursor\n"
      "      cursor_field: updated_at\n"
      "      datetime_format: \"%Y-%m-%dT%H:%M:%SZ\"\n"
      "      start_datetime: \"2024-01-01T00:00:00Z\"\n"
      "      end_datetime: \"2024-01-05T23:59:59Z\"\n"
      "      step: P1D\n      cursor_granularity: PT1S\n"
      "      start_time_option: {type: RequestOption, inject_into: request_parameter, field_name: since}\n";
  const std::string manifest =
      withBase(oneStreamManifest("        type: HttpRequester\n        url_base: BASE\n        path: /events\n"), server.baseUrl()) +
      cursor;
  auto concurrent = buildSource(withLevel(manifest, "  type: ConcurrencyLevel\n  default_concurrency: 5\n"));
  auto sequential = buildSource(manifest);
  ASSERT_TRUE(concurrent && sequential);
  auto b = collect(*sequential, "items");
  ASSERT_EQ(maxInFlight.load(), 1);
  auto a = collect(*concurrent, "items");
  ASSERT_TRUE(a.result.succeeded() && b.result.succeeded());
  EXPECT_GT(maxInFlight.load(), 1);
  EXPECT_EQ(a.records, b.records);
  EXPECT_EQ(a.slices, b.slices);
  ASSERT_EQ(a.states.size(), 6u);  // one per window and the final one
  EXPECT_EQ(a.states, b.states);
  EXPECT_EQ(a.states[0], (nlohmann::json{{"updated_at", "2024-01-01T09:00:00Z"}}));
  EXPECT_EQ(a.states.back(), (nlohmann::json{{"updated_at", "2024-01-05T09:00:00Z"}}));
}

TEST(ConcurrentRead, AFailedSliceFailsTheReadAfterTheSlicesBeforeIt) {
  CountingServer server;
  server.failPart = 4;
  auto source = buildSource(partsManifest(server.server.baseUrl(), kLevel3));
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.failure);
  EXPECT_NE((read.result.failure->message + read.result.failure->internalMessage).find("403"), std::string::npos)
      << read.result.failure->message;
  ASSERT_EQ(read.records.size(), 9u);  // parts 1 to 3, whatever else was fetched meanwhile
  EXPECT_EQ(read.records.back()["part"], 3);
  EXPECT_EQ(read.slices.size(), 4u);
}

TEST(ConcurrentRead, CancelStopsEveryWorkerWithoutWaitingForTheServer) {
  LocalHttpServer server;
  std::mutex mutex;
  std::condition_variable changed;
  int arrived = 0;
  bool release = false;
  server.server().Get("/items", [&](const httplib::Request&, httplib::Response& res) {
    std::unique_lock lock(mutex);
    ++arrived;
    changed.notify_all();
    changed.wait_for(lock, std::chrono::seconds(20), [&] { return release; });
    res.set_content(R"({"data":[]})", "application/json");
  });
  server.start();
  auto source = buildSource(partsManifest(server.baseUrl(), kLevel3));
  ASSERT_TRUE(source);
  std::stop_source stop;
  std::thread canceller([&] {
    std::unique_lock lock(mutex);
    changed.wait_for(lock, std::chrono::seconds(10), [&] { return arrived >= 3; });
    stop.request_stop();
  });
  auto read = collect(*source, "items", fastOptions(), stop.get_token());
  bool serverStillHolding = false;
  {
    std::lock_guard lock(mutex);
    serverStillHolding = !release;
    release = true;
  }
  changed.notify_all();
  canceller.join();
  server.stop();  // the released handlers still use mutex and changed: let them end first
  EXPECT_TRUE(read.result.cancelled);
  EXPECT_TRUE(serverStillHolding);  // the read ended while all three requests were still unanswered
  EXPECT_TRUE(read.records.empty());
}

TEST(ConcurrentRead, LimitsAndPerPartitionStateReadOneSliceAtATime) {
  CountingServer server;
  auto source = buildSource(partsManifest(server.server.baseUrl(), kLevel3));
  ASSERT_TRUE(source);
  ReadOptions options = fastOptions();
  options.maxRecords = 100;
  auto read = collect(*source, "items", options);
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(server.maxInFlight(), 1);
  EXPECT_EQ(read.records.size(), 18u);
}

TEST(ConcurrentRead, SourceRunnerReadWritesTheSequentialMessages) {
  CountingServer concurrentServer(3);
  CountingServer sequentialServer;
  const auto run = [](const std::string& manifest) {
    std::ostringstream text;
    protocol::JsonLinesWriter writer(text);
    SourceRunner runner(writer);
    SourceInput input;
    input.manifestText = manifest;
    EXPECT_EQ(runner.read(input), RunStatus::Ok);
    writer.flush();
    std::vector<nlohmann::json> messages;
    std::istringstream lines(text.str());
    for (std::string line; std::getline(lines, line);) {
      auto message = nlohmann::json::parse(line);
      if (message["type"] == "RECORD") message["record"].erase("emitted_at");
      if (message["type"] == "TRACE") message["trace"].erase("emitted_at");
      if (message.contains("trace") && message["trace"].contains("stream_status")) message["trace"]["stream_status"].erase("emitted_at");
      messages.push_back(std::move(message));
    }
    return messages;
  };
  const auto a = run(partsManifest(concurrentServer.server.baseUrl(), kLevel3));
  const auto b = run(partsManifest(sequentialServer.server.baseUrl(), ""));
  EXPECT_EQ(concurrentServer.maxInFlight(), 3);
  ASSERT_EQ(a.size(), b.size());
  EXPECT_EQ(a, b);
}

TEST(ConcurrentRead, CorpusConcurrencyLevelsBuild) {
  const auto manifests = manifold::testing::corpusManifests();
  if (manifests.empty()) GTEST_SKIP() << manifold::testing::corpusMissingReason();
  const std::map<std::string, std::size_t> expected{
      {"source-amazon-ads.yaml", 10}, {"source-amazon-seller-partner.yaml", 2}, {"source-google-sheets.yaml", 1},
      {"source-monday.yaml", 4},      {"source-sentry.yaml", 5},                {"source-zendesk-chat.yaml", 10}};
  std::size_t seen = 0;
  for (const auto& path : manifests) {
    const auto name = path.filename().string();
    const auto it = expected.find(name);
    if (it == expected.end()) continue;
    ++seen;
    const auto loaded = manifest::loadManifest(manifold::testing::readFile(path));
    ASSERT_TRUE(loaded.resolved.is_object()) << name;
    auto built = DeclarativeSource::build(loaded.resolved, nlohmann::json::object());
    ASSERT_TRUE(built) << name << ": " << built.error().describe();
    EXPECT_EQ(built.value()->concurrencyLevel(), it->second) << name;
  }
  EXPECT_EQ(seen, expected.size());
}

}  // namespace
}  // namespace manifold::engine
