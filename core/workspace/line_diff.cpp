#include "core/workspace/line_diff.h"

#include <algorithm>
#include <unordered_map>

namespace manifold::workspace {

namespace {

// Beyond this many differences, the diff falls back to one coarse change (memory grows as D²).
constexpr long kMaxEditDistance = 2000;

enum class Op { Equal, Delete, Insert };

// Myers' greedy algorithm on line ids; returns the operations from the start of a and b.
std::vector<Op> myers(const std::vector<int>& a, const std::vector<int>& b, bool& tooLong) {
  const long n = static_cast<long>(a.size());
  const long m = static_cast<long>(b.size());
  const long max = std::min(n + m, kMaxEditDistance);
  // v[k] for k in [-max-1, max+1]; trace[d] keeps v[-d-1 .. d+1] as it was before step d.
  std::vector<long> v(static_cast<std::size_t>(2 * max + 3), 0);
  const auto at = [&](long k) -> long& { return v[static_cast<std::size_t>(k + max + 1)]; };
  std::vector<std::vector<long>> trace;
  long final = -1;
  for (long d = 0; d <= max && final < 0; ++d) {
    trace.emplace_back(v.begin() + (max + 1 - d - 1), v.begin() + (max + 1 + d + 2));
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      long y = x - k;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) {
        ++x;
        ++y;
      }
      at(k) = x;
      if (x >= n && y >= m) {
        final = d;
        break;
      }
    }
  }
  std::vector<Op> ops;
  if (final < 0) {
    tooLong = true;
    return ops;
  }
  long x = n;
  long y = m;
  for (long d = final; d >= 0; --d) {
    const auto& saved = trace[static_cast<std::size_t>(d)];
    const auto old = [&](long k) { return saved[static_cast<std::size_t>(k + d + 1)]; };
    const long k = x - y;
    const long prevK = (k == -d || (k != d && old(k - 1) < old(k + 1))) ? k + 1 : k - 1;
    const long prevX = old(prevK);
    const long prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push_back(Op::Equal);
      --x;
      --y;
    }
    if (d > 0) ops.push_back(x == prevX ? Op::Insert : Op::Delete);
    x = prevX;
    y = prevY;
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

std::string rangeText(std::size_t begin, std::size_t count) {
  // diff -u: "start,count", the start 1-based, or the line before an empty range.
  const std::size_t start = count == 0 ? begin : begin + 1;
  return count == 1 ? std::to_string(start) : std::to_string(start) + "," + std::to_string(count);
}

void appendLine(std::string& out, char prefix, std::string_view line) {
  out += prefix;
  if (!line.empty() && line.back() == '\n') {
    out += line;
  } else {
    out += line;
    out += "\n\\ No newline at end of file\n";
  }
}

}  // namespace

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start + 1));
    start = end + 1;
  }
  return lines;
}

std::vector<LineChange> diffLines(const std::vector<std::string_view>& a,
                                  const std::vector<std::string_view>& b) {
  // Common prefix and suffix first: most edits touch a few lines of a long file.
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  const std::size_t aEnd = a.size() - suffix;
  const std::size_t bEnd = b.size() - suffix;
  if (prefix == aEnd && prefix == bEnd) return {};

  std::unordered_map<std::string_view, int> ids;
  std::vector<int> aIds;
  std::vector<int> bIds;
  for (std::size_t i = prefix; i < aEnd; ++i) aIds.push_back(ids.emplace(a[i], static_cast<int>(ids.size())).first->second);
  for (std::size_t i = prefix; i < bEnd; ++i) bIds.push_back(ids.emplace(b[i], static_cast<int>(ids.size())).first->second);

  bool tooLong = false;
  const auto ops = myers(aIds, bIds, tooLong);
  if (tooLong) return {LineChange{prefix, aEnd, prefix, bEnd}};

  std::vector<LineChange> changes;
  std::size_t i = prefix;
  std::size_t j = prefix;
  std::size_t p = 0;
  while (p < ops.size()) {
    if (ops[p] == Op::Equal) {
      ++i;
      ++j;
      ++p;
      continue;
    }
    LineChange change{i, i, j, j};
    while (p < ops.size() && ops[p] != Op::Equal) {
      if (ops[p] == Op::Delete) {
        ++i;
      } else {
        ++j;
      }
      ++p;
    }
    change.aEnd = i;
    change.bEnd = j;
    changes.push_back(change);
  }
  return changes;
}

std::string unifiedDiff(std::string_view before, std::string_view after, std::string_view beforeLabel,
                        std::string_view afterLabel, std::size_t context) {
  const auto a = splitLines(before);
  const auto b = splitLines(after);
  const auto changes = diffLines(a, b);
  if (changes.empty()) return {};
  std::string out = "--- " + std::string(beforeLabel) + "\n+++ " + std::string(afterLabel) + "\n";
  std::size_t c = 0;
  while (c < changes.size()) {
    // A hunk: changes whose context windows touch, plus `context` lines around them.
    std::size_t last = c;
    while (last + 1 < changes.size() && changes[last + 1].aBegin - changes[last].aEnd <= 2 * context) ++last;
    const std::size_t aStart = changes[c].aBegin - std::min(context, changes[c].aBegin);
    const std::size_t bStart = changes[c].bBegin - (changes[c].aBegin - aStart);
    const std::size_t aStop = std::min(a.size(), changes[last].aEnd + context);
    const std::size_t bStop = changes[last].bEnd + (aStop - changes[last].aEnd);
    out += "@@ -" + rangeText(aStart, aStop - aStart) + " +" + rangeText(bStart, bStop - bStart) + " @@\n";
    std::size_t i = aStart;
    for (std::size_t h = c; h <= last; ++h) {
      for (; i < changes[h].aBegin; ++i) appendLine(out, ' ', a[i]);
      for (i = changes[h].aBegin; i < changes[h].aEnd; ++i) appendLine(out, '-', a[i]);
      for (std::size_t j = changes[h].bBegin; j < changes[h].bEnd; ++j) appendLine(out, '+', b[j]);
    }
    for (; i < aStop; ++i) appendLine(out, ' ', a[i]);
    c = last + 1;
  }
  return out;
}

}  // namespace manifold::workspace
