// libFuzzer target: any body through XmlDecoder ends in bodies (an unparseable one is {}),
// never a crash, and entities never expand (libxml2 runs with substitution and DTDs off).
#include "core/engine/decode/xml_decoder.h"
#include "tests/core/engine/decoder_fuzz_support.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace manifold::engine;
  std::vector<nlohmann::json> bodies;
  // XmlDecoder never refuses: a body it cannot read is one {} and a warning.
  if (!fuzz::decodeOrRefuse(XmlDecoder(), std::string_view(reinterpret_cast<const char*>(data), size), bodies) ||
      bodies.size() != 1) {
    __builtin_trap();
  }
  return 0;
}
