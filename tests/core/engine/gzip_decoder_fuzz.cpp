// libFuzzer target: any bytes behind the gzip magic through GzipDecoder (inflate, then the
// strict JSON parser) end in bodies or a ReadError, within the body cap.
#include "core/engine/decode/gzip_decoder.h"
#include "core/engine/decode/json_decoder.h"
#include "tests/core/engine/decoder_fuzz_support.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace manifold::engine;
  static const GzipDecoder decoder(std::make_unique<JsonDecoder>(JsonDecoder::Mode::Parser), true);
  // Odd first bytes go in as they are (the pass-through path); the rest behind the magic bytes.
  std::string body;
  if (size > 0 && (data[0] & 1) == 0) body = "\x1f\x8b";
  body.append(reinterpret_cast<const char*>(data), size);
  fuzz::decodeOrRefuse(decoder, body);
  return 0;
}
