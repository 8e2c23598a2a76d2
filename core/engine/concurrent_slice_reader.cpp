// The concurrent slice reader: a pool of worker threads fetching slices into per-slice queues
// that the calling thread drains in order.
#include "core/engine/concurrent_slice_reader.h"

#include "core/engine/read_context.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>
#include <vector>

namespace manifold::engine {
namespace {

// More threads than this would only queue on the server; the reference's users set up to ~40.
constexpr std::size_t kMaxWorkers = 64;

struct PageItem {
  std::vector<nlohmann::json> records;
  std::vector<std::string> rawRecords;
  bool raw = false;
};
struct ExchangeItem {
  http::HttpExchange exchange;
  ExchangeInfo info;
};
struct LogItem {
  protocol::LogLevel level;
  std::string message;
};
struct ConfigItem {
  nlohmann::json config;
  std::vector<std::string> tokens;
};
using Item = std::variant<PageItem, ExchangeItem, LogItem, ConfigItem>;

// One slice being fetched: what the worker produced so far, and how it ended.
struct SliceJob {
  explicit SliceJob(StreamSlice s) : slice(std::move(s)) {}

  void push(Item item) {
    {
      std::lock_guard lock(mutex);
      items.push_back(std::move(item));
    }
    changed.notify_all();
  }
  void finish(std::exception_ptr failure) {
    {
      std::lock_guard lock(mutex);
      done = true;
      error = std::move(failure);
    }
    changed.notify_all();
  }

  const StreamSlice slice;
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<Item> items;
  bool done = false;
  std::exception_ptr error;
};

class SlicePool {
 public:
  SlicePool(ReadContext& read, const DeclarativeStream& stream, bool rawRecords, std::size_t workers)
      : read_(read),
        clientOptions_(read.client().options()),
        stream_(stream),
        rawRecords_(rawRecords),
        forward_(read.stopToken(), Forward{&stop_}) {
    threads_.reserve(workers);
    for (std::size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { work(); });
  }
  // Stops the workers still fetching (a failed or stopped read) and waits for them.
  ~SlicePool() {
    stop_.request_stop();
    {
      std::lock_guard lock(mutex_);
      closing_ = true;
    }
    wake_.notify_all();
    for (auto& thread : threads_) thread.join();
  }
  SlicePool(const SlicePool&) = delete;
  SlicePool& operator=(const SlicePool&) = delete;

  void submit(std::shared_ptr<SliceJob> job) {
    {
      std::lock_guard lock(mutex_);
      queue_.push_back(std::move(job));
    }
    wake_.notify_one();
  }

 private:
  struct Forward {
    std::stop_source* target;
    void operator()() const { target->request_stop(); }
  };

  void work() {
    http::HttpClient client(clientOptions_);  // one client per thread
    while (true) {
      std::shared_ptr<SliceJob> job;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return closing_ || !queue_.empty(); });
        if (closing_) return;
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      job->finish(fetch(client, *job));
    }
  }

  std::exception_ptr fetch(http::HttpClient& client, SliceJob& job) const {
    ReadEvents events;
    const ReadEvents& outer = read_.events();
    if (outer.httpExchange) {
      events.httpExchange = [&job](const http::HttpExchange& exchange, const ExchangeInfo& info) {
        job.push(ExchangeItem{exchange, info});
      };
    }
    if (outer.log) {
      events.log = [&job](protocol::LogLevel level, const std::string& message) { job.push(LogItem{level, message}); };
    }
    if (outer.configUpdate) {
      events.configUpdate = [&job](const nlohmann::json& config, const std::vector<std::string>& tokens) {
        job.push(ConfigItem{config, tokens});
      };
    }
    try {
      ReadContext context(client, stop_.get_token(), events, read_.options(), read_.masker());
      context.setStreamName(read_.streamName());
      SimpleRetriever::SliceHooks hooks;
      if (rawRecords_) {
        hooks.rawPage = [&job](std::vector<std::string_view>& records) {
          PageItem page;
          page.raw = true;
          page.rawRecords.assign(records.begin(), records.end());
          job.push(std::move(page));
          return true;
        };
      }
      stream_.retriever().readSlice(context, job.slice, stream_.requestOptions(job.slice), hooks,
                                    [&job](std::vector<nlohmann::json>& records) {
                                      PageItem page;
                                      page.records = std::move(records);
                                      job.push(std::move(page));
                                      return true;
                                    });
      return nullptr;
    } catch (...) {
      return std::current_exception();
    }
  }

