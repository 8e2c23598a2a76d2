// JsonDecoder: a top-level array is one body per element; anything unreadable is one {}.
#pragma once

#include "core/engine/decode/decoder.h"

namespace manifold::engine {

class JsonDecoder final : public Decoder {
 public:
  void decode(const http::HttpResponse& response, ReadContext& read, std::vector<nlohmann::json>& bodies) const override;
  bool supportsPagination() const override { return true; }
};

}  // namespace manifold::engine
