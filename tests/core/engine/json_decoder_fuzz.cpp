// libFuzzer target: any response body through JsonDecoder ends in bodies or a ReadError (a
// document nested too deep), never a crash, a hang or another exception; and the bounded
// parser under it agrees with nlohmann's.
#include "core/engine/decode/json_decoder.h"
#include "tests/core/engine/decoder_fuzz_support.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace manifold::engine;
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  fuzz::checkBoundedJsonAgrees(body);
  std::vector<nlohmann::json> bodies;
  // Every response that is not refused yields at least one body (an unreadable one yields {}).
  if (fuzz::decodeOrRefuse(JsonDecoder(), body, bodies) && bodies.empty()) __builtin_trap();
  return 0;
}
