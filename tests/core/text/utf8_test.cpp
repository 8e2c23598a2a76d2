// UTF-8 encoding and decoding at the byte level, valid and broken input alike.
#include "core/text/utf8.h"

#include <gtest/gtest.h>

using namespace manifold::text;

TEST(Utf8, EncodesEachSequenceLength) {
  std::string out;
  appendUtf8(out, U'A');
  appendUtf8(out, U'é');
  appendUtf8(out, U'€');
  appendUtf8(out, U'😀');
  EXPECT_EQ(out, "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
}

TEST(Utf8, DecodesWhatItEncodes) {
  for (char32_t cp : {U'\0', U'z', U'\u00FF', U'\u07FF', U'\u0800', U'\uFFFD', U'\U00010000', U'\U0010FFFF'}) {
    std::string bytes;
    appendUtf8(bytes, cp);
    std::size_t at = 0;
    EXPECT_EQ(nextCodePoint(bytes, at), cp);
    EXPECT_EQ(at, bytes.size());
  }
}

TEST(Utf8, SequenceLengthFollowsTheLeadByte) {
  EXPECT_EQ(utf8SequenceLength(0x41), 1U);
  EXPECT_EQ(utf8SequenceLength(0xC3), 2U);
  EXPECT_EQ(utf8SequenceLength(0xE2), 3U);
  EXPECT_EQ(utf8SequenceLength(0xF0), 4U);
  EXPECT_EQ(utf8SequenceLength(0x80), 1U) << "a continuation byte starts nothing";
  EXPECT_EQ(utf8SequenceLength(0xFF), 1U);
}

TEST(Utf8, BrokenSequencesAreTakenOneByteAtATime) {
  const std::string truncated = "\xE2\x82";  // € without its last byte
  EXPECT_EQ(utf8CharLength(truncated, 0), 1U);
  const std::string interrupted = "\xC3" "A";
  std::size_t at = 0;
  EXPECT_EQ(nextCodePoint(interrupted, at), char32_t{0xC3});
  EXPECT_EQ(at, 1U);
  EXPECT_EQ(nextCodePoint(interrupted, at), U'A');
}
