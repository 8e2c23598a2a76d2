// Text ↔ date-time conversions with the reference's exact rules (Python strftime/strptime on
// glibc, dateutil.isoparse, isodate durations, DatetimeParser's epoch formats).
#include "core/interpolation/datetime_format.h"

#include "core/interpolation/error.h"
#include "core/interpolation/python_format.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <vector>

namespace manifold::interpolation {
namespace {

constexpr const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};
constexpr const char* kDayNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

std::string number(long long value, int width, char padding) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  if (padding != '\0' && static_cast<int>(digits.size()) < width) {
    digits.insert(0, static_cast<std::size_t>(width) - digits.size(), padding);
  }
  return (value < 0 ? "-" : "") + digits;
}

int isoWeekYear(std::int64_t days, int year, int& week) {
  // ISO week: the week with the year's first Thursday is week 1.
  const int weekday = weekdayFromDays(days);  // Monday 0
  const std::int64_t thursday = days - weekday + 3;
  int tYear, tMonth, tDay;
  civilFromDays(thursday, tYear, tMonth, tDay);
  week = static_cast<int>((thursday - daysFromCivil(tYear, 1, 1)) / 7 + 1);
  (void)year;
  return tYear;
}

struct Fields {
  CivilTime civil;
  std::int64_t days = 0;
  bool hasTime = true;
  bool aware = false;
  std::int32_t offset = 0;
  std::int64_t epochSeconds = 0;  // of the wall-clock time, for glibc's %s
};

std::string strftimeFields(const Fields& f, std::string_view format) {
  std::string out;
  const CivilTime& c = f.civil;
  const int weekday = weekdayFromDays(f.days);  // Monday 0
  const int yday = static_cast<int>(f.days - daysFromCivil(c.year, 1, 1)) + 1;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 >= format.size()) {
      out += format[i];
      continue;
    }
    const std::size_t start = i;
    ++i;
    char padding = '\0';  // default for the directive
    bool upper = false;
    bool hasFlag = false;
    while (i < format.size() && (format[i] == '-' || format[i] == '_' || format[i] == '0' || format[i] == '^' || format[i] == '#')) {
      if (format[i] == '-') padding = 'n';
      else if (format[i] == '_') padding = ' ';
      else if (format[i] == '0') padding = '0';
      else if (format[i] == '^') upper = true;
      hasFlag = true;
      ++i;
    }
    if (i >= format.size()) {
      out += format.substr(start);
      break;
    }
    auto num = [&](long long value, int width, char defaultPad = '0') {
      const char p = padding == '\0' ? defaultPad : (padding == 'n' ? '\0' : padding);
      return number(value, width, p);
    };
    std::string piece;
    const int hour12 = c.hour % 12 == 0 ? 12 : c.hour % 12;
    switch (format[i]) {
      case 'a': piece = std::string(kDayNames[weekday]).substr(0, 3); break;
      case 'A': piece = kDayNames[weekday]; break;
      case 'b':
      case 'h': piece = std::string(kMonthNames[c.month - 1]).substr(0, 3); break;
      case 'B': piece = kMonthNames[c.month - 1]; break;
      case 'c':
        piece = strftimeFields(f, "%a %b %e %H:%M:%S %Y");
        break;
      case 'C': piece = num(c.year / 100, 2); break;
      case 'd': piece = num(c.day, 2); break;
      case 'D': piece = strftimeFields(f, "%m/%d/%y"); break;
      case 'e': piece = num(c.day, 2, ' '); break;
      case 'f': piece = number(c.microsecond, 6, '0'); break;
      case 'F': piece = strftimeFields(f, "%Y-%m-%d"); break;
      case 'G':
      case 'g':
      case 'V': {
        int week = 0;
        const int isoYear = isoWeekYear(f.days, c.year, week);
        piece = format[i] == 'G' ? num(isoYear, 1) : format[i] == 'g' ? num(isoYear % 100, 2) : num(week, 2);
        break;
      }
      case 'H': piece = num(c.hour, 2); break;
      case 'I': piece = num(hour12, 2); break;
      case 'j': piece = num(yday, 3); break;
      case 'k': piece = num(c.hour, 2, ' '); break;
      case 'l': piece = num(hour12, 2, ' '); break;
      case 'm': piece = num(c.month, 2); break;
      case 'M': piece = num(c.minute, 2); break;
      case 'n': piece = "\n"; break;
      case 'p': piece = c.hour < 12 ? "AM" : "PM"; break;
      case 'P': piece = c.hour < 12 ? "am" : "pm"; break;
      case 'r': piece = strftimeFields(f, "%I:%M:%S %p"); break;
      case 'R': piece = strftimeFields(f, "%H:%M"); break;
      case 's': piece = std::to_string(f.epochSeconds); break;
      case 'S': piece = num(c.second, 2); break;
      case 't': piece = "\t"; break;
      case 'T': piece = strftimeFields(f, "%H:%M:%S"); break;
      case 'u': piece = std::to_string(weekday + 1); break;
      case 'U': piece = num((yday + 6 - (weekday + 1) % 7) / 7, 2); break;
      case 'w': piece = std::to_string((weekday + 1) % 7); break;
      case 'W': piece = num((yday + 6 - weekday) / 7, 2); break;
      case 'x': piece = strftimeFields(f, "%m/%d/%y"); break;
      case 'X': piece = strftimeFields(f, "%H:%M:%S"); break;
      case 'y': piece = num(c.year % 100, 2); break;
      case 'Y': piece = padding == '\0' ? std::to_string(c.year) : num(c.year, 4); break;
      case 'z': piece = f.aware ? formatOffset(f.offset, false) : ""; break;
      case 'Z': piece = !f.aware ? "" : f.offset == 0 ? "UTC" : "UTC" + formatOffset(f.offset, true); break;
      case '%': piece = "%"; break;
      default:
        // glibc prints an unknown conversion as written.
        piece = std::string(format.substr(start, i - start + 1));
        hasFlag = false;
        upper = false;
        break;
    }
    (void)hasFlag;
    if (upper) {
      for (char& ch : piece) {
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
      }
    }
    out += piece;
  }
  return out;
}

