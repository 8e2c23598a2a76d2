// Three-way line merge (diff3): apply both sides' changes to a common base, mark overlaps.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace manifold::workspace {

struct MergeLabels {
  std::string ours = "ours";
  std::string base = "base";
  std::string theirs = "theirs";
};

struct MergeResult {
  std::string text;           // the merged text, with conflict markers where sides overlap
  std::size_t conflicts = 0;  // how many conflict blocks text holds
  bool clean() const { return conflicts == 0; }
};

// Changes only one side made are taken; the same change on both sides is taken once; changes
// both sides made to the same or touching lines become a conflict block, in git's diff3 style:
//   <<<<<<< ours / our lines / ||||||| base / base lines / ======= / their lines / >>>>>>> theirs
MergeResult mergeLines(std::string_view base, std::string_view ours, std::string_view theirs,
                       const MergeLabels& labels = {});

}  // namespace manifold::workspace
