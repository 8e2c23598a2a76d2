// Text encodings for decoders that read text (CSV): bytes in a named encoding to UTF-8, strictly,
// as Python's codecs do with errors="strict".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace manifold::engine {

// The iconv name for a Python codec name ("utf-8", "latin-1", "cp1252", "utf_16"), or nullopt
// when neither knows it.
std::optional<std::string> iconvEncodingName(std::string_view pythonName);

// True for the UTF-8 spellings Python accepts, which need no conversion.
bool isUtf8Name(std::string_view pythonName);

// Converts `bytes` from `iconvName` to UTF-8. Throws ReadError naming the byte offset of the
// first byte that is not valid in that encoding.
std::string toUtf8(std::string_view bytes, const std::string& iconvName);

// The offset of the first invalid UTF-8 sequence, or nullopt when `bytes` is valid UTF-8.
std::optional<std::size_t> firstInvalidUtf8(std::string_view bytes);

}  // namespace manifold::engine
