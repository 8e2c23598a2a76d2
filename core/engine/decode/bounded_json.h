// JSON parsing with a nesting bound: a hostile API's 100,000-deep document must end with a
// clear error, not overflow the stack of whatever later walks or prints the value.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string_view>

namespace manifold::engine {

// Python's json module stops near this depth (its recursion limit), so real APIs stay far below.
inline constexpr std::size_t kMaxJsonDepth = 1000;

struct BoundedJson {
  enum class Status { Ok, Invalid, TooDeep };
  Status status = Status::Ok;
  nlohmann::json value;  // discarded unless Ok
};

BoundedJson parseBoundedJson(std::string_view text, std::size_t maxDepth = kMaxJsonDepth);

}  // namespace manifold::engine
