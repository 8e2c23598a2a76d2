// Calendar arithmetic and Python's printed forms of datetime, date and timedelta.
#include "core/interpolation/datetime.h"

#include <cstdio>
#include <cstdlib>

namespace manifold::interpolation {
namespace {

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

std::int64_t floorMod(std::int64_t a, std::int64_t b) { return a - floorDiv(a, b) * b; }

std::string twoDigits(int value) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d", value);
  return buffer;
}

CivilTime civilFromMicros(std::int64_t micros) {
  const std::int64_t days = floorDiv(micros, kMicrosPerDay);
  std::int64_t rest = micros - days * kMicrosPerDay;
  CivilTime civil;
  civilFromDays(days, civil.year, civil.month, civil.day);
  civil.microsecond = static_cast<int>(rest % kMicrosPerSecond);
  rest /= kMicrosPerSecond;
  civil.second = static_cast<int>(rest % 60);
  civil.minute = static_cast<int>((rest / 60) % 60);
  civil.hour = static_cast<int>(rest / 3600);
  return civil;
}

// Python adds months with the day clamped to the month's length (isodate does the same).
void addMonths(int& year, int& month, int& day, std::int64_t months) {
  const std::int64_t total = std::int64_t{year} * 12 + (month - 1) + months;
  year = static_cast<int>(floorDiv(total, 12));
  month = static_cast<int>(floorMod(total, 12)) + 1;
  const int last = daysInMonth(year, month);
  if (day > last) day = last;
}

}  // namespace

// Howard Hinnant's days_from_civil / civil_from_days algorithms.
std::int64_t daysFromCivil(int year, int month, int day) {
  const std::int64_t y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = floorDiv(y, 400);
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civilFromDays(std::int64_t days, int& year, int& month, int& day) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = floorDiv(z, 146097);
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

int daysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[(month - 1) % 12];
}

int weekdayFromDays(std::int64_t days) {
  // 1970-01-01 was a Thursday (Python weekday 3).
  return static_cast<int>(floorMod(days + 3, 7));
}

CivilTime DateTime::civil() const { return civilFromMicros(localMicros()); }

DateTime DateTime::fromCivil(const CivilTime& civil, std::int32_t offsetSeconds, bool aware) {
  const std::int64_t local = daysFromCivil(civil.year, civil.month, civil.day) * kMicrosPerDay +
                             ((std::int64_t{civil.hour} * 60 + civil.minute) * 60 + civil.second) * kMicrosPerSecond +
                             civil.microsecond;
  return DateTime{local - std::int64_t{offsetSeconds} * kMicrosPerSecond, aware ? offsetSeconds : 0, aware};
}

CivilTime Date::civil() const {
  CivilTime civil;
  civilFromDays(days, civil.year, civil.month, civil.day);
  return civil;
}

std::string formatOffset(std::int32_t offsetSeconds, bool withColon) {
  const char sign = offsetSeconds < 0 ? '-' : '+';
  int rest = std::abs(offsetSeconds);
  const int hours = rest / 3600;
  const int minutes = (rest / 60) % 60;
  const int seconds = rest % 60;
  std::string out(1, sign);
  out += twoDigits(hours);
  if (withColon) out += ':';
  out += twoDigits(minutes);
  if (seconds != 0) {
    if (withColon) out += ':';
    out += twoDigits(seconds);
  }
  return out;
}

std::string toIsoFormat(const DateTime& value, char separator) {
  const CivilTime c = value.civil();
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d%c%02d:%02d:%02d", c.year, c.month, c.day, separator, c.hour,
                c.minute, c.second);
  std::string out = buffer;
  if (c.microsecond != 0) {
    std::snprintf(buffer, sizeof buffer, ".%06d", c.microsecond);
    out += buffer;
  }
  if (value.aware) out += formatOffset(value.offsetSeconds, true);
  return out;
}

std::string toPythonString(const DateTime& value) { return toIsoFormat(value, ' '); }