// ---- strptime ----

struct CompiledFormat {
  std::regex regex;
  std::vector<char> groups;  // directive letter for each capture group (0 for inner groups)
};

std::string alternation(const char* const* names, int count, bool abbreviated) {
  std::string out = "(";
  for (int i = 0; i < count; ++i) {
    if (i > 0) out += '|';
    out += abbreviated ? std::string(names[i]).substr(0, 3) : names[i];
  }
  return out + ")";
}

std::shared_ptr<const CompiledFormat> compileFormat(std::string_view format) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const CompiledFormat>, std::less<>> cache;
  {
    std::lock_guard lock(mutex);
    if (auto it = cache.find(format); it != cache.end()) return it->second;
  }
  auto compiled = std::make_shared<CompiledFormat>();
  std::string pattern;
  std::string expanded;
  // Python expands the locale composites first.
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] == '%' && i + 1 < format.size()) {
      const char d = format[i + 1];
      if (d == 'c') { expanded += "%a %b %d %H:%M:%S %Y"; ++i; continue; }
      if (d == 'x') { expanded += "%m/%d/%y"; ++i; continue; }
      if (d == 'X') { expanded += "%H:%M:%S"; ++i; continue; }
      expanded += format[i];
      expanded += format[i + 1];
      ++i;
      continue;
    }
    expanded += format[i];
  }
  bool pendingSpace = false;
  for (std::size_t i = 0; i < expanded.size(); ++i) {
    const char ch = expanded[i];
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v') {
      if (!pendingSpace) pattern += "\\s+";
      pendingSpace = true;
      continue;
    }
    pendingSpace = false;
    if (ch != '%') {
      if (std::string_view("\\.^$|?*+()[]{}").find(ch) != std::string_view::npos) pattern += '\\';
      pattern += ch;
      continue;
    }
    if (i + 1 >= expanded.size()) throwValueError("stray % in format '" + std::string(format) + "'");
    const char d = expanded[++i];
    std::string group;
    int inner = 0;
    switch (d) {
      case 'd': group = "(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])"; break;
      case 'f': group = "([0-9]{1,6})"; break;
      case 'H': group = "(2[0-3]|[0-1]\\d|\\d)"; break;
      case 'I': group = "(1[0-2]|0[1-9]|[1-9])"; break;
      case 'G':
      case 'Y': group = "(\\d\\d\\d\\d)"; break;
      case 'j': group = "(36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9])"; break;
      case 'm': group = "(1[0-2]|0[1-9]|[1-9])"; break;
      case 'M': group = "([0-5]\\d|\\d)"; break;
      case 'S': group = "(6[01]|[0-5]\\d|\\d)"; break;
      case 'U':
      case 'W': group = "(5[0-3]|[0-4]\\d|\\d)"; break;
      case 'V': group = "(5[0-3]|0[1-9]|[1-4]\\d|\\d)"; break;
      case 'w': group = "([0-6])"; break;
      case 'u': group = "([1-7])"; break;
      case 'y': group = "(\\d\\d)"; break;
      case 'z': group = "([+-]\\d\\d:?[0-5]\\d(:?[0-5]\\d(\\.\\d{1,6})?)?|Z)"; inner = 2; break;
      case 'Z': group = "(utc|gmt)"; break;
      case 'a': group = alternation(kDayNames, 7, true); break;
      case 'A': group = alternation(kDayNames, 7, false); break;
      case 'b': group = alternation(kMonthNames, 12, true); break;
      case 'B': group = alternation(kMonthNames, 12, false); break;
      case 'p': group = "(am|pm)"; break;
      case '%': pattern += "%"; continue;
      default:
        throwValueError(std::string("'") + d + "' is a bad directive in format '" + std::string(format) + "'");
    }
    pattern += group;
    compiled->groups.push_back(d);
    for (int k = 0; k < inner; ++k) compiled->groups.push_back('\0');
  }
  compiled->regex = std::regex(pattern, std::regex::ECMAScript | std::regex::icase);
  std::lock_guard lock(mutex);
  if (cache.size() > 256) cache.clear();
  cache.emplace(std::string(format), compiled);
  return compiled;
}

