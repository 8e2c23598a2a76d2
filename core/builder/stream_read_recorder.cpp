// StreamReadRecorder: the reference's message grouper (connector_builder/test_reader) over the
// engine's events: a page is one non-auxiliary exchange plus the records read from it, a slice
// holds its pages and the latest STATE message, auxiliary exchanges go to auxiliary_requests.
#include "core/builder/stream_read_recorder.h"

#include "core/protocol/airbyte_messages.h"

#include <string_view>

namespace manifold::builder {
namespace {

using nlohmann::json;

// The reference's titles, descriptions and types of auxiliary calls (http_logger format).
struct AuxiliaryKind {
  std::string_view title;
  std::string_view description;
  std::string_view type;
};
constexpr AuxiliaryKind kAuxiliaryKinds[] = {
    {"Refresh token", "Obtains access token", "AUTH"},
    {"Login request", "Obtains session token", "AUTH"},
};

// Cuts at most `limit` bytes without splitting a UTF-8 sequence.
std::string cutUtf8(const std::string& text, std::size_t limit) {
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) --end;
  return text.substr(0, end);
}

}  // namespace

StreamReadRecorder::StreamReadRecorder(std::string streamName, const TestReadEvents& events,
                                       protocol::SecretMasker masker, std::size_t bodyLimit)
    : streamName_(std::move(streamName)), events_(events), masker_(std::move(masker)), bodyLimit_(bodyLimit) {}

engine::ReadEvents StreamReadRecorder::engineEvents() {
  engine::ReadEvents events;
  events.sliceStarted = [this](const json& slice) { onSliceStarted(slice); };
  events.httpExchange = [this](const http::HttpExchange& exchange, const engine::ExchangeInfo& info) {
    onExchange(exchange, info);
  };
  events.record = [this](const json& record) { onRecord(record); };
  events.pageDone = [this] { closePage(); };
  events.log = [this](protocol::LogLevel level, const std::string& message) { addLog(std::string(protocol::logLevelName(level)), message); };
  events.state = [this](const json& state) {
    json message = protocol::streamStateMessage(protocol::StreamDescriptor{streamName_, std::nullopt}, state,
                                                static_cast<double>(recordsSinceState_));
    recordsSinceState_ = 0;
    latestState_ = std::move(message["state"]);
    masker_.maskJson(latestState_);
  };
  events.configUpdate = [this](const json& config, const std::vector<std::string>& tokens) {
    for (const auto& token : tokens) masker_.add(token);
    json cleaned = config;
    if (cleaned.is_object()) {
      for (auto it = cleaned.begin(); it != cleaned.end();) {
        it = it.key().rfind("__", 0) == 0 ? cleaned.erase(it) : std::next(it);
      }
    }
    latestConfigUpdate_ = std::move(cleaned);
  };
  return events;
}

void StreamReadRecorder::setRequiredSchemaPaths(std::vector<std::vector<std::string>> paths) {
  inferrer_.setRequiredPaths(std::move(paths));
}

void StreamReadRecorder::addLog(const std::string& level, const std::string& message,
                                const std::string& internalMessage) {
  json entry{{"level", level}, {"message", masker_.mask(message)}};
  if (!internalMessage.empty()) entry["internal_message"] = masker_.mask(internalMessage);
  logs_.push_back(entry);
  if (events_.log) events_.log(entry);
}

json StreamReadRecorder::exchangeJson(const http::HttpExchange& exchange) const {
  json page = exchange.toJson();
  json& response = page["response"];
  if (response.is_object()) {
    response["time_ms"] = page["elapsed_ms"];
    const std::string& body = exchange.responseBody;
    if (body.size() > bodyLimit_) {
      response["body"] = cutUtf8(body, bodyLimit_);
      response["body_truncated"] = true;
      response["body_size"] = body.size();
    }
  }
  page.erase("elapsed_ms");
  masker_.maskJson(page);  // the engine masked it already; this adds nothing but certainty
  return page;
}