std::string toPythonString(const Date& value) {
  const CivilTime c = value.civil();
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", c.year, c.month, c.day);
  return buffer;
}

std::string toPythonString(const Duration& value) {
  std::string out;
  if (value.years != 0) out += std::to_string(value.years) + " years, ";
  if (value.months != 0) out += std::to_string(value.months) + (value.months <= 1 ? " month, " : " months, ");
  const std::int64_t days = floorDiv(value.micros, kMicrosPerDay);
  std::int64_t rest = value.micros - days * kMicrosPerDay;
  if (days != 0) out += std::to_string(days) + (days == 1 || days == -1 ? " day, " : " days, ");
  const std::int64_t micros = rest % kMicrosPerSecond;
  rest /= kMicrosPerSecond;
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", static_cast<long long>(rest / 3600),
                static_cast<long long>((rest / 60) % 60), static_cast<long long>(rest % 60));
  out += buffer;
  if (micros != 0) {
    std::snprintf(buffer, sizeof buffer, ".%06lld", static_cast<long long>(micros));
    out += buffer;
  }
  return out;
}

std::string toPythonRepr(const DateTime& value) {
  const CivilTime c = value.civil();
  std::string out = "datetime.datetime(" + std::to_string(c.year) + ", " + std::to_string(c.month) + ", " +
                    std::to_string(c.day) + ", " + std::to_string(c.hour) + ", " + std::to_string(c.minute);
  if (c.second != 0 || c.microsecond != 0) out += ", " + std::to_string(c.second);
  if (c.microsecond != 0) out += ", " + std::to_string(c.microsecond);
  if (value.aware) {
    if (value.offsetSeconds == 0) {
      out += ", tzinfo=datetime.timezone.utc";
    } else {
      out += ", tzinfo=datetime.timezone(datetime.timedelta(seconds=" + std::to_string(value.offsetSeconds) + "))";
    }
  }
  return out + ")";
}

std::string toPythonRepr(const Date& value) {
  const CivilTime c = value.civil();
  return "datetime.date(" + std::to_string(c.year) + ", " + std::to_string(c.month) + ", " + std::to_string(c.day) + ")";
}

std::string toPythonRepr(const Duration& value) {
  const std::int64_t days = floorDiv(value.micros, kMicrosPerDay);
  const std::int64_t rest = value.micros - days * kMicrosPerDay;
  std::string out = "datetime.timedelta(";
  std::string sep;
  if (days != 0) {
    out += "days=" + std::to_string(days);
    sep = ", ";
  }
  if (rest / kMicrosPerSecond != 0) {
    out += sep + "seconds=" + std::to_string(rest / kMicrosPerSecond);
    sep = ", ";
  }
  if (rest % kMicrosPerSecond != 0) out += sep + "microseconds=" + std::to_string(rest % kMicrosPerSecond);
  if (days == 0 && rest == 0) out += "0";
  return out + ")";
}

DateTime addDuration(const DateTime& value, const Duration& delta, bool subtract) {
  DateTime result = value;
  if (delta.isCalendar()) {
    CivilTime c = value.civil();
    const std::int64_t months = (std::int64_t{delta.years} * 12 + delta.months) * (subtract ? -1 : 1);
    addMonths(c.year, c.month, c.day, months);
    result = DateTime::fromCivil(c, value.offsetSeconds, value.aware);
  }
  result.micros += subtract ? -delta.micros : delta.micros;
  return result;
}

Date addDuration(const Date& value, const Duration& delta, bool subtract) {
  Date result = value;
  if (delta.isCalendar()) {
    CivilTime c = value.civil();
    const std::int64_t months = (std::int64_t{delta.years} * 12 + delta.months) * (subtract ? -1 : 1);
    addMonths(c.year, c.month, c.day, months);
    result.days = daysFromCivil(c.year, c.month, c.day);
  }
  // date ± timedelta uses only the whole days of the delta.
  const std::int64_t days = delta.micros / kMicrosPerDay;
  result.days += subtract ? -days : days;
  return result;
}

}  // namespace manifold::interpolation
