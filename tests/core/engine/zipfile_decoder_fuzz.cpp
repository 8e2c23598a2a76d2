// libFuzzer target: any body through ZipfileDecoder (libzip, bounded unpacking, then the strict
// JSON parser per file) ends in bodies or a ReadError.
#include "core/engine/decode/json_decoder.h"
#include "core/engine/decode/zipfile_decoder.h"
#include "tests/core/engine/decoder_fuzz_support.h"

#include <cstddef>
#include <cstdint>
#include <memory>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace manifold::engine;
  static const ZipfileDecoder decoder(std::make_unique<JsonDecoder>(JsonDecoder::Mode::Parser));
  fuzz::decodeOrRefuse(decoder, std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