int indexIn(const char* const* names, int count, std::string_view text) {
  for (int i = 0; i < count; ++i) {
    std::string_view name = names[i];
    if (text.size() == 3) name = name.substr(0, 3);
    if (name.size() != text.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < name.size(); ++k) {
      if ((name[k] | 0x20) != (text[k] | 0x20)) same = false;
    }
    if (same) return i;
  }
  return 0;
}

std::int32_t parseOffsetText(std::string_view z) {
  if (z == "Z" || z == "z") return 0;
  const int sign = z[0] == '-' ? -1 : 1;
  std::string digits;
  std::string fraction;
  for (std::size_t i = 1; i < z.size(); ++i) {
    if (z[i] == '.') {
      fraction = std::string(z.substr(i + 1));
      break;
    }
    if (z[i] != ':') digits += z[i];
  }
  const int hours = std::stoi(digits.substr(0, 2));
  const int minutes = std::stoi(digits.substr(2, 2));
  const int seconds = digits.size() >= 6 ? std::stoi(digits.substr(4, 2)) : 0;
  return sign * (hours * 3600 + minutes * 60 + seconds);
}

}  // namespace

std::string strftime(const DateTime& value, std::string_view format) {
  Fields f;
  f.civil = value.civil();
  f.days = floorDiv(value.localMicros(), kMicrosPerDay);
  f.aware = value.aware;
  f.offset = value.offsetSeconds;
  f.epochSeconds = floorDiv(value.localMicros(), kMicrosPerSecond);
  return strftimeFields(f, format);
}

std::string strftime(const Date& value, std::string_view format) {
  Fields f;
  f.civil = value.civil();
  f.days = value.days;
  f.aware = false;
  f.epochSeconds = value.days * 86400;
  return strftimeFields(f, format);
}

