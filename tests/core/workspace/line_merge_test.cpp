// Three-way line merge: each side's changes applied, overlaps marked as conflicts.
#include "core/workspace/line_merge.h"

#include <gtest/gtest.h>

namespace manifold::workspace {
namespace {

const char* kBase = "a\nb\nc\nd\ne\nf\ng\nh\n";

TEST(LineMerge, TakesChangesOfEitherSideThatDoNotOverlap) {
  const auto result = mergeLines(kBase, "a\nB\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nd\ne\nf\nG\nh\nnew\n");
  EXPECT_TRUE(result.clean());
  EXPECT_EQ(result.text, "a\nB\nc\nd\ne\nf\nG\nh\nnew\n");
}

TEST(LineMerge, TakesTheSameChangeOnBothSidesOnce) {
  const auto result = mergeLines(kBase, "a\nb\nX\nd\ne\nf\ng\nh\n", "a\nb\nX\nd\ne\nf\ng\nh\n");
  EXPECT_TRUE(result.clean());
  EXPECT_EQ(result.text, "a\nb\nX\nd\ne\nf\ng\nh\n");
}

TEST(LineMerge, KeepsDeletionsAndInsertions) {
  const auto result = mergeLines(kBase, "a\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nd\ne\nf\ng\nh\ni\n");
  EXPECT_TRUE(result.clean());
  EXPECT_EQ(result.text, "a\nc\nd\ne\nf\ng\nh\ni\n");
}

TEST(LineMerge, MarksChangesToTheSameLinesAsAConflictAndLosesNeitherSide) {
  const auto result = mergeLines(kBase, "a\nb\nours\nd\ne\nf\ng\nH\n", "a\nb\ntheirs\nd\ne\nf\ng\nh\n",
                                 {"workspace", "origin", "upstream"});
  EXPECT_EQ(result.conflicts, 1u);
  EXPECT_EQ(result.text,
            "a\nb\n<<<<<<< workspace\nours\n||||||| origin\nc\n=======\ntheirs\n>>>>>>> upstream\nd\ne\nf\ng\nH\n");
}

TEST(LineMerge, ConflictMarkersStartOnTheirOwnLine) {
  const auto result = mergeLines("x", "ours", "theirs");
  EXPECT_EQ(result.conflicts, 1u);
  EXPECT_EQ(result.text, "<<<<<<< ours\nours\n||||||| base\nx\n=======\ntheirs\n>>>>>>> theirs\n");
}

TEST(LineMerge, UnchangedSidesGiveTheOtherSide) {
  EXPECT_EQ(mergeLines(kBase, kBase, "z\n").text, "z\n");
  EXPECT_EQ(mergeLines(kBase, "z\n", kBase).text, "z\n");
  EXPECT_EQ(mergeLines("", "", "new\n").text, "new\n");
}

}  // namespace
}  // namespace manifold::workspace
