// A parser for Python literal syntax: numbers (underscores, hex/octal/binary, exponents),
// strings (prefixes, triple quotes, escapes, implicit concatenation), True/False/None, ...,
// lists, tuples (bare "1, 2" too), dicts, sets, set(), and signed numbers.
#include "core/interpolation/literal.h"

#include "core/text/utf8.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

namespace manifold::interpolation {
namespace {

using text::appendUtf8;

constexpr int kMaxDepth = 100;

struct Failure {};

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || isDigit(c) || static_cast<unsigned char>(c) >= 0x80;
}

class LiteralParser {
 public:
  explicit LiteralParser(std::string_view text) : s_(text) {}

  PythonLiteral parseAll() {
    skipBlankLines();
    // An indented first line is an IndentationError in Python.
    if (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t') && lineStart_) throw Failure{};
    PythonLiteral result = parseTupleOrExpr(true);
    skip();
    while (pos_ < s_.size() && (s_[pos_] == '\n' || s_[pos_] == '\r')) {
      ++pos_;
      skip();
    }
    if (pos_ != s_.size()) throw Failure{};
    return result;
  }

 private:
  void skipBlankLines() {
    while (true) {
      std::size_t p = pos_;
      while (p < s_.size() && (s_[p] == ' ' || s_[p] == '\t' || s_[p] == '\f')) ++p;
      if (p < s_.size() && s_[p] == '#') {
        while (p < s_.size() && s_[p] != '\n') ++p;
      }
      if (p < s_.size() && (s_[p] == '\n' || s_[p] == '\r')) {
        pos_ = p + 1;
        lineStart_ = true;
        continue;
      }
      return;
    }
  }

  // Whitespace and comments; newlines only inside brackets (implicit line joining).
  void skip() {
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == ' ' || c == '\t' || c == '\f') {
        ++pos_;
      } else if (c == '#') {
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      } else if (c == '\\' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n') {
        pos_ += 2;
      } else if ((c == '\n' || c == '\r') && brackets_ > 0) {
        ++pos_;
      } else {
        return;
      }
    }
  }

  bool peekChar(char c) {
    skip();
    return pos_ < s_.size() && s_[pos_] == c;
  }

  bool eat(char c) {
    if (!peekChar(c)) return false;
    ++pos_;
    return true;
  }

  // Top level and parentheses: "1, 2" is a tuple.
  PythonLiteral parseTupleOrExpr(bool topLevel) {
    PythonLiteral first = parseExpr();
    if (!peekChar(',')) return first;
    std::vector<Value> items{first.value};
    while (eat(',')) {
      skip();
      if (pos_ >= s_.size() || s_[pos_] == ')' || (topLevel && (s_[pos_] == '\n' || s_[pos_] == '\r'))) break;
      items.push_back(parseExpr().value);
    }
    return PythonLiteral{Value::tuple(std::move(items)), kPyTuple};
  }

  struct DepthGuard {
    explicit DepthGuard(int& depth) : depth_(depth) {
      if (++depth_ > kMaxDepth) throw Failure{};
    }
    ~DepthGuard() { --depth_; }
    int& depth_;
  };

  PythonLiteral parseExpr() {
    DepthGuard guard(depth_);
    skip();
    if (pos_ >= s_.size()) throw Failure{};
    const char c = s_[pos_];
    if (c == '+' || c == '-') {
      ++pos_;
      skip();
      if (pos_ >= s_.size() || !(isDigit(s_[pos_]) || s_[pos_] == '.')) throw Failure{};
      PythonLiteral number = parseNumber();
      if (c == '-') {
        if (number.type == kPyInt) number.value = Value(-number.value.asInt());
        else if (number.type == kPyFloat) number.value = Value(-number.value.asDouble());
      }
      return withComplexTail(number);
    }
    if (isDigit(c) || (c == '.' && pos_ + 1 < s_.size() && isDigit(s_[pos_ + 1]))) {
      return withComplexTail(parseNumber());
    }
    if (c == '.') {
      if (s_.substr(pos_, 3) == "...") {
        pos_ += 3;
        return PythonLiteral{Value("Ellipsis"), kPyEllipsis};
      }
      throw Failure{};
    }
    if (c == '[') return parseList();
    if (c == '(') return parseParen();
    if (c == '{') return parseBrace();
    if (c == '\'' || c == '"') return parseStrings();
    if (isNameChar(c)) {
      const std::size_t start = pos_;
      while (pos_ < s_.size() && isNameChar(s_[pos_])) ++pos_;
      const std::string_view name = s_.substr(start, pos_ - start);
      if (pos_ < s_.size() && (s_[pos_] == '\'' || s_[pos_] == '"') && name.size() <= 2) {
        pos_ = start;
        return parseStrings();
      }
      if (name == "True") return PythonLiteral{Value(true), kPyBool};
      if (name == "False") return PythonLiteral{Value(false), kPyBool};
      if (name == "None") return PythonLiteral{Value(nullptr), kPyNone};
      if (name == "set") {
        if (eat('(') && eat(')')) return PythonLiteral{Value::list(), kPySet};
      }
      throw Failure{};
    }
    throw Failure{};
  }

