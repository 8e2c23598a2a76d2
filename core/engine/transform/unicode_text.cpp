// toLowerUtf8 through towlower_l in the C.UTF-8 locale; transliterateToAscii from a table of
// the Latin-1 Supplement and Latin Extended-A blocks.
#include "core/engine/transform/unicode_text.h"

#include "core/text/utf8.h"

#include <clocale>
#include <cwctype>
#include <locale.h>

namespace manifold::engine {
namespace {

using text::appendUtf8;
using text::nextCodePoint;

locale_t utf8Locale() {
  static const locale_t locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  return locale;
}

// U+00C0–U+00FF.
constexpr const char* kLatin1[64] = {
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
    "D", "N", "O", "O", "O", "O", "O", "x", "O", "U", "U", "U", "U", "Y", "Th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y"};

// U+0100–U+017F.
constexpr const char* kLatinExtendedA[128] = {
    "A",  "a",  "A", "a", "A", "a", "C", "c", "C",  "c",  "C", "c", "C", "c", "D", "d",
    "D",  "d",  "E", "e", "E", "e", "E", "e", "E",  "e",  "E", "e", "G", "g", "G", "g",
    "G",  "g",  "G", "g", "H", "h", "H", "h", "I",  "i",  "I", "i", "I", "i", "I", "i",
    "I",  "i",  "IJ", "ij", "J", "j", "K", "k", "q", "L",  "l", "L", "l", "L", "l", "L",
    "l",  "L",  "l", "N", "n", "N", "n", "N", "n",  "'n", "NG", "ng", "O", "o", "O", "o",
    "O",  "o",  "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s",
    "S",  "s",  "T", "t", "T", "t", "T", "t", "U",  "u",  "U", "u", "U", "u", "U", "u",
    "U",  "u",  "U", "u", "W", "w", "Y", "y", "Y",  "Z",  "z", "Z", "z", "Z", "z", "s"};

}  // namespace

std::string toLowerUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const locale_t locale = utf8Locale();
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      ++i;
      continue;
    }
    const char32_t cp = nextCodePoint(text, i);
    const auto lowered = locale ? towlower_l(static_cast<wint_t>(cp), locale) : static_cast<wint_t>(cp);
    appendUtf8(out, static_cast<char32_t>(lowered));
  }
  return out;
}

std::string transliterateToAscii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    const char32_t cp = nextCodePoint(text, i);
    if (cp >= 0xC0 && cp <= 0xFF) {
      out += kLatin1[cp - 0xC0];
    } else if (cp >= 0x100 && cp <= 0x17F) {
      out += kLatinExtendedA[cp - 0x100];
    } else if (cp == 0xB2 || cp == 0xB3) {
      out += static_cast<char>('2' + (cp - 0xB2));
    } else if (cp == 0xB9) {
      out += '1';
    } else if (cp == 0xAA) {
      out += 'a';
    } else if (cp == 0xBA) {
      out += 'o';
    } else if (cp == 0xB5) {
      out += 'u';
    } else if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x3000) {
      out += ' ';
    }
  }
  return out;
}

}  // namespace manifold::engine
