// "Did you mean …": the closest known name to a misspelled one, by edit distance.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace manifold::manifest {

// Edit distance (insertions, deletions, substitutions and swaps of neighbours), case-sensitive.
std::size_t editDistance(std::string_view a, std::string_view b);

// The candidate nearest to `word` when it is close enough to be a plausible typo
// (distance at most a third of the word's length, at least 1; a case-only difference
// always counts); nullopt otherwise.
std::optional<std::string> closestMatch(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace manifold::manifest
