// JsonlDecoder: blank lines are skipped like unparseable ones, as the reference's JsonLineParser.
#include "core/engine/decode/jsonl_decoder.h"

#include "core/engine/decode/bounded_json.h"
#include "core/engine/engine_error.h"
#include "core/engine/read_context.h"

#include <string_view>

namespace manifold::engine {

void JsonlDecoder::decode(const http::HttpResponse& response, ReadContext& read, std::vector<nlohmann::json>& bodies) const {
  std::string_view text = response.body;
  std::size_t skipped = 0;
  std::size_t lineNumber = 0;
  std::size_t firstSkipped = 0;
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++lineNumber;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    auto bounded = parseBoundedJson(line);
    if (bounded.status == BoundedJson::Status::TooDeep) {
      throw ReadError("line " + std::to_string(lineNumber) + " nests JSON deeper than " + std::to_string(kMaxJsonDepth) + " levels; Manifold does not decode it");
    }
    auto& parsed = bounded.value;
    if (parsed.is_discarded()) {
      if (line.find_first_not_of(" \t") != std::string_view::npos) {
        if (skipped++ == 0) firstSkipped = lineNumber;
      }
      continue;
    }
    bodies.push_back(std::move(parsed));
  }
  if (skipped > 0) {
    read.log(protocol::LogLevel::Warn, "Skipped " + std::to_string(skipped) + " line(s) that are not valid JSON in the response of " +
                                           response.url + " (first at line " + std::to_string(firstSkipped) + ")");
  }
}

}  // namespace manifold::engine
