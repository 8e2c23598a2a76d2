// JsonDecoder: like the reference, empty, invalid or null bodies and [] yield one {} (no
// records, no error); unlike it, an invalid body is reported in a warning so the user sees why.
#include "core/engine/decode/json_decoder.h"

#include "core/engine/decode/bounded_json.h"
#include "core/engine/engine_error.h"
#include "core/engine/read_context.h"

namespace manifold::engine {

void JsonDecoder::decode(const http::HttpResponse& response, ReadContext& read, std::vector<nlohmann::json>& bodies) const {
  auto bounded = parseBoundedJson(response.body);
  if (bounded.status == BoundedJson::Status::TooDeep) {
    throw ReadError("it nests JSON deeper than " + std::to_string(kMaxJsonDepth) + " levels; Manifold does not decode it");
  }
  auto& parsed = bounded.value;
  if (mode_ == Mode::Parser) {
    // JsonParser: no {} fallback; a list yields its elements, anything else itself.
    if (parsed.is_discarded()) throw ReadError("the JSON data failed to be parsed: it is not valid JSON");
    if (parsed.is_array()) {
      for (auto& item : parsed) bodies.push_back(std::move(item));
    } else {
      bodies.push_back(std::move(parsed));
    }
    return;
  }
  if (parsed.is_discarded()) {
    if (!response.body.empty()) {
      std::string preview = response.body.substr(0, 200);
      read.log(protocol::LogLevel::Warn, "The response of " + response.request.method + " " + response.url +
                                             " is not valid JSON; no records were read from it. Body starts with: " +
                                             preview);
    }
    bodies.emplace_back(nlohmann::json::object());
    return;
  }
  if (parsed.is_array()) {
    if (parsed.empty()) {
      bodies.emplace_back(nlohmann::json::object());
      return;
    }
    for (auto& item : parsed) bodies.push_back(std::move(item));
    return;
  }
  if (parsed.is_null()) {
    bodies.emplace_back(nlohmann::json::object());
    return;
  }
  bodies.push_back(std::move(parsed));
}

}  // namespace manifold::engine
