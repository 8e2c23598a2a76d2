// Bounded gzip decompression for decoders: a response that unpacks past the body cap is an error,
// not an out-of-memory.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace manifold::engine {

// True when `bytes` starts with the gzip magic 1f 8b (how the reference's GzipParser decides).
bool hasGzipMagic(std::string_view bytes);

// Decompresses every gzip member of `bytes` (zero padding after the last one is ignored, as
// Python's gzip module does). Throws ReadError on corrupt or truncated data, or when the
// output would exceed `maxBytes`.
std::string gunzipBounded(std::string_view bytes, std::size_t maxBytes);

}  // namespace manifold::engine