  // "1+2j" and "1-2j" are complex literals; the caller decides whether complex is allowed.
  PythonLiteral withComplexTail(PythonLiteral number) {
    if (!peekChar('+') && !peekChar('-')) return number;
    if (number.type == kPyComplex) throw Failure{};
    ++pos_;
    skip();
    PythonLiteral right = parseNumber();
    if (right.type != kPyComplex) throw Failure{};
    return PythonLiteral{Value("complex"), kPyComplex};
  }

  std::size_t scanDigits(bool (*accept)(char)) {
    const std::size_t start = pos_;
    while (pos_ < s_.size() && accept(s_[pos_])) {
      ++pos_;
      if (pos_ + 1 < s_.size() && s_[pos_] == '_' && accept(s_[pos_ + 1])) ++pos_;
    }
    if (pos_ < s_.size() && s_[pos_] == '_') throw Failure{};
    return pos_ - start;
  }

  PythonLiteral parseNumber() {
    if (pos_ >= s_.size() || !(isDigit(s_[pos_]) || s_[pos_] == '.')) throw Failure{};
    const std::size_t start = pos_;
    auto lower = [&](std::size_t p) { return p < s_.size() ? static_cast<char>(s_[p] | 0x20) : '\0'; };
    if (s_[pos_] == '0' && (lower(pos_ + 1) == 'x' || lower(pos_ + 1) == 'o' || lower(pos_ + 1) == 'b')) {
      const char base = lower(pos_ + 1);
      pos_ += 2;
      if (pos_ < s_.size() && s_[pos_] == '_') ++pos_;
      auto accept = base == 'x'   ? +[](char ch) { return isDigit(ch) || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'f'); }
                    : base == 'o' ? +[](char ch) { return ch >= '0' && ch <= '7'; }
                                  : +[](char ch) { return ch == '0' || ch == '1'; };
      const std::size_t digitsStart = pos_;
      if (scanDigits(accept) == 0) throw Failure{};
      if (pos_ < s_.size() && isNameChar(s_[pos_])) throw Failure{};
      std::string digits;
      for (char ch : s_.substr(digitsStart, pos_ - digitsStart)) {
        if (ch != '_') digits += ch;
      }
      errno = 0;
      char* end = nullptr;
      const unsigned long long value = std::strtoull(digits.c_str(), &end, base == 'x' ? 16 : base == 'o' ? 8 : 2);
      if (errno == ERANGE || value > static_cast<unsigned long long>(INT64_MAX)) {
        return PythonLiteral{Value(static_cast<double>(value)), kPyInt};
      }
      return PythonLiteral{Value(static_cast<std::int64_t>(value)), kPyInt};
    }
    bool isFloat = false;
    const std::size_t intDigits = scanDigits(isDigit);
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      isFloat = true;
      if (pos_ < s_.size() && isDigit(s_[pos_])) scanDigits(isDigit);
      else if (intDigits == 0) throw Failure{};
    }
    if (lower(pos_) == 'e') {
      std::size_t p = pos_ + 1;
      if (p < s_.size() && (s_[p] == '+' || s_[p] == '-')) ++p;
      if (p < s_.size() && isDigit(s_[p])) {
        pos_ = p;
        scanDigits(isDigit);
        isFloat = true;
      } else {
        throw Failure{};
      }
    }
    std::string digits;
    for (char ch : s_.substr(start, pos_ - start)) {
      if (ch != '_') digits += ch;
    }
    if (lower(pos_) == 'j') {
      ++pos_;
      if (pos_ < s_.size() && isNameChar(s_[pos_])) throw Failure{};
      return PythonLiteral{Value("complex"), kPyComplex};
    }
    if (pos_ < s_.size() && isNameChar(s_[pos_])) throw Failure{};
    if (isFloat) return PythonLiteral{Value(std::strtod(digits.c_str(), nullptr)), kPyFloat};
    // Decimal integers: no leading zeros except all-zero ("00" is 0).
    if (digits.size() > 1 && digits[0] == '0' && digits.find_first_not_of('0') != std::string::npos) throw Failure{};
    errno = 0;
    char* end = nullptr;
    const long long value = std::strtoll(digits.c_str(), &end, 10);
    // Beyond 64 bits Python still has an int; the nearest double is the closest JSON can hold.
    if (errno == ERANGE) return PythonLiteral{Value(std::strtod(digits.c_str(), nullptr)), kPyInt};
    return PythonLiteral{Value(static_cast<std::int64_t>(value)), kPyInt};
  }

  PythonLiteral parseStrings() {
    std::string text;
    bool bytes = false;
    bool first = true;
    while (true) {
      skip();
      if (pos_ >= s_.size()) break;
      std::size_t p = pos_;
      std::string prefix;
      while (p < s_.size() && p - pos_ < 2 && ((s_[p] | 0x20) >= 'a' && (s_[p] | 0x20) <= 'z')) prefix += static_cast<char>(s_[p++] | 0x20);
      if (p >= s_.size() || (s_[p] != '\'' && s_[p] != '"')) break;
      bool raw = false;
      bool isBytes = false;
      for (char ch : prefix) {
        if (ch == 'r') raw = true;
        else if (ch == 'b') isBytes = true;
        else if (ch != 'u') throw Failure{};  // f-strings are not literals
      }
      if (prefix == "ur" || prefix == "ru" || prefix == "bu" || prefix == "ub") throw Failure{};
      if (!first && isBytes != bytes) throw Failure{};
      bytes = isBytes;
      first = false;
      pos_ = p;
      text += parseOneString(raw, isBytes);
    }
    if (first) throw Failure{};
    return PythonLiteral{Value(std::move(text)), bytes ? kPyBytes : kPyStr};
  }

  std::string parseOneString(bool raw, bool bytes) {
    const char quote = s_[pos_];
    const bool triple = s_.substr(pos_, 3) == std::string(3, quote);
    pos_ += triple ? 3 : 1;
    std::string out;
    while (true) {
      if (pos_ >= s_.size()) throw Failure{};
      const char c = s_[pos_];
      if (c == quote && (!triple || s_.substr(pos_, 3) == std::string(3, quote))) {
        pos_ += triple ? 3 : 1;
        return out;
      }
      if ((c == '\n' || c == '\r') && !triple) throw Failure{};
      if (bytes && static_cast<unsigned char>(c) >= 0x80) throw Failure{};
      if (c != '\\') {
        out += c;
        ++pos_;
        continue;
      }
      if (pos_ + 1 >= s_.size()) throw Failure{};
      const char e = s_[pos_ + 1];
      if (raw) {
        out += c;
        out += e;
        pos_ += 2;
        continue;
      }
      pos_ += 2;
      switch (e) {
        case '\n': break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case 'x': appendUtf8(out, readHex(2)); break;
        case 'u':
          if (bytes) {
            out += "\\u";
          } else {
            appendUtf8(out, readHex(4));
          }
          break;
        case 'U':
          if (bytes) {
            out += "\\U";
          } else {
            const std::uint32_t cp = readHex(8);
            if (cp > 0x10FFFF) throw Failure{};
            appendUtf8(out, cp);
          }
          break;
        case 'N': throw Failure{};
        default:
          if (e >= '0' && e <= '7') {
            std::uint32_t cp = static_cast<std::uint32_t>(e - '0');
            for (int i = 0; i < 2 && pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '7'; ++i) {
              cp = cp * 8 + static_cast<std::uint32_t>(s_[pos_++] - '0');
            }
            appendUtf8(out, cp);
          } else {
            out += '\\';
            out += e;
          }
      }
    }
  }

  std::uint32_t readHex(int count) {
    std::uint32_t cp = 0;
    for (int i = 0; i < count; ++i) {
      if (pos_ >= s_.size()) throw Failure{};
      const char h = s_[pos_++];
      int v = -1;
      if (h >= '0' && h <= '9') v = h - '0';
      else if ((h | 0x20) >= 'a' && (h | 0x20) <= 'f') v = (h | 0x20) - 'a' + 10;
      if (v < 0) throw Failure{};
      cp = cp * 16 + static_cast<std::uint32_t>(v);
    }
    return cp;
  }

  static bool hashable(const Value& v) {
    const ValueKind k = v.kind();
    if (k == ValueKind::List || k == ValueKind::Dict) return false;
    if (k == ValueKind::Tuple) {
      for (const Value& item : v.items()) {
        if (!hashable(item)) return false;
      }
    }
    return true;
  }

  template <typename Item>
  void parseSequence(char close, Item item, bool hasFirst = false) {
    ++brackets_;
    bool firstItem = !hasFirst;
    while (!eat(close)) {
      if (!firstItem && !eat(',')) throw Failure{};
      firstItem = false;
      if (eat(close)) break;
      item();
    }
    --brackets_;
  }

  PythonLiteral parseList() {
    ++pos_;
    std::vector<Value> items;
    parseSequence(']', [&] { items.push_back(parseExpr().value); });
    return PythonLiteral{Value::list(std::move(items)), kPyList};
  }

  PythonLiteral parseParen() {
    ++pos_;
    ++brackets_;
    if (eat(')')) {
      --brackets_;
      return PythonLiteral{Value::tuple(), kPyTuple};
    }
    PythonLiteral inner = parseTupleOrExpr(false);
    if (!eat(')')) throw Failure{};
    --brackets_;
    return inner;
  }

  PythonLiteral parseBrace() {
    ++pos_;
    ++brackets_;
    if (eat('}')) {
      --brackets_;
      return PythonLiteral{Value::dict(), kPyDict};
    }
    Value first = parseExpr().value;
    if (eat(':')) {
      DictObject dict;
      if (!hashable(first)) throw Failure{};
      dict.set(first, parseExpr().value);
      --brackets_;
      parseSequence('}', [&] {
        Value key = parseExpr().value;
        if (!hashable(key) || !eat(':')) throw Failure{};
        dict.set(std::move(key), parseExpr().value);
      }, true);
      return PythonLiteral{Value::dict(std::move(dict)), kPyDict};
    }
    // A set: unique hashable elements.
    std::vector<Value> items;
    auto add = [&](Value v) {
      if (!hashable(v)) throw Failure{};
      for (const Value& existing : items) {
        if (pythonEquals(existing, v)) return;
      }
      items.push_back(std::move(v));
    };
    add(std::move(first));
    --brackets_;
    parseSequence('}', [&] { add(parseExpr().value); }, true);
    return PythonLiteral{Value::list(std::move(items)), kPySet};
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  int brackets_ = 0;
  int depth_ = 0;
  bool lineStart_ = false;
};

