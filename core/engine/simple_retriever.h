// SimpleRetriever: reads a stream's slices page by page: request, decode, select, paginate.
#pragma once

#include "core/engine/decode/decoder.h"
#include "core/engine/http_requester.h"
#include "core/engine/pagination/paginator.h"
#include "core/engine/partition/partition_router.h"
#include "core/engine/selection/record_selector.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace manifold::engine {

class SimpleRetriever {
 public:
  struct Parts {
    std::unique_ptr<HttpRequester> requester;
    std::unique_ptr<RecordSelector> selector;
    std::unique_ptr<Paginator> paginator;
    std::unique_ptr<Decoder> decoder;
    std::unique_ptr<PartitionRouter> router;
    bool ignoreSlicerParametersOnPaginatedRequests = false;
    // The page's records can go out as JSON text (RawRecordExtractor): a lenient JsonDecoder, a
    // selector that only extracts at a plain path, a paginator that needs only the record count.
    std::optional<std::vector<std::string>> rawRecordPath;
  };

  explicit SimpleRetriever(Parts parts) : parts_(std::move(parts)) {}

  const PartitionRouter& router() const { return *parts_.router; }
  // The record selector's schema normalization needs the stream's schema (set at build time).
  RecordSelector& selector() { return *parts_.selector; }

  // What the stream's cursor adds to reading a slice.
  struct SliceHooks {
    // Client-side incremental filtering inside the record selector (is_client_side_incremental).
    std::function<bool(const nlohmann::json& record)> keepRecord;
    // A data feed's stop condition: no next page once the page's last record is outside the window.
    std::function<bool(const nlohmann::json& lastRecord)> stopAfterPage;
    // Set by a reader that takes records as JSON text: pages of a retriever with rawRecordPath
    // go here instead of to `onPage` (a page simdjson cannot read still goes to `onPage`).
    std::function<bool(std::vector<std::string_view>& records)> rawPage;
  };

  // Reads every page of one slice with the slice's options (router and cursor, merged);
  // `onPage` receives each page's records (it may move them out) and returns false to stop after
  // that page.
  void readSlice(ReadContext& read, const StreamSlice& slice, const RequestOptions& sliceOptions, const SliceHooks& hooks,
                 const std::function<bool(std::vector<nlohmann::json>& records)>& onPage) const;

 private:
  Parts parts_;
};

}  // namespace manifold::engine
