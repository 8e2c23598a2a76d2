// JsonDecoder: a top-level array is one body per element; anything unreadable is one {}.
// Inside GzipDecoder and ZipfileDecoder it acts as the reference's JsonParser instead: invalid
// JSON is an error and [] yields nothing.
#pragma once

#include "core/engine/decode/decoder.h"

namespace manifold::engine {

class JsonDecoder final : public Decoder {
 public:
  enum class Mode { Lenient, Parser };
  explicit JsonDecoder(Mode mode = Mode::Lenient) : mode_(mode) {}

  void decode(const http::HttpResponse& response, ReadContext& read, std::vector<nlohmann::json>& bodies) const override;
  bool supportsPagination() const override { return true; }

 private:
  Mode mode_;
};

}  // namespace manifold::engine
