// ReadContext: what a component needs while reading — the HTTP client, the cancellation token,
// the event sink and options — passed down so built components stay immutable and reusable.
#pragma once

#include "core/engine/read_events.h"
#include "core/engine/read_options.h"
#include "core/http/http_client.h"
#include "core/protocol/secret_masker.h"

#include <chrono>
#include <stop_token>
#include <string>

namespace manifold::engine {

class ReadContext {
 public:
  ReadContext(http::HttpClient& client, std::stop_token stop, const ReadEvents& events, const ReadOptions& options,
              protocol::SecretMasker masker)
      : client_(client), stop_(std::move(stop)), events_(events), options_(options), masker_(std::move(masker)) {}

  http::HttpClient& client() { return client_; }
  const std::stop_token& stopToken() const { return stop_; }
  const ReadEvents& events() const { return events_; }
  const ReadOptions& options() const { return options_; }
  const protocol::SecretMasker& masker() const { return masker_; }
  // A value learned while reading (an OAuth access token) that must be masked from now on.
  void addSecret(std::string_view secret) { masker_.add(secret); }

  // A context for reading a parent stream: the same client, stop token, options and secrets, with
  // `events` as its sink (the caller decides what of the parent's read it passes on).
  ReadContext withEvents(const ReadEvents& events) const;

  const std::string& streamName() const { return streamName_; }
  void setStreamName(std::string name) { streamName_ = std::move(name); }

  void log(protocol::LogLevel level, const std::string& message) const;
  // Throws ReadCancelled once the caller asked to stop.
  void throwIfStopped() const;
  // Waits, waking early on a stop request; throws ReadCancelled when stopped.
  void sleepFor(std::chrono::duration<double> seconds) const;
  // Masks and reports an exchange when the sink wants exchanges.
  void reportExchange(const http::Result<http::HttpResponse>& result, const ExchangeInfo& info) const;

 private:
  http::HttpClient& client_;
  std::stop_token stop_;
  const ReadEvents& events_;
  const ReadOptions& options_;
  protocol::SecretMasker masker_;
  std::string streamName_;
};

}  // namespace manifold::engine