DateTime strptime(std::string_view text, std::string_view format) {
  const auto compiled = compileFormat(format);
  std::match_results<std::string_view::const_iterator> match;
  const bool found = std::regex_search(text.begin(), text.end(), match, compiled->regex,
                                       std::regex_constants::match_continuous);
  if (!found) {
    throwValueError("time data " + reprString(text) + " does not match format " + reprString(format));
  }
  if (static_cast<std::size_t>(match.length(0)) != text.size()) {
    throwValueError("unconverted data remains: " + std::string(text.substr(static_cast<std::size_t>(match.length(0)))));
  }
  CivilTime c;
  c.year = 1900;
  int hour12 = -1;
  int ampm = -1;
  int yday = -1;
  bool aware = false;
  std::int32_t offset = 0;
  for (std::size_t g = 0; g < compiled->groups.size(); ++g) {
    const char d = compiled->groups[g];
    if (d == '\0' || !match[g + 1].matched) continue;
    const std::string part = match[g + 1].str();
    auto asInt = [&] { return std::stoi(part[0] == ' ' ? part.substr(1) : part); };
    switch (d) {
      case 'd': c.day = asInt(); break;
      case 'f': c.microsecond = std::stoi(part + std::string(6 - part.size(), '0')); break;
      case 'H': c.hour = asInt(); break;
      case 'I': hour12 = asInt(); break;
      case 'Y': c.year = asInt(); break;
      case 'y': {
        const int y = asInt();
        c.year = y <= 68 ? 2000 + y : 1900 + y;
        break;
      }
      case 'm': c.month = asInt(); break;
      case 'M': c.minute = asInt(); break;
      case 'S': c.second = asInt(); break;
      case 'j': yday = asInt(); break;
      case 'b':
      case 'B': c.month = indexIn(kMonthNames, 12, part) + 1; break;
      case 'p': ampm = (part[0] | 0x20) == 'p' ? 1 : 0; break;
      case 'z':
        aware = true;
        offset = parseOffsetText(part);
        break;
      default: break;
    }
  }
  if (hour12 >= 0) {
    c.hour = hour12 % 12 + (ampm == 1 ? 12 : 0);
  }
  if (c.second == 61 || c.second == 60) c.second = 59;
  if (yday > 0) {
    civilFromDays(daysFromCivil(c.year, 1, 1) + yday - 1, c.year, c.month, c.day);
  }
  if (c.day > daysInMonth(c.year, c.month)) throwValueError("day is out of range for month");
  return DateTime::fromCivil(c, offset, aware);
}

