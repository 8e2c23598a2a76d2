#include "core/workspace/line_merge.h"

#include <algorithm>
#include <vector>

#include "core/workspace/line_diff.h"

namespace manifold::workspace {

namespace {

using Lines = std::vector<std::string_view>;

struct SideChange {
  LineChange change;
  int side;  // 0 ours, 1 theirs
};

void appendRange(std::string& out, const Lines& lines, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) out += lines[i];
}

void appendBlock(std::string& out, const Lines& lines, std::size_t begin, std::size_t end) {
  appendRange(out, lines, begin, end);
  if (!out.empty() && out.back() != '\n') out += '\n';  // a marker always starts a line
}

bool sameLines(const Lines& a, std::size_t aBegin, std::size_t aEnd, const Lines& b, std::size_t bBegin,
               std::size_t bEnd) {
  return aEnd - aBegin == bEnd - bBegin && std::equal(a.begin() + static_cast<long>(aBegin),
                                                      a.begin() + static_cast<long>(aEnd),
                                                      b.begin() + static_cast<long>(bBegin));
}

}  // namespace

MergeResult mergeLines(std::string_view baseText, std::string_view oursText, std::string_view theirsText,
                       const MergeLabels& labels) {
  const Lines base = splitLines(baseText);
  const Lines sides[2] = {splitLines(oursText), splitLines(theirsText)};
  std::vector<SideChange> all;
  for (int side = 0; side < 2; ++side) {
    for (const auto& change : diffLines(base, sides[side])) all.push_back({change, side});
  }
  std::stable_sort(all.begin(), all.end(), [](const SideChange& x, const SideChange& y) {
    return x.change.aBegin < y.change.aBegin;
  });

  MergeResult result;
  long delta[2] = {0, 0};  // side index minus base index, after the changes consumed so far
  std::size_t basePos = 0;
  std::size_t c = 0;
  while (c < all.size()) {
    // A group: changes whose base ranges overlap or touch, transitively.
    std::size_t groupBegin = all[c].change.aBegin;
    std::size_t groupEnd = all[c].change.aEnd;
    std::size_t last = c;
    while (last + 1 < all.size() && all[last + 1].change.aBegin <= groupEnd) {
      ++last;
      groupEnd = std::max(groupEnd, all[last].change.aEnd);
    }
    appendRange(result.text, base, basePos, groupBegin);
    bool touched[2] = {false, false};
    long groupDelta[2] = {0, 0};
    for (std::size_t g = c; g <= last; ++g) {
      const auto& ch = all[g].change;
      touched[all[g].side] = true;
      groupDelta[all[g].side] += static_cast<long>(ch.bEnd - ch.bBegin) - static_cast<long>(ch.aEnd - ch.aBegin);
    }
    std::size_t from[2];
    std::size_t to[2];
    for (int side = 0; side < 2; ++side) {
      from[side] = static_cast<std::size_t>(static_cast<long>(groupBegin) + delta[side]);
      to[side] = static_cast<std::size_t>(static_cast<long>(groupEnd) + delta[side] + groupDelta[side]);
    }
    if (touched[0] && touched[1] &&
        !sameLines(sides[0], from[0], to[0], sides[1], from[1], to[1])) {
      ++result.conflicts;
      if (!result.text.empty() && result.text.back() != '\n') result.text += '\n';
      result.text += "<<<<<<< " + labels.ours + "\n";
      appendBlock(result.text, sides[0], from[0], to[0]);
      result.text += "||||||| " + labels.base + "\n";
      appendBlock(result.text, base, groupBegin, groupEnd);
      result.text += "=======\n";
      appendBlock(result.text, sides[1], from[1], to[1]);
      result.text += ">>>>>>> " + labels.theirs + "\n";
    } else {
      const int side = touched[0] ? 0 : 1;
      appendRange(result.text, sides[side], from[side], to[side]);
    }
    delta[0] += groupDelta[0];
    delta[1] += groupDelta[1];
    basePos = groupEnd;
    c = last + 1;
  }
  appendRange(result.text, base, basePos, base.size());
  return result;
}

}  // namespace manifold::workspace
