// CsvDecoder: the header row names the keys of every following row; values stay strings
// (REFERENCE-NOTES 11.3), parsed as Python's csv.DictReader with the excel dialect does.
#pragma once

#include "core/engine/decode/decoder.h"

#include <optional>
#include <string>
#include <vector>

namespace manifold::engine {

class CsvDecoder final : public Decoder {
 public:
  // `delimiter` is one character (escapes such as "\t" already decoded); `iconvEncoding` from
  // iconvEncodingName(); `dropBom` for utf-8-sig.
  CsvDecoder(char32_t delimiter, std::string iconvEncoding, bool dropBom, std::vector<std::string> valuesToNone)
      : delimiter_(delimiter),
        encoding_(std::move(iconvEncoding)),
        dropBom_(dropBom),
        valuesToNone_(std::move(valuesToNone)) {}

  void decode(const http::HttpResponse& response, ReadContext& read, std::vector<nlohmann::json>& bodies) const override;
  bool supportsPagination() const override { return false; }

  // The rows of UTF-8 `text` as DictReader yields them (exposed for the decoders that unpack).
  void parseText(std::string_view text, std::vector<nlohmann::json>& bodies) const;

  // The manifest's delimiter as Python reads it: a leading backslash means an escape sequence
  // ("\t", "\u0001"); nullopt when the result is not exactly one character.
  static std::optional<char32_t> parseDelimiter(const std::string& text);

 private:
  char32_t delimiter_;
  std::string encoding_;
  bool dropBom_;
  std::vector<std::string> valuesToNone_;
};

}  // namespace manifold::engine
