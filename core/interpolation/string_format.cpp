// Python's printf-style (%) and str.format formatting for the conversions templates use.
#include "core/interpolation/string_format.h"

#include "core/interpolation/datetime_format.h"
#include "core/interpolation/error.h"
#include "core/interpolation/methods.h"
#include "core/interpolation/operators.h"
#include "core/interpolation/python_format.h"
#include "core/interpolation/text_util.h"

#include <cmath>
#include <cstdio>

namespace manifold::interpolation {
namespace {

std::string typeName(const Value& v) { return std::string(pythonTypeName(v.kind())); }

std::string pad(std::string text, std::size_t width, char align, char fill) {
  const std::size_t length = codePointCount(text);
  if (length >= width) return text;
  const std::size_t missing = width - length;
  if (align == '<') return text + std::string(missing, fill);
  if (align == '^') return std::string(missing / 2, fill) + text + std::string(missing - missing / 2, fill);
  if (align == '=') {
    // Padding goes after the sign.
    if (!text.empty() && (text[0] == '-' || text[0] == '+' || text[0] == ' ')) {
      return text.substr(0, 1) + std::string(missing, fill) + text.substr(1);
    }
  }
  return std::string(missing, fill) + text;
}

std::string groupThousands(const std::string& digits, char separator) {
  // digits may carry a sign and a fraction; group only the integer part.
  std::size_t start = (!digits.empty() && (digits[0] == '-' || digits[0] == '+' || digits[0] == ' ')) ? 1 : 0;
  std::size_t end = digits.find_first_of(".eE", start);
  if (end == std::string::npos) end = digits.size();
  std::string integer = digits.substr(start, end - start);
  std::string grouped;
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) grouped += separator;
    grouped += integer[i];
  }
  return digits.substr(0, start) + grouped + digits.substr(end);
}

std::string formatDouble(double value, char type, int precision, bool alternate) {
  if (std::isnan(value)) return type >= 'A' && type <= 'Z' ? "NAN" : "nan";
  if (std::isinf(value)) return std::string(value < 0 ? "-" : "") + (type >= 'A' && type <= 'Z' ? "INF" : "inf");
  char buffer[512];
  const double v = value;
  const int p = precision;
  switch (type) {
    case 'f': alternate ? std::snprintf(buffer, sizeof buffer, "%#.*f", p, v) : std::snprintf(buffer, sizeof buffer, "%.*f", p, v); break;
    case 'F': alternate ? std::snprintf(buffer, sizeof buffer, "%#.*F", p, v) : std::snprintf(buffer, sizeof buffer, "%.*F", p, v); break;
    case 'e': alternate ? std::snprintf(buffer, sizeof buffer, "%#.*e", p, v) : std::snprintf(buffer, sizeof buffer, "%.*e", p, v); break;
    case 'E': alternate ? std::snprintf(buffer, sizeof buffer, "%#.*E", p, v) : std::snprintf(buffer, sizeof buffer, "%.*E", p, v); break;
    case 'G': alternate ? std::snprintf(buffer, sizeof buffer, "%#.*G", p, v) : std::snprintf(buffer, sizeof buffer, "%.*G", p, v); break;
    default: alternate ? std::snprintf(buffer, sizeof buffer, "%#.*g", p, v) : std::snprintf(buffer, sizeof buffer, "%.*g", p, v); break;
  }
  return buffer;
}

std::string formatInteger(std::int64_t value, char type, bool alternate) {
  const bool negative = value < 0;
  std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  const int base = type == 'x' || type == 'X' ? 16 : type == 'o' ? 8 : type == 'b' ? 2 : 10;
  const char* digitsSet = type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string digits;
  do {
    digits.insert(digits.begin(), digitsSet[magnitude % static_cast<std::uint64_t>(base)]);
    magnitude /= static_cast<std::uint64_t>(base);
  } while (magnitude > 0);
  if (alternate && base != 10) digits = std::string("0") + (type == 'o' ? 'o' : type == 'b' ? 'b' : type) + digits;
  return (negative ? "-" : "") + digits;
}

// ---- % formatting ----

