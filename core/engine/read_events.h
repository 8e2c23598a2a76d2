// The event sink a read reports to: slices, each HTTP exchange (masked), records, logs, state.
#pragma once

#include "core/http/http_exchange.h"
#include "core/protocol/airbyte_messages.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace manifold::engine {

// What an exchange was for, so a test panel can tell pages from retries and logins.
struct ExchangeInfo {
  std::string title;       // "Stream 'users' request", "Login request", ...
  bool auxiliary = false;  // a token or login call rather than a page of the stream
  int attempt = 1;         // 1 for the first try, 2.. for retries of the same page
  bool willRetry = false;  // the error handler asked for another attempt
  // A page of a parent stream read for a SubstreamPartitionRouter (the reference's PARENT_STREAM
  // auxiliary requests); `auxiliary` is set too and the title starts with "Parent stream: ".
  bool parentStream = false;
};

// Every callback may be empty. They run on the reading thread, in order; a slow callback slows
// the read. Exchanges are masked (credential headers and config secrets) before they are passed.
struct ReadEvents {
  // The slice descriptor: partition and cursor slice merged, e.g. {"customer_id": 1, "parent_slice": {}}
  // or {"start_time": "…", "end_time": "…"}; extra fields are not part of it.
  std::function<void(const nlohmann::json& slice)> sliceStarted;
  std::function<void(const http::HttpExchange& exchange, const ExchangeInfo& info)> httpExchange;
  // The record's data, transformed; valid only during the call (copy it to keep it).
  std::function<void(const nlohmann::json& record)> record;
  // When set, a stream whose records leave the engine untouched (JSON decoder, a plain field
  // path, no filter, transformation, schema normalization or incremental cursor) passes each
  // record here as compact JSON text instead of to `record`: the throughput path of
  // `manifold-cli read`, which never builds a DOM for such records. Valid only during the call.
  std::function<void(std::string_view recordJson)> rawRecord;
  // A page's records have all been passed to `record` (or a record limit cut the page short):
  // the boundary a test read groups pages by. Not sent for a response the error handler ignored.
  std::function<void()> pageDone;
  std::function<void(protocol::LogLevel level, const std::string& message)> log;
  // The stream's state blob after a slice or at the end of the stream.
  std::function<void(const nlohmann::json& state)> state;
  // The whole config after an authenticator rewrote it (an OAuth refresh_token_updater storing
  // rotated tokens): the reference's CONNECTOR_CONFIG control message. Not masked; `tokens` are
  // the new secret values in it, for a copy that is shown.
  std::function<void(const nlohmann::json& config, const std::vector<std::string>& tokens)> configUpdate;
};

}  // namespace manifold::engine
