// ReadContext: logging, cancellation and interruptible waits.
#include "core/engine/read_context.h"

#include "core/engine/engine_error.h"

#include <condition_variable>
#include <mutex>

namespace manifold::engine {

ReadContext ReadContext::withEvents(const ReadEvents& events) const {
  ReadContext copy(client_, stop_, events, options_, masker_);
  copy.streamName_ = streamName_;
  return copy;
}

void ReadContext::log(protocol::LogLevel level, const std::string& message) const {
  if (events_.log) events_.log(level, masker_.mask(message));
}

void ReadContext::throwIfStopped() const {
  if (stop_.stop_requested()) throw ReadCancelled();
}

void ReadContext::sleepFor(std::chrono::duration<double> seconds) const {
  if (seconds.count() <= 0) {
    throwIfStopped();
    return;
  }
  std::mutex mutex;
  std::condition_variable_any wake;
  std::unique_lock lock(mutex);
  wake.wait_for(lock, stop_, std::chrono::duration_cast<std::chrono::steady_clock::duration>(seconds),
                [] { return false; });
  throwIfStopped();
}

void ReadContext::reportExchange(const http::Result<http::HttpResponse>& result, const ExchangeInfo& info) const {
  if (!events_.httpExchange) return;
  auto exchange = http::HttpExchange::fromResult(result);
  http::maskExchange(exchange, masker_);
  events_.httpExchange(exchange, info);
}

}  // namespace manifold::engine
