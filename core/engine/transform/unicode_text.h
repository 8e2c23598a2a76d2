// Unicode helpers for key transformations: Python's str.lower() and anyascii's transliteration,
// both on UTF-8 text.
#pragma once

#include <string>
#include <string_view>

namespace manifold::engine {

// Lower-cases every character with the simple Unicode case mapping.
std::string toLowerUtf8(std::string_view text);

// ASCII characters unchanged; Latin letters with diacritics and ligatures as anyascii spells them
// (é→e, ß→ss, Æ→AE, Ł→L); superscript digits as digits; any other character is dropped, which
// the snake-case tokenizer then treats like a separator would be (anyascii's tables for other
// scripts are not reproduced).
std::string transliterateToAscii(std::string_view text);

}  // namespace manifold::engine
