// SimpleRetriever: reads a stream's slices page by page: request, decode, select, paginate.
#pragma once

#include "core/engine/decode/decoder.h"
#include "core/engine/http_requester.h"
#include "core/engine/pagination/paginator.h"
#include "core/engine/partition/stream_slicer.h"
#include "core/engine/selection/record_selector.h"

#include <functional>
#include <memory>
#include <vector>

namespace manifold::engine {

class SimpleRetriever {
 public:
  struct Parts {
    std::unique_ptr<HttpRequester> requester;
    std::unique_ptr<RecordSelector> selector;
    std::unique_ptr<Paginator> paginator;
    std::unique_ptr<Decoder> decoder;
    std::unique_ptr<StreamSlicer> slicer;
    bool ignoreSlicerParametersOnPaginatedRequests = false;
  };

  explicit SimpleRetriever(Parts parts) : parts_(std::move(parts)) {}

  const StreamSlicer& slicer() const { return *parts_.slicer; }

  // Reads every page of one slice; `onPage` receives each page's records (it may move them
  // out) and returns false to stop after that page.
  void readSlice(ReadContext& read, const nlohmann::json& slice,
                 const std::function<bool(std::vector<nlohmann::json>& records)>& onPage) const;

 private:
  Parts parts_;
};

}  // namespace manifold::engine
