// Tests core/demo/iso_time: the timestamps the demo API writes and the filters it reads.
#include "core/demo/iso_time.h"

#include <gtest/gtest.h>

using manifold::demo::formatIsoTime;
using manifold::demo::parseIsoTime;

TEST(IsoTime, FormatsUtcWithZ) {
  EXPECT_EQ(formatIsoTime(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(formatIsoTime(1709288130), "2024-03-01T10:15:30Z");
}

TEST(IsoTime, ParsesDateOnlyAsMidnightUtc) { EXPECT_EQ(parseIsoTime("2024-03-01"), 1709251200); }

TEST(IsoTime, RoundTripsItsOwnFormat) {
  for (const long long t : {0LL, 1704067200LL, 1709288130LL, 1735689599LL}) {
    EXPECT_EQ(parseIsoTime(formatIsoTime(t)), t);
  }
}

TEST(IsoTime, AppliesOffsetsAndIgnoresFractions) {
  EXPECT_EQ(parseIsoTime("2024-03-01T12:15:30+02:00"), 1709288130);
  EXPECT_EQ(parseIsoTime("2024-03-01T05:15:30-0500"), 1709288130);
  EXPECT_EQ(parseIsoTime("2024-03-01T10:15:30.999999Z"), 1709288130);
  EXPECT_EQ(parseIsoTime("2024-03-01 10:15:30"), 1709288130);
  EXPECT_EQ(parseIsoTime("2024-03-01T10:15"), 1709288100);
}

TEST(IsoTime, RejectsMalformedText) {
  for (const char* bad : {"", "2024", "2024-13-01", "2024-02-30", "2024-03-01T25:00:00Z",
                          "2024-03-01T10:15:30Zjunk", "yesterday", "1709288130", "2024-03-01T10:15:30+2"}) {
    EXPECT_FALSE(parseIsoTime(bad).has_value()) << bad;
  }
  EXPECT_TRUE(parseIsoTime("2024-02-29").has_value());
}
