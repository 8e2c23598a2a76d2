// SimpleRetriever._read_pages: a falsy response or token ends the slice.
#include "core/engine/simple_retriever.h"

#include "core/engine/engine_error.h"
#include "core/engine/read_context.h"
#include "core/engine/selection/raw_record_extractor.h"

namespace manifold::engine {

void SimpleRetriever::readSlice(ReadContext& read, const StreamSlice& streamSlice, const RequestOptions& sliceOptions,
                                const SliceHooks& hooks,
                                const std::function<bool(std::vector<nlohmann::json>& records)>& onPage) const {
  const nlohmann::json& slice = streamSlice.templateValue();
  std::optional<nlohmann::json> token = parts_.paginator->initialToken();
  const std::string title = "Stream '" + read.streamName() + "' request";
  std::vector<nlohmann::json> bodies;
  std::vector<nlohmann::json> records;
  std::size_t pages = 0;
  std::optional<RawRecordExtractor> rawExtractor;
  if (hooks.rawPage && parts_.rawRecordPath && !hooks.keepRecord && !hooks.stopAfterPage) {
    rawExtractor.emplace(*parts_.rawRecordPath);
  }
  std::vector<std::string_view> rawRecords;
  static const nlohmann::json kEmpty = nlohmann::json::object();
  static const nlohmann::json kNull;
  while (true) {
    read.throwIfStopped();
    RequestOptions extra = parts_.paginator->requestOptions(token);
    // With a token, ignore_stream_slicer_parameters_on_paginated_requests leaves the slicer out (3.5).
    if (!(token && parts_.ignoreSlicerParametersOnPaginatedRequests)) {
      extra.merge(sliceOptions, "the partition router's and cursor's options");
    }
    const HttpRequester::PageRequest page{slice, token, extra, parts_.paginator->pathOverride(token)};
    const http::HttpRequest request = parts_.requester->buildRequest(read, page);
    auto response = parts_.requester->send(read, request, title);
    ++pages;
    if (!response) return;

    if (rawExtractor && rawExtractor->extract(response->body, rawRecords)) {
      const std::size_t count = rawRecords.size();
      if (!hooks.rawPage(rawRecords)) return;
      if (read.options().maxPagesPerSlice && pages >= *read.options().maxPagesPerSlice) return;
      auto next = parts_.paginator->nextToken(PageOutcome{*response, kEmpty, count, count, kNull}, token);
      if (!next) return;
      token = std::move(next);
      continue;
    }

    bodies.clear();
    records.clear();
    try {
      parts_.decoder->decode(*response, read, bodies);
    } catch (const ReadError& e) {
      // Name the stream and the page: the decoder only knows the bytes.
      throw ReadError("Stream '" + read.streamName() + "', page " + std::to_string(pages) + " (" +
                          response->request.method + " " + response->url + "): the response could not be decoded: " +
                          e.what(),
                      e.failureType(), e.internalMessage());
    }
    const nlohmann::json tokenWrapper = token ? nlohmann::json{{"next_page_token", *token}} : nlohmann::json();
    const std::size_t raw = parts_.selector->select(
        bodies, slice, tokenWrapper, records, hooks.keepRecord ? &hooks.keepRecord : nullptr,
        [&read](const std::string& message) { read.log(protocol::LogLevel::Warn, message); });

    // Only the last record is needed by the paginator after the records leave.
    const nlohmann::json lastRecord = records.empty() ? kNull : records.back();
    const std::size_t pageSize = records.size();
    const bool keepGoing = onPage(records);
    if (!keepGoing) return;
    if (read.options().maxPagesPerSlice && pages >= *read.options().maxPagesPerSlice) return;

    if (hooks.stopAfterPage && !lastRecord.is_null() && hooks.stopAfterPage(lastRecord)) return;
    const PageOutcome outcome{*response, bodies.empty() ? kEmpty : bodies.front(), raw, pageSize, lastRecord};
    auto next = parts_.paginator->nextToken(outcome, token);
    if (!next) return;
    token = std::move(next);
  }
}

}  // namespace manifold::engine
