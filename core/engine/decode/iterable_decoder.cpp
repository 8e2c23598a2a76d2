// IterableDecoder: bytes.splitlines() semantics: blank lines inside the body are records with an
// empty string, a final line terminator adds none; lines must be UTF-8 (line.decode()).
#include "core/engine/decode/iterable_decoder.h"

#include "core/engine/decode/text_encoding.h"
#include "core/engine/engine_error.h"

namespace manifold::engine {

void IterableDecoder::decode(const http::HttpResponse& response, ReadContext&, std::vector<nlohmann::json>& bodies) const {
  const std::string_view text = response.body;
  std::size_t start = 0;
  std::size_t lineNumber = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of("\r\n", start);
    const std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    ++lineNumber;
    if (auto bad = firstInvalidUtf8(line)) {
      throw ReadError("line " + std::to_string(lineNumber) + " is not valid UTF-8 (byte " + std::to_string(*bad + 1) +
                      " of the line)");
    }
    bodies.push_back(nlohmann::json{{"record", std::string(line)}});
    if (end == std::string_view::npos) break;
    start = end + (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? 2 : 1);
  }
}

}  // namespace manifold::engine
