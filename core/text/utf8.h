// UTF-8 byte-level helpers shared by the template language and the engine. They never throw:
// bytes that are not valid UTF-8 are taken one at a time, as themselves.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace manifold::text {

// Appends code point `cp` encoded as UTF-8 (1 to 4 bytes).
void appendUtf8(std::string& out, char32_t cp);

// The length of the UTF-8 sequence a lead byte announces: 1 for ASCII and for bytes that
// cannot start a sequence, else 2, 3 or 4.
std::size_t utf8SequenceLength(unsigned char lead);

// The length of the character starting at `at`: the announced length when the whole sequence
// is there and well formed, otherwise 1.
std::size_t utf8CharLength(std::string_view text, std::size_t at);

// Decodes the character at `at` and moves `at` past it; an invalid byte decodes as its own value.
char32_t nextCodePoint(std::string_view text, std::size_t& at);

}  // namespace manifold::text
