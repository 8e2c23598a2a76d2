// Line diffs: the shortest edit script and unified-diff text as `diff -u` prints it.
#include "core/workspace/line_diff.h"

#include <gtest/gtest.h>

#include <string>

namespace manifold::workspace {
namespace {

TEST(LineDiff, SplitsLinesKeepingTheirNewlines) {
  const auto lines = splitLines("a\nb\nc");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "a\n");
  EXPECT_EQ(lines[2], "c");
  EXPECT_TRUE(splitLines("").empty());
}

TEST(LineDiff, EqualTextsHaveNoChangesAndNoDiff) {
  EXPECT_TRUE(diffLines(splitLines("a\nb\n"), splitLines("a\nb\n")).empty());
  EXPECT_EQ(unifiedDiff("a\nb\n", "a\nb\n", "x", "y"), "");
}

TEST(LineDiff, FindsTheShortestScriptAsChangedRuns) {
  // Myers' classic example: ABCABBA → CBABAC needs 5 edits.
  const std::string a = "A\nB\nC\nA\nB\nB\nA\n";
  const std::string b = "C\nB\nA\nB\nA\nC\n";
  const auto changes = diffLines(splitLines(a), splitLines(b));
  std::size_t edits = 0;
  for (const auto& c : changes) edits += (c.aEnd - c.aBegin) + (c.bEnd - c.bBegin);
  EXPECT_EQ(edits, 5u);
}

TEST(LineDiff, ReportsInsertionsDeletionsAndReplacements) {
  const auto changes = diffLines(splitLines("1\n2\n3\n4\n"), splitLines("1\nnew\n3\n4\n5\n"));
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].aBegin, 1u);
  EXPECT_EQ(changes[0].aEnd, 2u);
  EXPECT_EQ(changes[0].bBegin, 1u);
  EXPECT_EQ(changes[0].bEnd, 2u);
  EXPECT_EQ(changes[1].aBegin, 4u);  // an insertion at the end
  EXPECT_EQ(changes[1].aEnd, 4u);
  EXPECT_EQ(changes[1].bEnd, 5u);
}

TEST(LineDiff, PrintsUnifiedHunksWithThreeLinesOfContext) {
  std::string before;
  for (int i = 1; i <= 12; ++i) before += "line " + std::to_string(i) + "\n";
  std::string after = before;
  after.replace(after.find("line 6\n"), 7, "line six\n");
  const std::string diff = unifiedDiff(before, after, "upstream/manifest.yaml", "workspace/manifest.yaml");
  EXPECT_EQ(diff,
            "--- upstream/manifest.yaml\n+++ workspace/manifest.yaml\n@@ -3,7 +3,7 @@\n line 3\n line 4\n line 5\n"
            "-line 6\n+line six\n line 7\n line 8\n line 9\n");
}

TEST(LineDiff, SaysWhenTheLastLineHasNoNewline) {
  EXPECT_EQ(unifiedDiff("a\n", "a\nb", "x", "y"), "--- x\n+++ y\n@@ -1 +1,2 @@\n a\n+b\n\\ No newline at end of file\n");
  EXPECT_EQ(unifiedDiff("", "new\n", "/dev/null", "y"), "--- /dev/null\n+++ y\n@@ -0,0 +1 @@\n+new\n");
}

TEST(LineDiff, KeepsDistantChangesInSeparateHunks) {
  std::string before;
  for (int i = 1; i <= 30; ++i) before += std::to_string(i) + "\n";
  std::string after = before;
  after.replace(after.find("\n2\n") + 1, 2, "two\n");
  after.replace(after.find("\n28\n") + 1, 3, "");
  const std::string diff = unifiedDiff(before, after, "a", "b");
  EXPECT_NE(diff.find("@@ -1,5 +1,5 @@"), std::string::npos) << diff;
  EXPECT_NE(diff.find("@@ -25,6 +25,5 @@"), std::string::npos) << diff;
}

TEST(LineDiff, VeryDifferentTextsStillGiveACorrectCoarseDiff) {
  std::string a;
  std::string b;
  for (int i = 0; i < 3000; ++i) {
    a += "a" + std::to_string(i) + "\n";
    b += "b" + std::to_string(i) + "\n";
  }
  const auto changes = diffLines(splitLines(a), splitLines(b));
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].aEnd, 3000u);
  EXPECT_EQ(changes[0].bEnd, 3000u);
}

}  // namespace
}  // namespace manifold::workspace
