// Line diffs (Myers' O(ND) algorithm): edit scripts, changed regions and unified-diff text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace manifold::workspace {

// The lines of a text, each with its "\n" (the last one may lack it), so that joining them
// gives the text back and a missing final newline counts as a change.
std::vector<std::string_view> splitLines(std::string_view text);

// A run of lines where two texts differ: a[aBegin, aEnd) became b[bBegin, bEnd).
// An insertion has aBegin == aEnd, a deletion bBegin == bEnd.
struct LineChange {
  std::size_t aBegin = 0;
  std::size_t aEnd = 0;
  std::size_t bBegin = 0;
  std::size_t bEnd = 0;
};

// The shortest edit script from a to b, as maximal changed runs in order. Texts that differ
// in very many places get one change covering all lines from the first to the last
// difference (still a correct diff, only a coarse one) so time and memory stay bounded.
std::vector<LineChange> diffLines(const std::vector<std::string_view>& a,
                                  const std::vector<std::string_view>& b);

// A unified diff (as `diff -u` prints it) from `before` to `after`; empty when equal.
std::string unifiedDiff(std::string_view before, std::string_view after, std::string_view beforeLabel,
                        std::string_view afterLabel, std::size_t context = 3);

}  // namespace manifold::workspace
