// YAML 1.1 implicit typing of plain scalars, after PyYAML's SafeLoader resolvers.
#include "core/manifest/yaml_scalar.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace manifold::manifest {
namespace {

using Json = nlohmann::ordered_json;

bool isOneOf(std::string_view text, std::initializer_list<std::string_view> options) {
  for (auto option : options) {
    if (text == option) return true;
  }
  return false;
}

// Digits of `text` in `base` with '_' separators ignored; nullopt when any other character
// appears or nothing is left.
std::optional<Json> parseDigits(std::string_view text, int base, bool negative) {
  if (text.empty()) return std::nullopt;
  std::uint64_t value = 0;
  bool any = false;
  bool overflow = false;
  for (char c : text) {
    if (c == '_') continue;
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0 || digit >= base) return std::nullopt;
    any = true;
    if (!overflow) {
      const auto b = static_cast<std::uint64_t>(base);
      const auto d = static_cast<std::uint64_t>(digit);
      if (value > (std::numeric_limits<std::uint64_t>::max() - d) / b) {
        overflow = true;
      } else {
        value = value * b + d;
      }
    }
  }
  if (!any) return std::nullopt;
  if (overflow) {
    // Python integers are unbounded; a double keeps the magnitude.
    double d = 0;
    for (char c : text) {
      if (c == '_') continue;
      int digit = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : c - 'A' + 10;
      d = d * base + digit;
    }
    return Json(negative ? -d : d);
  }
  const auto magnitude = static_cast<std::uint64_t>(value);
  if (negative) {
    if (magnitude <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return Json(-static_cast<std::int64_t>(magnitude));
    }
    if (magnitude == static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1) {
      return Json(std::numeric_limits<std::int64_t>::min());
    }
    return Json(-static_cast<double>(magnitude));
  }
  if (magnitude <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    return Json(static_cast<std::int64_t>(magnitude));
  }
  return Json(magnitude);
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

std::optional<Json> parseInteger(std::string_view text) {
  bool negative = false;
  std::string_view body = text;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body.empty() || !isDigit(body[0])) return std::nullopt;
  if (body.size() > 2 && body[0] == '0' && (body[1] == 'b' || body[1] == 'B')) {
    if (body[1] == 'B') return std::nullopt;
    return parseDigits(body.substr(2), 2, negative);
  }
  if (body.size() > 2 && body[0] == '0' && body[1] == 'x') {
    return parseDigits(body.substr(2), 16, negative);
  }
  if (body == "0") return Json(0);
  if (body[0] == '0') return parseDigits(body.substr(1), 8, negative);
  // Sexagesimal integers (190:20:30) are YAML 1.1 too.
  if (body.find(':') != std::string_view::npos) {
    std::int64_t total = 0;
    std::size_t start = 0;
    bool first = true;
    while (start <= body.size()) {
      auto end = body.find(':', start);
      std::string_view part = body.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
      if (part.empty()) return std::nullopt;
      for (char c : part) {
        if (!isDigit(c) && !(first && c == '_')) return std::nullopt;
      }
      if (first && part[0] == '0') return std::nullopt;
      if (!first && (part.size() > 2 || (part.size() == 2 && part[0] > '5'))) return std::nullopt;
      std::int64_t partValue = 0;
      for (char c : part) {
        if (c == '_') continue;
        if (partValue > std::numeric_limits<std::int64_t>::max() / 100) return std::nullopt;
        partValue = partValue * 10 + (c - '0');
      }
      if (total > std::numeric_limits<std::int64_t>::max() / 100) return std::nullopt;
      total = total * (first ? 1 : 60) + partValue;
      first = false;
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
    return Json(negative ? -total : total);
  }
  return parseDigits(body, 10, negative);
}

std::optional<Json> parseFloat(std::string_view text) {
  if (isOneOf(text, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"})) {
    return Json(std::numeric_limits<double>::infinity());
  }
  if (isOneOf(text, {"-.inf", "-.Inf", "-.INF"})) return Json(-std::numeric_limits<double>::infinity());
  if (isOneOf(text, {".nan", ".NaN", ".NAN"})) return Json(std::numeric_limits<double>::quiet_NaN());
  // [-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?  (PyYAML also accepts a leading dot)
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  const std::size_t intStart = i;
  while (i < text.size() && (isDigit(text[i]) || text[i] == '_')) ++i;
  const bool hasInt = i > intStart;
  if (hasInt && text[intStart] == '_') return std::nullopt;
  if (i >= text.size() || text[i] != '.') return std::nullopt;
  if (!hasInt && intStart != 0) return std::nullopt;  // "-.5" is not a float in PyYAML 
  ++i;
  const std::size_t fracStart = i;
  while (i < text.size() && (isDigit(text[i]) || text[i] == '_')) ++i;
  if (!hasInt && i == fracStart) return std::nullopt;
  if (i < text.size()) {
    if (text[i] != 'e' && text[i] != 'E') return std::nullopt;
    ++i;
    if (i >= text.size() || (text[i] != '-' && text[i] != '+')) return std::nullopt;
    ++i;
    const std::size_t expStart = i;
    while (i < text.size() && isDigit(text[i])) ++i;
    if (i == expStart || i != text.size()) return std::nullopt;
  }
  std::string cleaned;
  cleaned.reserve(text.size());
  for (char c : text) {
    if (c != '_') cleaned.push_back(c);
  }
  try {
    return Json(std::stod(cleaned));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

Json resolvePlainScalar(std::string_view text) {
  if (text.empty()) return Json(nullptr);
  switch (text[0]) {
    case '~':
    case 'n':
    case 'N':
      if (isOneOf(text, {"~", "null", "Null", "NULL"})) return Json(nullptr);
      if (isOneOf(text, {"no", "No", "NO"})) return Json(false);
      break;
    case 'y':
    case 'Y':
      if (isOneOf(text, {"yes", "Yes", "YES"})) return Json(true);
      break;
    case 't':
    case 'T':
      if (isOneOf(text, {"true", "True", "TRUE"})) return Json(true);
      break;
    case 'f':
    case 'F':
      if (isOneOf(text, {"false", "False", "FALSE"})) return Json(false);
      break;
    case 'o':
    case 'O':
      if (isOneOf(text, {"on", "On", "ON"})) return Json(true);
      if (isOneOf(text, {"off", "Off", "OFF"})) return Json(false);
      break;
    case '-':
    case '+':
    case '.':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      if (auto integer = parseInteger(text)) return *integer;
      if (auto number = parseFloat(text)) return *number;
      break;
    default:
      break;
  }
  return Json(std::string(text));
}

}  // namespace manifold::manifest
