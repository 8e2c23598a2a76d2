// A minimal TZif reader: finds the offset in effect at an instant from the zone's transitions.
#include "core/interpolation/timezone.h"

#include "core/interpolation/error.h"

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace manifold::interpolation {
namespace {

std::int64_t readBigEndian(const std::string& data, std::size_t at, int bytes) {
  if (at + static_cast<std::size_t>(bytes) > data.size()) throwValueError("corrupt time zone file");
  std::uint64_t value = 0;
  for (int i = 0; i < bytes; ++i) value = (value << 8) | static_cast<unsigned char>(data[at + static_cast<std::size_t>(i)]);
  if (bytes == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(value));
  return static_cast<std::int64_t>(value);
}

bool validZoneName(std::string_view zone) {
  if (zone.empty() || zone.size() > 64 || zone.front() == '/' || zone.find("..") != std::string_view::npos) return false;
  for (char c : zone) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' ||
                    c == '_' || c == '-' || c == '+';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::int32_t utcOffsetAt(std::string_view zone, std::int64_t epochSeconds) {
  if (zone == "UTC" || zone == "Etc/UTC" || zone == "GMT") return 0;
  if (!validZoneName(zone)) throwValueError("UnknownTimeZoneError: " + std::string(zone));
  std::ifstream file("/usr/share/zoneinfo/" + std::string(zone), std::ios::binary);
  if (!file) throwValueError("UnknownTimeZoneError: '" + std::string(zone) + "'");
  const std::string data((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (data.size() < 44 || data.compare(0, 4, "TZif") != 0) throwValueError("UnknownTimeZoneError: '" + std::string(zone) + "'");
  auto header = [&](std::size_t at, std::int64_t counts[6]) {
    for (int i = 0; i < 6; ++i) counts[i] = readBigEndian(data, at + 20 + static_cast<std::size_t>(i) * 4, 4);
  };
  std::int64_t c[6];  // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
  header(0, c);
  std::size_t at = 44;
  int timeSize = 4;
  if (data[4] >= '2') {
    // Skip the 32-bit block and read the 64-bit one.
    at += static_cast<std::size_t>(c[3] * 4 + c[3] + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0]);
    header(at, c);
    at += 44;
    timeSize = 8;
  }
  const std::int64_t timeCount = c[3];
  const std::int64_t typeCount = c[4];
  if (typeCount <= 0) throwValueError("corrupt time zone file");
  const std::size_t times = at;
  const std::size_t indices = times + static_cast<std::size_t>(timeCount * timeSize);
  const std::size_t types = indices + static_cast<std::size_t>(timeCount);
  std::int64_t type = 0;
  for (std::int64_t i = 0; i < timeCount; ++i) {
    if (readBigEndian(data, times + static_cast<std::size_t>(i * timeSize), timeSize) > epochSeconds) break;
    type = static_cast<unsigned char>(data.at(indices + static_cast<std::size_t>(i)));
  }
  if (type >= typeCount) throwValueError("corrupt time zone file");
  return static_cast<std::int32_t>(readBigEndian(data, types + static_cast<std::size_t>(type) * 6, 4));
}

}  // namespace manifold::interpolation