std::string percentOne(const Value& arg, char type, const std::string& flags, int width, int precision) {
  std::string text;
  const bool alternate = flags.find('#') != std::string::npos;
  switch (type) {
    case 's': text = toPythonStr(arg); if (precision >= 0) text = text.substr(0, static_cast<std::size_t>(precision)); break;
    case 'r':
    case 'a': text = toPythonRepr(arg); if (precision >= 0) text = text.substr(0, static_cast<std::size_t>(precision)); break;
    case 'd':
    case 'i':
    case 'u':
      if (!arg.isNumber()) throwTypeError(std::string("%") + type + " format: a real number is required, not " + typeName(arg));
      text = formatInteger(arg.kind() == ValueKind::Float ? static_cast<std::int64_t>(arg.asDouble()) : arg.asInt(), 'd', false);
      break;
    case 'x':
    case 'X':
    case 'o':
      if (arg.kind() != ValueKind::Int && arg.kind() != ValueKind::Bool) {
        throwTypeError(std::string("%") + type + " format: an integer is required, not " + typeName(arg));
      }
      text = formatInteger(arg.asInt(), type, alternate);
      break;
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
      if (!arg.isNumber()) throwTypeError("must be real number, not " + typeName(arg));
      text = formatDouble(arg.asDouble(), type, precision < 0 ? 6 : precision, alternate);
      break;
    case 'c':
      if (arg.isString() && codePointCount(arg.asString()) == 1) {
        text = std::string(arg.asString());
      } else if (arg.kind() == ValueKind::Int) {
        text = std::string(1, static_cast<char>(arg.asInt()));
      } else {
        throwTypeError("%c requires int or char");
      }
      break;
    default: throwValueError(std::string("unsupported format character '") + type + "'");
  }
  const bool numeric = std::string_view("diuxXofFeEgG").find(type) != std::string_view::npos;
  if (numeric && !text.empty() && text[0] != '-') {
    if (flags.find('+') != std::string::npos) text = "+" + text;
    else if (flags.find(' ') != std::string::npos) text = " " + text;
  }
  if (width > 0) {
    if (flags.find('-') != std::string::npos) text = pad(text, static_cast<std::size_t>(width), '<', ' ');
    else if (numeric && flags.find('0') != std::string::npos) text = pad(text, static_cast<std::size_t>(width), '=', '0');
    else text = pad(text, static_cast<std::size_t>(width), '>', ' ');
  }
  return text;
}

}  // namespace

std::string percentFormat(std::string_view format, const Value& args) {
  std::vector<Value> positional;
  const bool mapping = args.kind() == ValueKind::Dict;
  if (args.kind() == ValueKind::Tuple) positional = args.items();
  else positional.push_back(args);
  std::size_t next = 0;
  bool usedMapping = false;
  std::string out;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') {
      out += format[i];
      continue;
    }
    if (++i >= format.size()) throwValueError("incomplete format");
    const Value* arg = nullptr;
    Value named;
    if (format[i] == '(') {
      const std::size_t close = format.find(')', i);
      if (close == std::string_view::npos) throwValueError("incomplete format key");
      if (!mapping) throwTypeError("format requires a mapping");
      auto found = args.lookup(format.substr(i + 1, close - i - 1));
      if (!found) throw EvalException(ErrorKind::Value, "KeyError: " + reprString(format.substr(i + 1, close - i - 1)), kNoOffset);
      named = *found;
      arg = &named;
      usedMapping = true;
      i = close + 1;
    }
    std::string flags;
    while (i < format.size() && std::string_view("-+ #0").find(format[i]) != std::string_view::npos) flags += format[i++];
    auto readNumber = [&]() -> int {
      if (i < format.size() && format[i] == '*') {
        ++i;
        if (next >= positional.size()) throwTypeError("not enough arguments for format string");
        return static_cast<int>(positional[next++].asInt());
      }
      int n = 0;
      bool any = false;
      while (i < format.size() && format[i] >= '0' && format[i] <= '9') {
        n = n * 10 + (format[i++] - '0');
        any = true;
        if (n > 10000) throwValueError("width or precision too big");
      }
      return any ? n : -1;
    };
    const int width = readNumber();
    int precision = -1;
    if (i < format.size() && format[i] == '.') {
      ++i;
      precision = std::max(readNumber(), 0);
    }
    while (i < format.size() && (format[i] == 'l' || format[i] == 'h' || format[i] == 'L')) ++i;
    if (i >= format.size()) throwValueError("incomplete format");
    const char type = format[i];
    if (type == '%') {
      out += '%';
      continue;
    }
    if (!arg) {
      if (next >= positional.size()) throwTypeError("not enough arguments for format string");
      arg = &positional[next++];
    }
    out += percentOne(*arg, type, flags, width, precision);
  }
  if (!usedMapping && !mapping && next < positional.size()) {
    throwTypeError("not all arguments converted during string formatting");
  }
  return out;
}

