// gunzipBounded: zlib inflate in 64 KB steps, checking the cap before each append.
#include "core/engine/decode/inflate.h"

#include "core/engine/engine_error.h"

#include <zlib.h>

#include <array>

namespace manifold::engine {

bool hasGzipMagic(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f && static_cast<unsigned char>(bytes[1]) == 0x8b;
}

std::string gunzipBounded(std::string_view bytes, std::size_t maxBytes) {
  std::string out;
  z_stream stream{};
  // 16 + MAX_WBITS: gzip framing only (header and CRC checked).
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) throw ReadError("could not start gzip decompression");
  struct Guard {
    z_stream* s;
    ~Guard() { inflateEnd(s); }
  } guard{&stream};
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  std::array<char, 65536> chunk{};
  while (true) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
    stream.avail_out = static_cast<uInt>(chunk.size());
    const int rc = inflate(&stream, Z_NO_FLUSH);
    const std::size_t produced = chunk.size() - stream.avail_out;
    if (out.size() + produced > maxBytes) {
      throw ReadError("the gzip data unpacks to more than " + std::to_string(maxBytes) +
                      " bytes (the response body cap); Manifold stopped decompressing it");
    }
    out.append(chunk.data(), produced);
    if (rc == Z_STREAM_END) {
      // Another member may follow; zero bytes after the last one are padding.
      std::string_view rest(reinterpret_cast<const char*>(stream.next_in), stream.avail_in);
      while (!rest.empty() && rest.front() == '\0') rest.remove_prefix(1);
      if (rest.empty()) return out;
      if (!hasGzipMagic(rest)) throw ReadError("the gzip data is followed by bytes that are not gzip");
      inflateReset(&stream);
      stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(rest.data()));
      stream.avail_in = static_cast<uInt>(rest.size());
      continue;
    }
    if (rc == Z_BUF_ERROR && stream.avail_in == 0) {
      throw ReadError("the gzip data is truncated: it ended before the end-of-stream marker");
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      throw ReadError(std::string("the gzip data is corrupt: ") + (stream.msg ? stream.msg : "inflate failed"));
    }
  }
}

}  // namespace manifold::engine
