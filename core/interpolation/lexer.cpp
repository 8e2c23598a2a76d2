// The Jinja lexer: template data, comments, raw blocks and the tokens inside {{ }} and {% %}.
#include "core/interpolation/lexer.h"

#include "core/interpolation/error.h"
#include "core/text/utf8.h"

#include <cstdint>

namespace manifold::interpolation {
namespace {

using text::appendUtf8;

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool isNameChar(char c) { return isNameStart(c) || isDigit(c); }

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string normalizeNewlines(std::string_view text) {
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

class Lexer {
 public:
  explicit Lexer(std::string_view source) : source_(source), end_(source.size()) {
    // Jinja drops a single trailing newline of the template (keep_trailing_newline=False).
    if (end_ > 0 && source_[end_ - 1] == '\n') {
      --end_;
      if (end_ > 0 && source_[end_ - 1] == '\r') --end_;
    } else if (end_ > 0 && source_[end_ - 1] == '\r') {
      --end_;
    }
  }

  std::vector<Token> run() {
    try {
      lexAll();
    } catch (const EvalException& e) {
      tokens_.push_back(Token{TokenKind::Error, e.error().message, e.error().offset});
    }
    tokens_.push_back(Token{TokenKind::End, {}, end_});
    return std::move(tokens_);
  }

 private:
  void lexAll() {
    while (pos_ < end_) {
      const std::size_t tag = findTag(pos_);
      std::string_view text = source_.substr(pos_, (tag == std::string_view::npos ? end_ : tag) - pos_);
      const bool stripBefore = tag != std::string_view::npos && tag + 2 < end_ && source_[tag + 2] == '-';
      emitText(text, pos_, stripBefore);
      if (tag == std::string_view::npos) break;
      pos_ = tag;
      lexTag();
    }
  }
  [[noreturn]] void fail(const std::string& message, std::size_t offset) const {
    throw EvalException(ErrorKind::Syntax, message, offset);
  }

  std::size_t findTag(std::size_t from) const {
    for (std::size_t i = from; i + 1 < end_; ++i) {
      if (source_[i] == '{' && (source_[i + 1] == '{' || source_[i + 1] == '%' || source_[i + 1] == '#')) {
        return i;
      }
    }
    return std::string_view::npos;
  }

  void emitText(std::string_view text, std::size_t offset, bool stripRight) {
    if (stripLeft_) {
      std::size_t skip = 0;
      while (skip < text.size() && isSpace(text[skip])) ++skip;
      text.remove_prefix(skip);
      offset += skip;
      stripLeft_ = false;
    }
    if (stripRight) {
      while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    }
    if (!text.empty()) tokens_.push_back(Token{TokenKind::Text, normalizeNewlines(text), offset});
  }

  bool startsWith(std::size_t at, std::string_view prefix) const {
    return at + prefix.size() <= end_ && source_.substr(at, prefix.size()) == prefix;
  }

  void lexTag() {
    const std::size_t start = pos_;
    const char opener = source_[pos_ + 1];
    pos_ += 2;
    if (pos_ < end_ && (source_[pos_] == '-' || (opener == '%' && source_[pos_] == '+'))) ++pos_;
    if (opener == '#') {
      lexComment(start);
    } else if (opener == '%' && tryRaw(start)) {
      return;
    } else {
      lexExpressionTag(start, opener == '{');
    }
  }

  void lexComment(std::size_t start) {
    const std::size_t close = source_.find("#}", pos_);
    if (close == std::string_view::npos || close + 2 > end_) fail("missing end of comment tag", start);
    stripLeft_ = close > pos_ && source_[close - 1] == '-';
    pos_ = close + 2;
  }

  // {% raw %}…{% endraw %}: the content is text, never parsed.
  bool tryRaw(std::size_t start) {
    std::size_t p = pos_;
    while (p < end_ && isSpace(source_[p])) ++p;
    if (!startsWith(p, "raw")) return false;
    p += 3;
    if (p < end_ && isNameChar(source_[p])) return false;
    while (p < end_ && isSpace(source_[p])) ++p;
    bool strip = false;
    if (p < end_ && (source_[p] == '-' || source_[p] == '+')) {
      strip = source_[p] == '-';
      ++p;
    }
    if (!startsWith(p, "%}")) fail("expected '%}' after 'raw'", p);
    p += 2;
    // Find {%[-+]? endraw [-+]?%}
    for (std::size_t i = p; i + 1 < end_; ++i) {
      if (source_[i] != '{' || source_[i + 1] != '%') continue;
      std::size_t q = i + 2;
      const bool stripBefore = q < end_ && source_[q] == '-';
      if (q < end_ && (source_[q] == '-' || source_[q] == '+')) ++q;
      while (q < end_ && isSpace(source_[q])) ++q;
      if (!startsWith(q, "endraw")) continue;
      q += 6;
      while (q < end_ && isSpace(source_[q])) ++q;
      bool stripAfter = false;
      if (q < end_ && (source_[q] == '-' || source_[q] == '+')) {
        stripAfter = source_[q] == '-';
        ++q;
      }
      if (!startsWith(q, "%}")) continue;
      stripLeft_ = strip;
      emitText(source_.substr(p, i - p), p, stripBefore);
      stripLeft_ = stripAfter;
      pos_ = q + 2;
      return true;
    }
    fail("missing end of raw directive", start);
  }

  void lexExpressionTag(std::size_t start, bool variable) {
    tokens_.push_back(Token{variable ? TokenKind::VariableBegin : TokenKind::BlockBegin, {}, start});
    std::string brackets;
    while (true) {
      while (pos_ < end_ && isSpace(source_[pos_])) ++pos_;
      if (pos_ >= end_) {
        fail(variable ? "unexpected end of template, expected end of print statement '}}'"
                      : "unexpected end of template, expected end of statement block '%}'",
             start);
      }
      if (brackets.empty() && tryTagEnd(variable)) return;
      const char c = source_[pos_];
      const std::size_t at = pos_;
      if (isNameStart(c)) {
        while (pos_ < end_ && isNameChar(source_[pos_])) ++pos_;
        tokens_.push_back(Token{TokenKind::Name, std::string(source_.substr(at, pos_ - at)), at});
      } else if (isDigit(c)) {
        lexNumber();
      } else if (c == '\'' || c == '"') {
        lexString();
      } else {
        lexOperator(brackets);
      }
    }
  }

  bool tryTagEnd(bool variable) {
    const std::string_view close = variable ? "}}" : "%}";
    std::size_t p = pos_;
    bool strip = false;
    if (source_[p] == '-' || (!variable && source_[p] == '+')) {
      strip = source_[p] == '-';
      ++p;
    }
    if (!startsWith(p, close)) return false;
    tokens_.push_back(Token{variable ? TokenKind::VariableEnd : TokenKind::BlockEnd, {}, pos_});
    pos_ = p + 2;
    stripLeft_ = strip;
    return true;
  }

  // Digits with single underscores between them, as Jinja's number rules.
  std::size_t scanDigits(std::size_t p, bool (*accept)(char)) const {
    std::size_t q = p;
    while (q < end_ && accept(source_[q])) {
      ++q;
      if (q + 1 < end_ && source_[q] == '_' && accept(source_[q + 1])) ++q;
    }
    return q;
  }

  void lexNumber() {
    const std::size_t at = pos_;
    auto lower = [&](std::size_t p) { return p < end_ ? static_cast<char>(source_[p] | 0x20) : '\0'; };
    if (source_[at] == '0' && (lower(at + 1) == 'x' || lower(at + 1) == 'o' || lower(at + 1) == 'b')) {
      const char base = lower(at + 1);
      std::size_t p = at + 2;
      if (p < end_ && source_[p] == '_') ++p;
      auto accept = base == 'x'   ? +[](char ch) { return hexValue(ch) >= 0; }
                    : base == 'o' ? +[](char ch) { return ch >= '0' && ch <= '7'; }
                                  : +[](char ch) { return ch == '0' || ch == '1'; };
      const std::size_t q = scanDigits(p, accept);
      if (q > p) {
        pos_ = q;
        tokens_.push_back(Token{TokenKind::Integer, std::string(source_.substr(at, q - at)), at});
        return;
      }
    }
    const std::size_t intEnd = scanDigits(at, isDigit);
    std::size_t p = intEnd;
    bool isFloat = false;
    if (p + 1 < end_ && source_[p] == '.' && isDigit(source_[p + 1])) {
      p = scanDigits(p + 1, isDigit);
      isFloat = true;
    }
    if (lower(p) == 'e') {
      std::size_t q = p + 1;
      if (q < end_ && (source_[q] == '+' || source_[q] == '-')) ++q;
      if (q < end_ && isDigit(source_[q])) {
        p = scanDigits(q, isDigit);
        isFloat = true;
      }
    }
    if (!isFloat) {
      // Jinja's integers: no leading zeros except "0", "00", "0_0".
      p = intEnd;
      if (source_[at] == '0') {
        p = at + 1;
        while (p < end_ && (source_[p] == '0' || (source_[p] == '_' && p + 1 < end_ && source_[p + 1] == '0'))) ++p;
      }
    }
    pos_ = p;
    tokens_.push_back(Token{isFloat ? TokenKind::Float : TokenKind::Integer, std::string(source_.substr(at, p - at)), at});
  }

  void lexString() {
    const std::size_t at = pos_;
    const char quote = source_[pos_++];
    std::string value;
    while (true) {
      if (pos_ >= end_) fail("unexpected end of string", at);
      const char c = source_[pos_++];
      if (c == quote) break;
      if (c != '\\') {
        if (c == '\r') {
          value += '\n';
          if (pos_ < end_ && source_[pos_] == '\n') ++pos_;
        } else {
          value += c;
        }
        continue;
      }
      if (pos_ >= end_) fail("unexpected end of string", at);
      unescape(value);
    }
    tokens_.push_back(Token{TokenKind::String, std::move(value), at});
  }

  // Python's unicode-escape decoding, which Jinja applies to string literals; unknown
  // escapes such as "\w" keep their backslash (so regexes survive).
  void unescape(std::string& value) {
    const char e = source_[pos_++];
    auto readHex = [&](int count) -> long {
      long cp = 0;
      for (int i = 0; i < count; ++i) {
        if (pos_ >= end_ || hexValue(source_[pos_]) < 0) fail("truncated \\x, \\u or \\U escape", pos_);
        cp = cp * 16 + hexValue(source_[pos_++]);
      }
      return cp;
    };
    switch (e) {
      case '\n': break;
      case '\\': value += '\\'; break;
      case '\'': value += '\''; break;
      case '"': value += '"'; break;
      case 'a': value += '\a'; break;
      case 'b': value += '\b'; break;
      case 'f': value += '\f'; break;
      case 'n': value += '\n'; break;
      case 'r': value += '\r'; break;
      case 't': value += '\t'; break;
      case 'v': value += '\v'; break;
      case 'x': appendUtf8(value, static_cast<std::uint32_t>(readHex(2))); break;
      case 'u': appendUtf8(value, static_cast<std::uint32_t>(readHex(4))); break;
      case 'U': {
        const long cp = readHex(8);
        if (cp > 0x10FFFF) fail("illegal Unicode character in escape", pos_);
        appendUtf8(value, static_cast<std::uint32_t>(cp));
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          int cp = e - '0';
          for (int i = 0; i < 2 && pos_ < end_ && source_[pos_] >= '0' && source_[pos_] <= '7'; ++i) {
            cp = cp * 8 + (source_[pos_++] - '0');
          }
          appendUtf8(value, static_cast<std::uint32_t>(cp));
        } else {
          value += '\\';
          value += e;
        }
    }
  }

  void lexOperator(std::string& brackets) {
    static constexpr std::string_view kTwoChar[] = {"//", "**", "==", "!=", "<=", ">="};
    const std::size_t at = pos_;
    for (std::string_view op : kTwoChar) {
      if (startsWith(pos_, op)) {
        pos_ += 2;
        tokens_.push_back(Token{TokenKind::Operator, std::string(op), at});
        return;
      }
    }
    const char c = source_[pos_];
    static constexpr std::string_view kSingle = "+-/*%~[](){}<>=.:|,;";
    if (kSingle.find(c) == std::string_view::npos) {
      fail(std::string("unexpected char '") + c + "'", at);
    }
    if (c == '(' || c == '[' || c == '{') {
      brackets += c;
    } else if (c == ')' || c == ']' || c == '}') {
      const char open = c == ')' ? '(' : c == ']' ? '[' : '{';
      if (brackets.empty()) fail(std::string("unexpected '") + c + "'", at);
      if (brackets.back() != open) {
        const char expected = brackets.back() == '(' ? ')' : brackets.back() == '[' ? ']' : '}';
        fail(std::string("unexpected '") + c + "', expected '" + expected + "'", at);
      }
      brackets.pop_back();
    }
    ++pos_;
    tokens_.push_back(Token{TokenKind::Operator, std::string(1, c), at});
  }

  std::string_view source_;
  std::size_t end_;
  std::size_t pos_ = 0;
  bool stripLeft_ = false;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> tokenize(std::string_view source) { return Lexer(source).run(); }

}  // namespace manifold::interpolation