namespace {

// ---- str.format ----

std::string formatWithSpec(const Value& value, std::string_view spec) {
  char fill = ' ';
  char align = '\0';
  std::size_t i = 0;
  if (spec.size() >= 2 && std::string_view("<>=^").find(spec[1]) != std::string_view::npos) {
    fill = spec[0];
    align = spec[1];
    i = 2;
  } else if (!spec.empty() && std::string_view("<>=^").find(spec[0]) != std::string_view::npos) {
    align = spec[0];
    i = 1;
  }
  char sign = '-';
  if (i < spec.size() && std::string_view("+- ").find(spec[i]) != std::string_view::npos) sign = spec[i++];
  bool alternate = false;
  if (i < spec.size() && spec[i] == '#') {
    alternate = true;
    ++i;
  }
  if (i < spec.size() && spec[i] == '0') {
    if (align == '\0') {
      fill = '0';
      align = '=';
    }
    ++i;
  }
  std::size_t width = 0;
  while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9') {
    width = width * 10 + static_cast<std::size_t>(spec[i++] - '0');
    if (width > 10000) throwValueError("width too big");
  }
  char grouping = '\0';
  if (i < spec.size() && (spec[i] == ',' || spec[i] == '_')) grouping = spec[i++];
  int precision = -1;
  if (i < spec.size() && spec[i] == '.') {
    ++i;
    precision = 0;
    while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9') {
      precision = precision * 10 + (spec[i++] - '0');
      if (precision > 1000) throwValueError("precision too big");
    }
  }
  char type = i < spec.size() ? spec[i++] : '\0';
  if (i != spec.size()) throwValueError("Invalid format specifier");

  std::string text;
  const bool numeric = value.isNumber();
  if (value.kind() == ValueKind::DateTime || value.kind() == ValueKind::Date) {
    // datetime.__format__(spec) is strftime(spec).
    if (spec.empty()) return toPythonStr(value);
    return value.kind() == ValueKind::DateTime ? strftime(value.asDateTime(), spec) : strftime(value.asDate(), spec);
  } else if (!numeric) {
    if (type != '\0' && type != 's') {
      throwValueError(std::string("Unknown format code '") + type + "' for object of type '" + typeName(value) + "'");
    }
    text = toPythonStr(value);
    if (precision >= 0) text = text.substr(0, static_cast<std::size_t>(precision));
    if (align == '\0') align = '<';
  } else {
    const bool isInt = value.kind() != ValueKind::Float;
    if (isInt && (type == '\0' || type == 'd' || type == 'n' || type == 'x' || type == 'X' || type == 'o' || type == 'b')) {
      text = formatInteger(value.asInt(), type == '\0' || type == 'n' ? 'd' : type, alternate);
    } else if (type == 'c' && isInt) {
      text = std::string(1, static_cast<char>(value.asInt()));
    } else if (type == '%') {
      text = formatDouble(value.asDouble() * 100.0, 'f', precision < 0 ? 6 : precision, alternate) + "%";
    } else if (type == '\0' && !isInt) {
      text = precision < 0 ? formatPythonFloat(value.asDouble()) : formatDouble(value.asDouble(), 'g', std::max(precision, 1), alternate);
    } else if (std::string_view("fFeEgG").find(type) != std::string_view::npos) {
      text = formatDouble(value.asDouble(), type, precision < 0 ? 6 : precision, alternate);
    } else {
      throwValueError(std::string("Unknown format code '") + type + "' for object of type '" + typeName(value) + "'");
    }
    if (grouping) text = groupThousands(text, grouping);
    if (sign != '-' && !text.empty() && text[0] != '-') text = std::string(1, sign == '+' ? '+' : ' ') + text;
    if (align == '\0') align = '>';
  }
  return pad(std::move(text), width, align, fill);
}

