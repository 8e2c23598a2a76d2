// JsonlDecoder: one JSON value per line; unreadable lines are skipped with a warning.
#pragma once

#include "core/engine/decode/decoder.h"

namespace manifold::engine {

class JsonlDecoder final : public Decoder {
 public:
  void decode(const http::HttpResponse& response, ReadContext& read, std::vector<nlohmann::json>& bodies) const override;
  bool supportsPagination() const override { return false; }
};

}  // namespace manifold::engine
