// Decoder: turns a response body into the JSON bodies the record selector extracts from.
#pragma once

#include "core/http/http_request.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace manifold::engine {

class ReadContext;

class Decoder {
 public:
  virtual ~Decoder() = default;
  // Appends the decoded bodies of `response` to `bodies`.
  virtual void decode(const http::HttpResponse& response, ReadContext& read, std::vector<nlohmann::json>& bodies) const = 0;
  // Only JSON-like decoders may feed a paginator (REFERENCE-NOTES 4.6).
  virtual bool supportsPagination() const = 0;
};

}  // namespace manifold::engine