DateTime parseIsoDateTime(std::string_view s) {
  auto digits = [&](std::size_t pos, std::size_t count, const char* what) {
    if (pos + count > s.size()) throwValueError(std::string("Invalid ") + what);
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
      if (s[i] < '0' || s[i] > '9') throwValueError(std::string("Invalid ") + what + " in ISO string " + reprString(s));
      value = value * 10 + (s[i] - '0');
    }
    return value;
  };
  if (s.size() < 4) throwValueError("ISO string too short");
  CivilTime c;
  c.year = digits(0, 4, "year");
  std::size_t pos = 4;
  if (pos < s.size()) {
    const bool hasSep = s[pos] == '-';
    if (hasSep) ++pos;
    if (s.size() - pos < 2) throwValueError("Invalid common month");
    c.month = digits(pos, 2, "month");
    pos += 2;
    if (pos < s.size() || !hasSep) {
      if (pos >= s.size()) throwValueError("Invalid ISO format");
      if (hasSep) {
        if (s[pos] != '-') throwValueError("Invalid separator in ISO string");
        ++pos;
      }
      if (s.size() - pos < 2) throwValueError("Invalid common day");
      c.day = digits(pos, 2, "day");
      pos += 2;
    }
  }
  if (c.month < 1 || c.month > 12) throwValueError("month must be in 1..12");
  if (c.day < 1 || c.day > daysInMonth(c.year, c.month)) throwValueError("day is out of range for month");
  bool aware = false;
  std::int32_t offset = 0;
  bool midnight24 = false;
  if (pos < s.size()) {
    // Any single character separates the date and the time.
    std::string_view t = s.substr(pos + 1);
    if (t.size() < 2) throwValueError("ISO time too short");
    std::size_t p = 0;
    int comp = -1;
    bool colon = false;
    int parts[3] = {0, 0, 0};
    while (p < t.size() && comp < 5) {
      ++comp;
      const char ch = t[p];
      if (ch == '-' || ch == '+' || ch == 'Z' || ch == 'z') {
        std::string_view tz = t.substr(p);
        p = t.size();
        aware = true;
        if (tz == "Z" || tz == "z") break;
        if (tz.size() != 3 && tz.size() != 5 && tz.size() != 6) {
          throwValueError("Time zone offset must be 1, 3, 5 or 6 characters");
        }
        const int sign = tz[0] == '-' ? -1 : 1;
        const std::string_view tzDigits = tz;
        auto two = [&](std::size_t at) {
          if (at + 2 > tzDigits.size() || tzDigits[at] < '0' || tzDigits[at] > '9' || tzDigits[at + 1] < '0' ||
              tzDigits[at + 1] > '9') {
            throwValueError("Invalid time zone offset");
          }
          return (tzDigits[at] - '0') * 10 + (tzDigits[at + 1] - '0');
        };
        const int hours = two(1);
        const int minutes = tz.size() == 3 ? 0 : two(tz[3] == ':' ? 4 : 3);
        if (minutes > 59) throwValueError("Invalid minutes in time zone offset");
        if (hours > 23) throwValueError("Invalid hours in time zone offset");
        offset = sign * (hours * 60 + minutes) * 60;
        break;
      }
      if (comp == 1 && ch == ':') {
        colon = true;
        ++p;
      } else if (comp == 2 && colon) {
        if (ch != ':') throwValueError("Inconsistent use of colon separator");
        ++p;
      }
      if (comp < 3) {
        std::size_t n = std::min<std::size_t>(2, t.size() - p);
        if (n == 0) throwValueError("Invalid time");
        int v = 0;
        for (std::size_t k = p; k < p + n; ++k) {
          if (t[k] < '0' || t[k] > '9') throwValueError("Invalid time component in ISO string " + reprString(s));
          v = v * 10 + (t[k] - '0');
        }
        parts[comp] = v;
        p += 2;
      }
      if (comp == 3) {
        if (p < t.size() && (t[p] == '.' || t[p] == ',') && p + 1 < t.size() && t[p + 1] >= '0' && t[p + 1] <= '9') {
          std::size_t q = p + 1;
          std::string fraction;
          while (q < t.size() && t[q] >= '0' && t[q] <= '9') fraction += t[q++];
          fraction = fraction.substr(0, 6);
          c.microsecond = std::stoi(fraction + std::string(6 - fraction.size(), '0'));
          p = q;
        }
      }
    }
    if (p < t.size()) throwValueError("Unused components in ISO string");
    c.hour = parts[0];
    c.minute = parts[1];
    c.second = parts[2];
    if (c.hour == 24) {
      if (c.minute != 0 || c.second != 0 || c.microsecond != 0) throwValueError("Hour may only be 24 at 24:00:00.000");
      c.hour = 0;
      midnight24 = true;
    }
    if (c.hour > 23) throwValueError("hour must be in 0..23");
    if (c.minute > 59) throwValueError("minute must be in 0..59");
    if (c.second > 59) throwValueError("second must be in 0..59");
  }
  DateTime result = DateTime::fromCivil(c, offset, aware);
  if (midnight24) result.micros += kMicrosPerDay;
  return result;
}

Duration parseIsoDuration(std::string_view text) {
  static const std::regex kPattern(
      "^([+-])?P(\\d+(?:[,.]\\d+)?Y)?(\\d+(?:[,.]\\d+)?M)?(\\d+(?:[,.]\\d+)?W)?(\\d+(?:[,.]\\d+)?D)?"
      "(?:T(\\d+(?:[,.]\\d+)?H)?(\\d+(?:[,.]\\d+)?M)?(\\d+(?:[,.]\\d+)?S)?)?$");
  std::match_results<std::string_view::const_iterator> match;
  // isodate's P(?!\b): a bare "P" is not a duration.
  if (text.empty() || text.back() == 'P' || !std::regex_match(text.begin(), text.end(), match, kPattern)) {
    throwValueError("Unable to parse duration string " + reprString(text));
  }
  auto amount = [&](int group) -> double {
    if (!match[group].matched) return 0.0;
    std::string part = match[group].str();
    part.pop_back();
    for (char& ch : part) {
      if (ch == ',') ch = '.';
    }
    return std::stod(part);
  };
  Duration d;
  const double years = amount(2);
  const double months = amount(3);
  if (years != std::floor(years) || months != std::floor(months)) {
    throwValueError("fractional years or months are not supported in durations");
  }
  d.years = static_cast<std::int32_t>(years);
  d.months = static_cast<std::int32_t>(months);
  const double seconds = amount(4) * 7 * 86400 + amount(5) * 86400 + amount(6) * 3600 + amount(7) * 60 + amount(8);
  d.micros = static_cast<std::int64_t>(std::llround(seconds * 1e6));
  if (match[1].matched && match[1].str() == "-") {
    d.micros = -d.micros;
    d.years = -d.years;
    d.months = -d.months;
  }
  return d;
}

