// UTF-8 code point helpers and ASCII case mapping.
#include "core/interpolation/text_util.h"

namespace manifold::interpolation {

std::vector<std::size_t> codePointOffsets(std::string_view text) {
  std::vector<std::size_t> offsets;
  offsets.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
  }
  offsets.push_back(text.size());
  return offsets;
}

std::size_t codePointCount(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

bool isAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

std::string asciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string asciiUpper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

bool isPythonSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || (c >= 0x1c && c <= 0x1f);
}

std::string_view stripChars(std::string_view text, std::string_view chars, bool left, bool right) {
  auto strip = [&](char c) { return chars.empty() ? isPythonSpace(c) : chars.find(c) != std::string_view::npos; };
  if (left) {
    while (!text.empty() && strip(text.front())) text.remove_prefix(1);
  }
  if (right) {
    while (!text.empty() && strip(text.back())) text.remove_suffix(1);
  }
  return text;
}

}  // namespace manifold::interpolation
