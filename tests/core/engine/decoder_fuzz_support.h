// What the decoder fuzz targets share: a read context that goes nowhere, with a small body cap,
// and the oracles every decoded body must pass.
#pragma once

#include "core/engine/decode/bounded_json.h"
#include "core/engine/decode/decoder.h"
#include "core/engine/engine_error.h"
#include "core/engine/read_context.h"
#include "core/http/http_client.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

namespace manifold::engine::fuzz {

// The body cap the targets run with: small, so a bomb (gzip, zip, CSV rows) reaches it in a few
// milliseconds, and a decoder that ignores it shows as unbounded memory (-rss_limit_mb).
inline constexpr std::size_t kFuzzBodyCap = std::size_t{1} << 20;

inline http::HttpClientOptions fuzzClientOptions() {
  http::HttpClientOptions options;
  options.maxBodyBytes = kFuzzBodyCap;
  return options;
}

// A context whose events drop everything: decoders only log through it.
struct QuietReadContext {
  http::HttpClient client{fuzzClientOptions()};
  ReadEvents events;
  ReadOptions options;
  ReadContext read{client, std::stop_token(), events, options, protocol::SecretMasker(std::vector<std::string>())};
};

inline QuietReadContext& quietContext() {
  static QuietReadContext context;
  return context;
}

inline http::HttpResponse responseWithBody(std::string_view body) {
  http::HttpResponse response;
  response.status = 200;
  response.url = "http://127.0.0.1/fuzz";
  response.body = std::string(body);
  return response;
}

// parseBoundedJson must agree with nlohmann: what it accepts, nlohmann accepts with the same
// value; what it calls invalid, nlohmann rejects (too deep is the one verdict of its own).
inline void checkBoundedJsonAgrees(std::string_view text) {
  const auto bounded = parseBoundedJson(text);
  switch (bounded.status) {
    case BoundedJson::Status::Ok:
      if (!nlohmann::json::accept(text) || nlohmann::json::parse(text) != bounded.value) __builtin_trap();
      break;
    case BoundedJson::Status::Invalid:
      if (nlohmann::json::accept(text)) __builtin_trap();
      break;
    case BoundedJson::Status::TooDeep:
      if (!bounded.value.is_discarded()) __builtin_trap();
      break;
  }
}

// A decoded body is a value that the record pipeline can print: not discarded, and every string
// in it valid UTF-8 (dump() with the strict handler throws otherwise, which escapes as a finding).
inline void checkBodies(const std::vector<nlohmann::json>& bodies) {
  for (const auto& b : bodies) {
    if (b.is_discarded()) __builtin_trap();
    (void)b.dump();
  }
}

// Decodes `body`; a ReadError (a clear refusal) is an accepted outcome, any other exception
// escapes to libFuzzer as a finding. Returns false when the decoder refused the body.
inline bool decodeOrRefuse(const Decoder& decoder, std::string_view body, std::vector<nlohmann::json>& bodies) {
  try {
    decoder.decode(responseWithBody(body), quietContext().read, bodies);
  } catch (const ReadError&) {
    return false;
  }
  checkBodies(bodies);
  return true;
}

inline void decodeOrRefuse(const Decoder& decoder, std::string_view body) {
  std::vector<nlohmann::json> bodies;
  (void)decodeOrRefuse(decoder, body, bodies);
}

}  // namespace manifold::engine::fuzz
