// ZipfileDecoder: every file of a zip body, in the archive's order, through the inner decoder;
// the unpacked size is bounded by the response body cap.
#pragma once

#include "core/engine/decode/decoder.h"

#include <memory>

namespace manifold::engine {

class ZipfileDecoder final : public Decoder {
 public:
  explicit ZipfileDecoder(std::unique_ptr<Decoder> inner) : inner_(std::move(inner)) {}

  void decode(const http::HttpResponse& response, ReadContext& read, std::vector<nlohmann::json>& bodies) const override;
  bool supportsPagination() const override { return false; }

 private:
  std::unique_ptr<Decoder> inner_;
};

}  // namespace manifold::engine
