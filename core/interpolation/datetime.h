// Date-time, date and duration values with Python's datetime/timedelta semantics.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace manifold::interpolation {

inline constexpr std::int64_t kMicrosPerSecond = 1'000'000;
inline constexpr std::int64_t kMicrosPerDay = 86'400 * kMicrosPerSecond;

// Civil (proleptic Gregorian) fields of a local wall-clock time.
struct CivilTime {
  int year = 1970;
  int month = 1;
  int day = 1;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int microsecond = 0;
};

std::int64_t daysFromCivil(int year, int month, int day);
void civilFromDays(std::int64_t days, int& year, int& month, int& day);
int daysInMonth(int year, int month);
// Monday = 0 … Sunday = 6, as Python's weekday().
int weekdayFromDays(std::int64_t days);

// A Python datetime: an instant plus the UTC offset it is shown in. Naive values
// (aware == false) keep their wall-clock time in `micros` as if it were UTC.
struct DateTime {
  std::int64_t micros = 0;  // since 1970-01-01T00:00:00Z (for aware values)
  std::int32_t offsetSeconds = 0;
  bool aware = true;

  std::int64_t localMicros() const { return micros + std::int64_t{offsetSeconds} * kMicrosPerSecond; }
  CivilTime civil() const;
  static DateTime fromCivil(const CivilTime& civil, std::int32_t offsetSeconds, bool aware);
};

// A Python date: days since 1970-01-01.
struct Date {
  std::int64_t days = 0;
  CivilTime civil() const;
};

// A Python timedelta, or an isodate Duration when years/months are set
// (calendar arithmetic: Jan 31 + P1M = Feb 28).
struct Duration {
  std::int64_t micros = 0;
  std::int32_t years = 0;
  std::int32_t months = 0;

  bool isCalendar() const { return years != 0 || months != 0; }
};

// Python str() forms: "2024-01-02 03:04:05.123456+00:00", "2024-01-02", "1 day, 0:00:00".
std::string toPythonString(const DateTime& value);
std::string toIsoFormat(const DateTime& value, char separator = 'T');
std::string toPythonString(const Date& value);
std::string toPythonString(const Duration& value);
std::string toPythonRepr(const DateTime& value);
std::string toPythonRepr(const Date& value);
std::string toPythonRepr(const Duration& value);

DateTime addDuration(const DateTime& value, const Duration& delta, bool subtract);
Date addDuration(const Date& value, const Duration& delta, bool subtract);

// Python "+HHMM" / "+HH:MM" offset text, seconds shown only when non-zero.
std::string formatOffset(std::int32_t offsetSeconds, bool withColon);

}  // namespace manifold::interpolation