  const ReadContext& read_;
  const http::HttpClientOptions clientOptions_;
  const DeclarativeStream& stream_;
  const bool rawRecords_;
  std::stop_source stop_;
  std::stop_callback<Forward> forward_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<SliceJob>> queue_;
  bool closing_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace

bool canReadSlicesConcurrently(const DeclarativeStream& stream, const ReadOptions& options) {
  if (options.maxSlices || options.maxPagesPerSlice || options.maxRecords) return false;
  const auto* sync = stream.incrementalSync();
  if (sync == nullptr) return true;
  if (sync->flags().isDataFeed || sync->flags().isClientSideIncremental) return false;
  return stream.router().isSinglePartition();
}

bool readStreamSlicesConcurrently(ReadContext& read, const DeclarativeStream& stream, StreamCursor& cursor,
                                  const SliceLoopSink& sink, std::size_t workers) {
  workers = std::clamp<std::size_t>(workers, 1, kMaxWorkers);
  const bool raw = sink.rawRecord && stream.incrementalSync() == nullptr;
  std::deque<std::shared_ptr<SliceJob>> inFlight;
  bool stopped = false;
  // Destroyed before inFlight: a failed or stopped read stops and joins its workers first.
  SlicePool pool(read, stream, raw, workers);
  const ReadEvents& events = read.events();

  // Replays one item of the head slice; false when the sink stopped the read.
  const auto replay = [&](const StreamSlice& slice, Item& item) {
    if (auto* exchange = std::get_if<ExchangeItem>(&item)) {
      events.httpExchange(exchange->exchange, exchange->info);
    } else if (auto* log = std::get_if<LogItem>(&item)) {
      events.log(log->level, log->message);
    } else if (auto* config = std::get_if<ConfigItem>(&item)) {
      events.configUpdate(config->config, config->tokens);
    } else {
      auto& page = std::get<PageItem>(item);
      bool keepGoing = true;
      if (page.raw) {
        for (const auto& record : page.rawRecords) {
          if (!sink.rawRecord(slice, record)) {
            keepGoing = false;
            break;
          }
        }
      } else {
        for (auto& record : page.records) {
          cursor.observe(slice, record);
          if (sink.record && !sink.record(slice, record)) {
            keepGoing = false;
            break;
          }
        }
      }
      if (sink.pageDone) sink.pageDone();
      return keepGoing;
    }
    return true;
  };

  // Emits the oldest slice in flight, waiting for its pages; false when the sink stopped.
  const auto drainHead = [&] {
    const auto job = inFlight.front();
    if (sink.sliceStarted && !sink.sliceStarted(job->slice)) return false;
    while (true) {
      std::deque<Item> batch;
      bool done = false;
      std::exception_ptr error;
      {
        std::unique_lock lock(job->mutex);
        job->changed.wait(lock, [&] { return job->done || !job->items.empty(); });
        batch.swap(job->items);
        done = job->done;
        error = job->error;
      }
      for (auto& item : batch) {
        if (!replay(job->slice, item)) return false;
      }
      if (!done) continue;
      if (error) std::rethrow_exception(error);
      break;
    }
    inFlight.pop_front();
    cursor.closeSlice(job->slice);
    return !sink.sliceDone || sink.sliceDone();
  };

  cursor.forEachSlice(read, [&](const StreamSlice& slice) {
    read.throwIfStopped();
    auto job = std::make_shared<SliceJob>(slice);
    inFlight.push_back(job);
    pool.submit(std::move(job));
    while (inFlight.size() >= workers) {
      if (!drainHead()) {
        stopped = true;
        return false;
      }
    }
    return true;
  });
  while (!stopped && !inFlight.empty()) {
    read.throwIfStopped();
    if (!drainHead()) stopped = true;
  }
  return !stopped;
}

}  // namespace manifold::engine