void StreamReadRecorder::ensureSlice() {
  if (openSlice_) return;
  // Pages before any slice (a stream without a slicer reports none) go into one slice of its own.
  openSlice_ = json{{"slice_descriptor", nullptr}, {"pages", json::array()}, {"state", json::array()}};
  if (events_.sliceStarted) events_.sliceStarted(slices_.size(), nullptr);
}

void StreamReadRecorder::onSliceStarted(const json& slice) {
  closeSlice();
  json descriptor = slice;
  masker_.maskJson(descriptor);
  openSlice_ = json{{"slice_descriptor", descriptor}, {"pages", json::array()}, {"state", json::array()}};
  if (events_.sliceStarted) events_.sliceStarted(slices_.size(), descriptor);
}

void StreamReadRecorder::onExchange(const http::HttpExchange& exchange, const engine::ExchangeInfo& info) {
  if (info.auxiliary) {
    json request = exchangeJson(exchange);
    std::string description = info.title;
    std::string type = "HTTP";
    for (const auto& kind : kAuxiliaryKinds) {
      if (info.title == kind.title) {
        description = kind.description;
        type = kind.type;
      }
    }
    json entry{{"title", info.title},
               {"type", type},
               {"description", description},
               {"request", request["request"]},
               {"response", request["response"]}};
    auxiliary_.push_back(entry);
    if (events_.auxiliaryRequest) events_.auxiliaryRequest(entry);
    return;
  }
  // Every request of the stream is a page of its own, retries included (the reference logs each).
  closePage();
  ensureSlice();
  openPage_ = exchangeJson(exchange);
  (*openPage_)["records"] = json::array();
}

void StreamReadRecorder::onRecord(const json& record) {
  ++records_;
  ++recordsSinceState_;
  inferrer_.accumulate(record);
  if (!openPage_) {
    ensureSlice();
    openPage_ = json{{"request", nullptr}, {"response", nullptr}, {"records", json::array()}};
  }
  json shown = record;
  masker_.maskJson(shown);
  (*openPage_)["records"].push_back(std::move(shown));
}

void StreamReadRecorder::closePage() {
  if (!openPage_) return;
  ensureSlice();
  json page = std::move(*openPage_);
  openPage_.reset();
  auto& pages = (*openSlice_)["pages"];
  pages.push_back(std::move(page));
  if (events_.pageDone) events_.pageDone(slices_.size(), pages.back());
}

void StreamReadRecorder::closeSlice() {
  closePage();
  if (!openSlice_) return;
  json slice = std::move(*openSlice_);
  openSlice_.reset();
  // Like the reference, a slice carries the latest STATE message seen up to its end.
  if (!latestState_.is_null()) slice["state"] = json::array({latestState_});
  slices_.push_back(std::move(slice));
  if (events_.sliceDone) events_.sliceDone(slices_.size() - 1, slices_.back()["state"]);
}

void StreamReadRecorder::finish() { closeSlice(); }

json StreamReadRecorder::maskedConfigUpdate() const {
  // The StreamRead is shown and printed: its copy hides the secrets, rotated tokens included.
  if (!latestConfigUpdate_) return nullptr;
  json shown = *latestConfigUpdate_;
  masker_.maskJson(shown);
  return shown;
}

json StreamReadRecorder::streamRead(const TestReadLimits& limits, bool limitReached) {
  // _has_reached_limit: a limit counts as reached when it was met, even by a read that ended there.
  bool reached = limitReached || slices_.size() >= limits.slices || records_ >= limits.records;
  for (const auto& slice : slices_) {
    if (slice["pages"].size() >= limits.pagesPerSlice) reached = true;
  }
  json logs = logs_;
  json schema;
  auto inferred = inferrer_.infer();
  schema = std::move(inferred.schema);
  for (const auto& problem : inferred.problems) logs.push_back({{"level", "ERROR"}, {"message", problem}});
  return json{{"logs", std::move(logs)},
              {"slices", slices_},
              {"test_read_limit_reached", reached},
              {"auxiliary_requests", auxiliary_},
              {"inferred_schema", std::move(schema)},
              {"latest_config_update", maskedConfigUpdate()}};
}

}  // namespace manifold::builder
