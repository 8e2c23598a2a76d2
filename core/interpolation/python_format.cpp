// Python's str()/repr() of every value kind, so rendered text matches the reference byte for byte.
#include "core/interpolation/python_format.h"

#include "core/interpolation/error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace manifold::interpolation {

std::string formatPythonFloat(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (value == 0.0) return std::signbit(value) ? "-0.0" : "0.0";
  // Shortest round-trip digits in scientific form, then laid out with Python's rule:
  // fixed notation when -4 <= exponent < 16, else "d.ddde+XX".
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  std::string sci(buffer, result.ptr);
  const bool negative = sci[0] == '-';
  if (negative) sci.erase(0, 1);
  const auto ePos = sci.find('e');
  std::string mantissa = sci.substr(0, ePos);
  const int exponent = std::stoi(sci.substr(ePos + 1));
  std::string digits;
  for (char c : mantissa) {
    if (c != '.') digits += c;
  }
  std::string out;
  if (exponent >= -4 && exponent < 16) {
    if (exponent >= 0) {
      if (static_cast<int>(digits.size()) <= exponent + 1) {
        out = digits + std::string(static_cast<std::size_t>(exponent + 1) - digits.size(), '0') + ".0";
      } else {
        out = digits.substr(0, static_cast<std::size_t>(exponent + 1)) + "." +
              digits.substr(static_cast<std::size_t>(exponent + 1));
      }
    } else {
      out = "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char exp[16];
    std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    out += exp;
  }
  return negative ? "-" + out : out;
}

std::string reprString(std::string_view text) {
  const bool hasSingle = text.find('\'') != std::string_view::npos;
  const bool hasDouble = text.find('"') != std::string_view::npos;
  const char quote = hasSingle && !hasDouble ? '"' : '\'';
  std::string out(1, quote);
  for (unsigned char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c == static_cast<unsigned char>(quote)) {
          out += '\\';
          out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7f) {
          char hex[8];
          std::snprintf(hex, sizeof hex, "\\x%02x", c);
          out += hex;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += quote;
  return out;
}

namespace {

std::string reprSequence(const Value& value) {
  const bool tuple = value.kind() == ValueKind::Tuple;
  std::string out(1, tuple ? '(' : '[');
  const std::size_t n = value.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) out += ", ";
    out += toPythonRepr(value.item(i));
  }
  if (tuple && n == 1) out += ',';
  out += tuple ? ')' : ']';
  return out;
}

std::string reprDict(const Value& value) {
  std::string out = "{";
  bool first = true;
  for (const auto& [k, v] : value.entries()) {
    if (!first) out += ", ";
    first = false;
    out += toPythonRepr(k);
    out += ": ";
    out += toPythonRepr(v);
  }
  out += '}';
  return out;
}

}  // namespace

std::string toPythonRepr(const Value& value) {
  switch (value.kind()) {
    case ValueKind::String: return reprString(value.asString());
    case ValueKind::DateTime: return toPythonRepr(value.asDateTime());
    case ValueKind::Date: return toPythonRepr(value.asDate());
    case ValueKind::Duration: return toPythonRepr(value.asDuration());
    default: return toPythonStr(value);
  }
}

std::string toPythonStr(const Value& value) {
  switch (value.kind()) {
    case ValueKind::Undefined: return {};
    case ValueKind::None: return "None";
    case ValueKind::Bool: return value.asBool() ? "True" : "False";
    case ValueKind::Int: return std::to_string(value.asInt());
    case ValueKind::Float: return formatPythonFloat(value.asDouble());
    case ValueKind::String: return std::string(value.asString());
    case ValueKind::List:
    case ValueKind::Tuple: return reprSequence(value);
    case ValueKind::Dict: return reprDict(value);
    case ValueKind::DateTime: return toPythonString(value.asDateTime());
    case ValueKind::Date: return toPythonString(value.asDate());
    case ValueKind::Duration: return toPythonString(value.asDuration());
    case ValueKind::Function: return "<function " + value.asFunction().name + ">";
  }
  return {};
}

namespace {

void appendJsonString(std::string& out, std::string_view text) {
  out += '"';
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    char buffer[16];
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      case '\b': out += "\\b"; continue;
      case '\f': out += "\\f"; continue;
      default: break;
    }
    if (c < 0x20) {
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      out += buffer;
      continue;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    // Decode one UTF-8 sequence and escape it (ensure_ascii), with surrogate pairs above the BMP.
    std::uint32_t cp = 0;
    int extra = 0;
    if ((c & 0xE0) == 0xC0) { cp = c & 0x1F; extra = 1; }
    else if ((c & 0xF0) == 0xE0) { cp = c & 0x0F; extra = 2; }
    else if ((c & 0xF8) == 0xF0) { cp = c & 0x07; extra = 3; }
    else { cp = 0xFFFD; }
    for (int k = 0; k < extra && i + 1 < text.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[++i]) & 0x3F);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      std::snprintf(buffer, sizeof buffer, "\\u%04x\\u%04x", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
    } else {
      std::snprintf(buffer, sizeof buffer, "\\u%04x", cp);
    }
    out += buffer;
  }
  out += '"';
}

void dumpJson(std::string& out, const Value& value, bool sortKeys, int depth) {
  if (depth > 200) throwValueError("Circular reference detected");
  switch (value.kind()) {
    case ValueKind::None: out += "null"; return;
    case ValueKind::Bool: out += value.asBool() ? "true" : "false"; return;
    case ValueKind::Int: out += std::to_string(value.asInt()); return;
    case ValueKind::Float: {
      const double d = value.asDouble();
      out += std::isnan(d) ? "NaN" : std::isinf(d) ? (d > 0 ? "Infinity" : "-Infinity") : formatPythonFloat(d);
      return;
    }
    case ValueKind::String: appendJsonString(out, value.asString()); return;
    case ValueKind::List:
    case ValueKind::Tuple: {
      out += '[';
      const std::size_t n = value.size();
      for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) out += ", ";
        dumpJson(out, value.item(i), sortKeys, depth + 1);
      }
      out += ']';
      return;
    }
    case ValueKind::Dict: {
      std::vector<std::pair<std::string, Value>> entries;
      for (auto& [k, v] : value.entries()) {
        std::string key;
        switch (k.kind()) {
          case ValueKind::String: key = std::string(k.asString()); break;
          case ValueKind::Bool: key = k.asBool() ? "true" : "false"; break;
          case ValueKind::None: key = "null"; break;
          case ValueKind::Int:
          case ValueKind::Float: key = toPythonStr(k); break;
          default: throwTypeError("keys must be str, int, float, bool or None, not " + std::string(pythonTypeName(k.kind())));
        }
        entries.emplace_back(std::move(key), std::move(v));
      }
      if (sortKeys) {
        std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      }
      out += '{';
      bool first = true;
      for (const auto& [k, v] : entries) {
        if (!first) out += ", ";
        first = false;
        appendJsonString(out, k);
        out += ": ";
        dumpJson(out, v, sortKeys, depth + 1);
      }
      out += '}';
      return;
    }
    default:
      throwTypeError("Object of type " + std::string(pythonTypeName(value.kind())) + " is not JSON serializable");
  }
}

}  // namespace

std::string jsonDumps(const Value& value, bool sortKeys) {
  std::string out;
  dumpJson(out, value, sortKeys, 0);
  return out;
}

}  // namespace manifold::interpolation
