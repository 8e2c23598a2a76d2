// libFuzzer target: any body through CsvDecoder ends in rows or a ReadError. The first byte
// chooses the dialect, so each choice is explored: bits 0-2 the delimiter, bits 3-4 the
// encoding (UTF-8, Latin-1, UTF-16, cp1252), bit 7 whether a UTF-8 BOM is dropped.
#include "core/engine/decode/csv_decoder.h"
#include "tests/core/engine/decoder_fuzz_support.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace manifold::engine;
  if (size == 0) return 0;
  static const char32_t kDelimiters[] = {U',', U';', U'\t', U'|', U',', U'\u00a7', U' ', U'\n'};
  static const char* const kEncodings[] = {"UTF-8", "ISO-8859-1", "UTF-16", "CP1252"};
  const CsvDecoder decoder(kDelimiters[data[0] & 7], kEncodings[(data[0] >> 3) & 3], (data[0] & 0x80) != 0,
                           {"", "NULL"});
  fuzz::decodeOrRefuse(decoder, std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  return 0;
}
