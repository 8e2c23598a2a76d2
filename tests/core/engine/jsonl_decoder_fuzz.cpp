// libFuzzer target: any response body through JsonlDecoder ends in bodies (one per readable
// line at most) or a ReadError (a line nested too deep), never a crash, a hang or another
// exception; and each line's bounded parse agrees with nlohmann's.
#include "core/engine/decode/jsonl_decoder.h"
#include "tests/core/engine/decoder_fuzz_support.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace manifold::engine;
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  std::string_view rest = body;
  while (!rest.empty()) {
    const auto end = rest.find('\n');
    fuzz::checkBoundedJsonAgrees(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  }
  std::vector<nlohmann::json> bodies;
  if (!fuzz::decodeOrRefuse(JsonlDecoder(), body, bodies)) return 0;
  const auto lines = static_cast<std::size_t>(std::count(body.begin(), body.end(), '\n')) + 1;
  if (bodies.size() > lines) __builtin_trap();
  return 0;
}
