// ISO-8601 timestamps of the demo API: parsing query parameters and formatting records, in UTC.
#include "core/demo/iso_time.h"

#include <cstdio>

namespace manifold::demo {

namespace {

struct CivilDate {
  std::int64_t year;
  unsigned month;
  unsigned day;
};

CivilDate civilFromDays(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto dayOfEra = static_cast<unsigned>(days - era * 146097);
  const unsigned yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
  const unsigned dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  const unsigned mp = (5 * dayOfYear + 2) / 153;
  const unsigned day = dayOfYear - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = static_cast<std::int64_t>(yearOfEra) + era * 400 + (month <= 2 ? 1 : 0);
  return {year, month, day};
}

bool daysInMonthOk(std::int64_t year, unsigned month, unsigned day) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const unsigned limit = kDays[month - 1] + ((month == 2 && leap) ? 1 : 0);
  return day <= limit;
}

// Reads exactly `count` digits at `pos`; advances `pos`.
std::optional<int> readDigits(std::string_view text, std::size_t& pos, std::size_t count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += count;
  return value;
}

bool consume(std::string_view text, std::size_t& pos, char expected) {
  if (pos < text.size() && text[pos] == expected) {
    ++pos;
    return true;
  }
  return false;
}

}  // namespace

std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto yearOfEra = static_cast<unsigned>(year - era * 400);
  const unsigned dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return era * 146097 + static_cast<std::int64_t>(dayOfEra) - 719468;
}

std::string formatIsoTime(EpochSeconds seconds) {
  std::int64_t days = seconds / 86400;
  std::int64_t rest = seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  const CivilDate date = civilFromDays(days);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02d:%02d:%02dZ",
                static_cast<long long>(date.year), date.month, date.day,
                static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                static_cast<int>(rest % 60));
  return buffer;
}

std::optional<EpochSeconds> parseIsoTime(std::string_view text) {
  std::size_t pos = 0;
  const auto year = readDigits(text, pos, 4);
  if (!year || !consume(text, pos, '-')) return std::nullopt;
  const auto month = readDigits(text, pos, 2);
  if (!month || !consume(text, pos, '-')) return std::nullopt;
  const auto day = readDigits(text, pos, 2);
  if (!day || !daysInMonthOk(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day))) {
    return std::nullopt;
  }
  EpochSeconds result =
      daysFromCivil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day)) * 86400;
  if (pos == text.size()) return result;

  if (!consume(text, pos, 'T') && !consume(text, pos, ' ')) return std::nullopt;
  const auto hour = readDigits(text, pos, 2);
  if (!hour || *hour > 23 || !consume(text, pos, ':')) return std::nullopt;
  const auto minute = readDigits(text, pos, 2);
  if (!minute || *minute > 59) return std::nullopt;
  int second = 0;
  if (consume(text, pos, ':')) {
    const auto s = readDigits(text, pos, 2);
    if (!s || *s > 60) return std::nullopt;
    second = *s;
    if (consume(text, pos, '.')) {
      const std::size_t start = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      if (pos == start) return std::nullopt;
    }
  }
  result += *hour * 3600 + *minute * 60 + second;
  if (pos == text.size() || consume(text, pos, 'Z')) return pos == text.size() ? std::optional(result) : std::nullopt;

  const char sign = text[pos];
  if (sign != '+' && sign != '-') return std::nullopt;
  ++pos;
  const auto offsetHours = readDigits(text, pos, 2);
  if (!offsetHours || *offsetHours > 23) return std::nullopt;
  consume(text, pos, ':');
  const auto offsetMinutes = readDigits(text, pos, 2);
  if (!offsetMinutes || *offsetMinutes > 59 || pos != text.size()) return std::nullopt;
  const EpochSeconds offset = *offsetHours * 3600 + *offsetMinutes * 60;
  // Local time minus its offset is UTC.
  return sign == '+' ? result - offset : result + offset;
}

}  // namespace manifold::demo