namespace {

std::int64_t parseInteger(std::string_view text) {
  // Python int(): surrounding whitespace, a sign and underscores between digits are allowed.
  std::size_t b = 0;
  std::size_t e = text.size();
  while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\n')) ++b;
  while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\n')) --e;
  std::string_view t = text.substr(b, e - b);
  bool negative = false;
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) {
    negative = t[0] == '-';
    t.remove_prefix(1);
  }
  if (t.empty()) throwValueError("invalid literal for int() with base 10: " + reprString(text));
  std::int64_t value = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char ch = t[i];
    if (ch == '_' && i > 0 && i + 1 < t.size() && t[i + 1] != '_') continue;
    if (ch < '0' || ch > '9') throwValueError("invalid literal for int() with base 10: " + reprString(text));
    if (__builtin_mul_overflow(value, 10, &value) || __builtin_add_overflow(value, ch - '0', &value)) {
      throwValueError("integer is too large");
    }
  }
  return negative ? -value : value;
}

}  // namespace

DateTime parseWithDatetimeFormat(std::string_view text, std::string_view format) {
  if (format == "%s") return DateTime{parseInteger(text) * kMicrosPerSecond, 0, true};
  if (format == "%s_as_float") {
    char* end = nullptr;
    const std::string copy(text);
    const double seconds = std::strtod(copy.c_str(), &end);
    if (end == copy.c_str() || !std::isfinite(seconds)) throwValueError("could not convert string to float: " + reprString(text));
    return DateTime{static_cast<std::int64_t>(std::llround(seconds * 1e6)), 0, true};
  }
  if (format == "%epoch_microseconds") return DateTime{parseInteger(text), 0, true};
  if (format == "%ms") return DateTime{parseInteger(text) * 1000, 0, true};
  std::string actual(format);
  for (std::size_t at = actual.find("%_ms"); at != std::string::npos; at = actual.find("%_ms", at + 2)) {
    actual.replace(at, 4, "%f");
  }
  DateTime parsed = strptime(text, actual);
  if (!parsed.aware) {
    parsed.aware = true;
    parsed.offsetSeconds = 0;
  }
  return parsed;
}

std::string formatWithDatetimeFormat(const DateTime& value, std::string_view format) {
  // Aware values: timestamp() is the true epoch; naive ones are read as UTC here.
  const std::int64_t micros = value.micros;
  if (format == "%s") return std::to_string(micros / kMicrosPerSecond);
  if (format == "%s_as_float") return formatPythonFloat(static_cast<double>(micros) / 1e6);
  if (format == "%epoch_microseconds") return std::to_string(micros);
  if (format == "%ms") return std::to_string(micros / 1000);
  if (format.find("%_ms") != std::string_view::npos) {
    std::string actual(format);
    for (std::size_t at = actual.find("%_ms"); at != std::string::npos; at = actual.find("%_ms", at + 2)) {
      actual.replace(at, 4, "%f");
    }
    std::string out = strftime(value, actual);
    // The reference replaces every occurrence of the 6-digit fraction with 3-digit milliseconds.
    const std::string six = strftime(value, "%f");
    char ms[16];
    std::snprintf(ms, sizeof ms, "%03d", value.civil().microsecond / 1000);
    for (std::size_t at = out.find(six); at != std::string::npos; at = out.find(six, at + 3)) out.replace(at, six.size(), ms);
    return out;
  }
  return strftime(value, format);
}

}  // namespace manifold::interpolation