Value resolveField(std::string_view field, const CallArgs& args, std::size_t& autoIndex) {
  std::size_t end = field.find_first_of(".[");
  std::string_view head = field.substr(0, end);
  Value value;
  if (head.empty()) {
    if (autoIndex >= args.positional.size()) throw EvalException(ErrorKind::Value, "IndexError: Replacement index " + std::to_string(autoIndex) + " out of range for positional args tuple", kNoOffset);
    value = args.positional[autoIndex++];
  } else if (head.find_first_not_of("0123456789") == std::string_view::npos) {
    const std::size_t index = static_cast<std::size_t>(std::stoul(std::string(head)));
    if (index >= args.positional.size()) throw EvalException(ErrorKind::Value, "IndexError: Replacement index " + std::string(head) + " out of range for positional args tuple", kNoOffset);
    value = args.positional[index];
  } else {
    const Value* found = nullptr;
    for (const auto& [key, v] : args.keywords) {
      if (key == head) found = &v;
    }
    if (!found) throw EvalException(ErrorKind::Value, "KeyError: " + reprString(head), kNoOffset);
    value = *found;
  }
  while (end != std::string_view::npos && end < field.size()) {
    if (field[end] == '.') {
      const std::size_t next = field.find_first_of(".[", end + 1);
      value = getAttr(value, field.substr(end + 1, next == std::string_view::npos ? std::string_view::npos : next - end - 1));
      end = next;
    } else {
      const std::size_t close = field.find(']', end);
      if (close == std::string_view::npos) throwValueError("Missing ']' in format string");
      std::string_view key = field.substr(end + 1, close - end - 1);
      Value keyValue = key.find_first_not_of("0123456789") == std::string_view::npos && !key.empty()
                           ? Value(static_cast<std::int64_t>(std::stoll(std::string(key))))
                           : Value(key);
      value = getItem(value, keyValue);
      end = close + 1 < field.size() ? close + 1 : std::string_view::npos;
    }
  }
  return value;
}

}  // namespace

std::string braceFormat(std::string_view format, const CallArgs& args) {
  std::string out;
  std::size_t autoIndex = 0;
  for (std::size_t i = 0; i < format.size(); ++i) {
    const char c = format[i];
    if (c == '}') {
      if (i + 1 < format.size() && format[i + 1] == '}') {
        out += '}';
        ++i;
        continue;
      }
      throwValueError("Single '}' encountered in format string");
    }
    if (c != '{') {
      out += c;
      continue;
    }
    if (i + 1 < format.size() && format[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    const std::size_t close = format.find('}', i);
    if (close == std::string_view::npos) throwValueError("Single '{' encountered in format string");
    std::string_view field = format.substr(i + 1, close - i - 1);
    std::string_view spec;
    char conversion = '\0';
    if (const auto colon = field.find(':'); colon != std::string_view::npos) {
      spec = field.substr(colon + 1);
      field = field.substr(0, colon);
    }
    if (const auto bang = field.find('!'); bang != std::string_view::npos) {
      if (bang + 2 != field.size()) throwValueError("expected ':' after conversion specifier");
      conversion = field[bang + 1];
      field = field.substr(0, bang);
    }
    Value value = resolveField(field, args, autoIndex);
    if (conversion == 'r' || conversion == 'a') value = Value(toPythonRepr(value));
    else if (conversion == 's') value = Value(toPythonStr(value));
    else if (conversion != '\0') throwValueError(std::string("Unknown conversion specifier ") + conversion);
    out += formatWithSpec(value, spec);
    i = close;
  }
  return out;
}

}  // namespace manifold::interpolation
