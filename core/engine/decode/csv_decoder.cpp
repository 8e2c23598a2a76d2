// CsvDecoder: Python's csv reader state machine (excel dialect, strict=False) after universal
// newline translation, as TextIOWrapper hands it the text.
#include "core/engine/decode/csv_decoder.h"

#include "core/engine/decode/text_encoding.h"
#include "core/engine/engine_error.h"
#include "core/text/utf8.h"

#include <algorithm>
#include <cctype>

namespace manifold::engine {
namespace {

// csv.field_size_limit()'s default: a longer field is an error in the reference.
constexpr std::size_t kFieldSizeLimit = 131072;

// Universal newlines: \r\n and a lone \r become \n.
std::string translateNewlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

class RowReader {
 public:
  RowReader(std::string_view text, std::string delimiter) : text_(text), delimiter_(std::move(delimiter)) {}

  // The next row; false at the end. A blank line is an empty row, as csv.reader yields [].
  bool next(std::vector<std::string>& row) {
    row.clear();
    if (pos_ >= text_.size()) return false;
    enum class State { StartField, InField, InQuoted, QuoteInQuoted } state = State::StartField;
    std::string field;
    std::size_t fieldCharacters = 0;  // UTF-8 characters in field, counted as they come
    bool any = false;                 // the line had content (an empty line gives [])
    auto append = [&](char c) {
      field += c;
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++fieldCharacters;
    };
    auto save = [&] {
      row.push_back(std::move(field));
      field.clear();
      fieldCharacters = 0;
    };
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (state != State::InQuoted && c == '\n') {
        ++pos_;
        if (any || state != State::StartField || !row.empty()) save();
        return true;
      }
      any = true;
      const bool isDelimiter = text_.compare(pos_, delimiter_.size(), delimiter_) == 0;
      switch (state) {
        case State::StartField:
          if (c == '"') {
            state = State::InQuoted;
            ++pos_;
          } else if (isDelimiter) {
            save();
            pos_ += delimiter_.size();
          } else {
            state = State::InField;
            append(c);
            ++pos_;
          }
          break;
        case State::InField:
          if (isDelimiter) {
            save();
            state = State::StartField;
            pos_ += delimiter_.size();
          } else {
            append(c);
            ++pos_;
          }
          break;
        case State::InQuoted:
          if (c == '"') {
            state = State::QuoteInQuoted;
          } else {
            append(c);
          }
          ++pos_;
          break;
        case State::QuoteInQuoted:
          if (c == '"') {
            append('"');  // doublequote: "" is one quote
            state = State::InQuoted;
            ++pos_;
          } else if (isDelimiter) {
            save();
            state = State::StartField;
            pos_ += delimiter_.size();
          } else {
            // strict=False: text after a closing quote joins the field.
            append(c);
            state = State::InField;
            ++pos_;
          }
          break;
      }
      if (fieldCharacters > kFieldSizeLimit) {
        throw ReadError("a CSV field is longer than " + std::to_string(kFieldSizeLimit) +
                        " characters (the reference's csv field limit), near byte " + std::to_string(pos_));
      }
    }
    // End of data: an open quoted field is saved as it is (strict=False).
    save();
    return true;
  }

 private:
  std::string_view text_;
  std::string delimiter_;
  std::size_t pos_ = 0;
};

}  // namespace

std::optional<char32_t> CsvDecoder::parseDelimiter(const std::string& text) {
  if (text.empty()) return U',';  // `delimiter or ","`
  std::u32string decoded;
  if (text.front() == '\\') {
    // unicode_escape: \t \n \r \\ \xhh \uhhhh and friends.
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '\\' || i + 1 >= text.size()) {
        decoded += static_cast<unsigned char>(text[i]);
        continue;
      }
      const char e = text[++i];
      auto hex = [&](std::size_t digits) -> std::optional<char32_t> {
        char32_t v = 0;
        for (std::size_t k = 1; k <= digits; ++k) {
          if (i + k >= text.size() || !std::isxdigit(static_cast<unsigned char>(text[i + k]))) return std::nullopt;
          const char h = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i + k])));
          v = v * 16 + static_cast<char32_t>(h <= '9' ? h - '0' : h - 'a' + 10);
        }
        i += digits;
        return v;
      };
      std::optional<char32_t> v;
      switch (e) {
        case 't': v = U'\t'; break;
        case 'n': v = U'\n'; break;
        case 'r': v = U'\r'; break;
        case '\\': v = U'\\'; break;
        case '\'': v = U'\''; break;
        case '"': v = U'"'; break;
        case 'a': v = U'\a'; break;
        case 'b': v = U'\b'; break;
        case 'f': v = U'\f'; break;
        case 'v': v = U'\v'; break;
        case '0': v = U'\0'; break;
        case 'x': v = hex(2); break;
        case 'u': v = hex(4); break;
        case 'U': v = hex(8); break;
        default:
          decoded += U'\\';
          v = static_cast<unsigned char>(e);
      }
      if (!v) return std::nullopt;
      decoded += *v;
    }
  } else {
    // A UTF-8 character or more.
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    std::size_t len = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : 4;
    if (len != text.size()) return std::nullopt;
    char32_t cp = len == 1 ? s[0] : len == 2 ? (s[0] & 0x1F) : len == 3 ? (s[0] & 0x0F) : (s[0] & 0x07);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (s[k] & 0x3F);
    decoded += cp;
  }
  if (decoded.size() != 1) return std::nullopt;
  return decoded.front();
}

void CsvDecoder::parseText(std::string_view text, std::vector<nlohmann::json>& bodies) const {
  std::string delimiter;
  text::appendUtf8(delimiter, delimiter_);
  const std::string translated = translateNewlines(text);
  RowReader reader(translated, delimiter);
  std::vector<std::string> header;
  std::vector<std::string> row;
  // DictReader skips blank rows, also when looking for the header.
  while (reader.next(header) && header.empty()) {
  }
  if (header.empty()) return;
  auto valueOf = [&](std::string& cell) -> nlohmann::json {
    if (std::find(valuesToNone_.begin(), valuesToNone_.end(), cell) != valuesToNone_.end()) return nullptr;
    return std::move(cell);
  };
  while (reader.next(row)) {
    if (row.empty()) continue;
    nlohmann::json record = nlohmann::json::object();
    for (std::size_t i = 0; i < header.size(); ++i) {
      // A short row gives null (restval None) for the missing keys.
      record[header[i]] = i < row.size() ? valueOf(row[i]) : nlohmann::json(nullptr);
    }
    if (row.size() > header.size()) {
      // Extra cells go under the None key, which Python's json prints as "null".
      nlohmann::json extra = nlohmann::json::array();
      for (std::size_t i = header.size(); i < row.size(); ++i) extra.push_back(std::move(row[i]));
      record["null"] = std::move(extra);
    }
    bodies.push_back(std::move(record));
  }
}

void CsvDecoder::decode(const http::HttpResponse& response, ReadContext&, std::vector<nlohmann::json>& bodies) const {
  std::string text = toUtf8(response.body, encoding_);
  std::string_view view = text;
  if (dropBom_ && view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
  parseText(view, bodies);
}

}  // namespace manifold::engine