// Rejects, without running the parser, text that cannot be a literal: most rendered values
// (tokens, names, dates) are plain strings, and the parser's failure path is costly.
bool cannotBeLiteral(std::string_view t) {
  if (t.empty()) return true;
  const char c = t[0];
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
    std::size_t n = 0;
    while (n < t.size() && isNameChar(t[n])) ++n;
    const std::string_view name = t.substr(0, n);
    if (name == "True" || name == "False" || name == "None" || name == "set") return false;
    const bool quoteFollows = n < t.size() && (t[n] == '\'' || t[n] == '"');
    return !(quoteFollows && n <= 2);
  }
  if (isDigit(c)) {
    // After a leading number only an operator-free continuation can follow; "2024-10-10",
    // "12:30" and "1+2j" are strings (complex numbers are never kept).
    std::size_t n = 0;
    while (n < t.size() && (isDigit(t[n]) || t[n] == '_' || t[n] == '.')) ++n;
    if (n < t.size() && (t[n] == '-' || t[n] == '+' || t[n] == ':' || t[n] == '/')) return true;
    return false;
  }
  return std::string_view("+-.'\"[({\n\r#").find(c) == std::string_view::npos;
}

}  // namespace

std::optional<PythonLiteral> parsePythonLiteral(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size() && (text[start] == ' ' || text[start] == '\t')) ++start;
  if (cannotBeLiteral(text.substr(start))) return std::nullopt;
  try {
    return LiteralParser(text.substr(start)).parseAll();
  } catch (const Failure&) {
    return std::nullopt;
  }
}

Value applyLiteralRule(std::string_view text, std::uint32_t validTypes) {
  auto literal = parsePythonLiteral(text);
  if (!literal) return Value(text);
  std::uint32_t type = literal->type;
  if (type == kPyBool) type |= kPyInt;
  const bool allowed = validTypes == 0 ? literal->type != kPyComplex : (type & validTypes) != 0;
  if (!allowed) return Value(text);
  if (literal->type == kPyComplex) return Value(text);
  return literal->value;
}

}  // namespace manifold::interpolation
