// Encodings through glibc's iconv; Python's codec aliases are normalised first.
#include "core/engine/decode/text_encoding.h"

#include "core/engine/engine_error.h"

#include <iconv.h>

#include <cctype>
#include <cerrno>
#include <cstdint>

namespace manifold::engine {
namespace {

// Python normalises codec names: case-insensitive, '_' and ' ' as '-'.
std::string normalise(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '_' || c == ' ') c = '-';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

class Iconv {
 public:
  explicit Iconv(const std::string& from) : handle_(iconv_open("UTF-8", from.c_str())) {}
  ~Iconv() {
    if (ok()) iconv_close(handle_);
  }
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;
  bool ok() const { return handle_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return handle_; }

 private:
  iconv_t handle_;
};

}  // namespace

bool isUtf8Name(std::string_view pythonName) {
  const auto name = normalise(pythonName);
  return name == "utf-8" || name == "utf8" || name == "u8" || name == "utf";
}

std::optional<std::string> iconvEncodingName(std::string_view pythonName) {
  const auto name = normalise(pythonName);
  if (isUtf8Name(name)) return std::string("UTF-8");
  if (name == "utf-8-sig") return std::string("UTF-8");  // the BOM is dropped by the caller
  if (name == "latin-1" || name == "latin1" || name == "l1" || name == "iso-8859-1" || name == "iso8859-1" ||
      name == "8859" || name == "cp819") {
    return std::string("ISO-8859-1");
  }
  if (name == "ascii" || name == "us-ascii" || name == "646") return std::string("ASCII");
  std::string candidate;
  for (char c : name) candidate += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  // Python spells Windows code pages cp1252 and windows-1252, iconv knows both.
  Iconv probe(candidate);
  if (probe.ok()) return candidate;
  return std::nullopt;
}

std::optional<std::size_t> firstInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid, as Python's decoder says.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += len;
  }
  return std::nullopt;
}

std::string toUtf8(std::string_view bytes, const std::string& iconvName) {
  if (iconvName == "UTF-8") {
    if (auto bad = firstInvalidUtf8(bytes)) {
      throw ReadError("the body is not valid UTF-8 (first bad byte at offset " + std::to_string(*bad) + ")");
    }
    return std::string(bytes);
  }
  Iconv cd(iconvName);
  if (!cd.ok()) throw ReadError("the encoding '" + iconvName + "' is not available");
  std::string out;
  out.resize(bytes.size() * 2 + 16);
  char* in = const_cast<char*>(bytes.data());
  std::size_t inLeft = bytes.size();
  std::size_t written = 0;
  while (inLeft > 0) {
    char* outPtr = out.data() + written;
    std::size_t outLeft = out.size() - written;
    const std::size_t rc = iconv(cd.get(), &in, &inLeft, &outPtr, &outLeft);
    written = out.size() - outLeft;
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    const std::size_t offset = bytes.size() - inLeft;
    throw ReadError("the body is not valid " + iconvName + " (first bad byte at offset " + std::to_string(offset) + ")");
  }
  out.resize(written);
  return out;
}

}  // namespace manifold::engine
