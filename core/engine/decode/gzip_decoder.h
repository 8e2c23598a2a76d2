// GzipDecoder: undoes gzip when the body starts with the gzip magic bytes, then hands the bytes to
// its inner decoder; other bytes pass through unchanged (REFERENCE-NOTES 11.5).
#pragma once

#include "core/engine/decode/decoder.h"

#include <memory>

namespace manifold::engine {

class GzipDecoder final : public Decoder {
 public:
  // `inner` in parser mode (a JsonDecoder in JsonDecoder::Mode::Parser); `innerIsJson` says
  // whether it is a JSON decoder, the only inner decoder a paginator can read through.
  GzipDecoder(std::unique_ptr<Decoder> inner, bool innerIsJson) : inner_(std::move(inner)), innerIsJson_(innerIsJson) {}

  void decode(const http::HttpResponse& response, ReadContext& read, std::vector<nlohmann::json>& bodies) const override;
  bool supportsPagination() const override { return innerIsJson_; }

 private:
  std::unique_ptr<Decoder> inner_;
  bool innerIsJson_;
};

// A response with `body` in place of the original's, for inner decoders.
http::HttpResponse withBody(const http::HttpResponse& response, std::string body);

}  // namespace manifold::engine
