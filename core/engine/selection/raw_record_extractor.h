// RawRecordExtractor: the fast path of a read whose records leave the engine untouched (JSON
// decoder, a plain field path, no filter, transformation, normalization or cursor): simdjson
// parses the page and each record is written out as compact JSON text, with no nlohmann DOM.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace manifold::engine {

class RawRecordExtractor {
 public:
  explicit RawRecordExtractor(std::vector<std::string> fieldPath);
  ~RawRecordExtractor();
  RawRecordExtractor(const RawRecordExtractor&) = delete;
  RawRecordExtractor& operator=(const RawRecordExtractor&) = delete;

  // The records JsonDecoder and DpathExtractor would select from `body`, as compact JSON text
  // (views valid until the next call). False when the body needs the DOM path instead: not
  // JSON simdjson accepts (invalid, too deep, a number past 64 bits), so that path reports it.
  bool extract(std::string_view body, std::vector<std::string_view>& records);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace manifold::engine
