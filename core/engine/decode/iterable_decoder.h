// IterableDecoder: each line of the body is one {"record": line} (the reference's
// response.iter_lines(), so \n, \r\n and \r all end a line).
#pragma once

#include "core/engine/decode/decoder.h"

namespace manifold::engine {

class IterableDecoder final : public Decoder {
 public:
  void decode(const http::HttpResponse& response, ReadContext& read, std::vector<nlohmann::json>& bodies) const override;
  bool supportsPagination() const override { return false; }
};

}  // namespace manifold::engine
