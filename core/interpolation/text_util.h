// UTF-8 helpers: Python indexes strings by code point, not byte.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace manifold::interpolation {

// Byte offsets where each code point starts, plus the total size at the end.
std::vector<std::size_t> codePointOffsets(std::string_view text);
std::size_t codePointCount(std::string_view text);
bool isAscii(std::string_view text);
std::string asciiLower(std::string_view text);
std::string asciiUpper(std::string_view text);
bool isPythonSpace(char c);
std::string_view stripChars(std::string_view text, std::string_view chars, bool left, bool right);

}  // namespace manifold::interpolation
