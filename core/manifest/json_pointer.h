// JSON pointer strings (RFC 6901) built and split without allocating a json_pointer object.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace manifold::manifest {

// Appends "/<token>" to pointer with '~' and '/' escaped.
void appendPointerToken(std::string& pointer, std::string_view token);
std::string childPointer(std::string_view parent, std::string_view token);
std::string childPointer(std::string_view parent, std::size_t index);

// "/a/b~1c" -> {"a", "b/c"}. An empty pointer is the root and gives no tokens.
std::vector<std::string> splitPointer(std::string_view pointer);

// The pointer of the parent node; the root's parent is the root.
std::string_view parentPointer(std::string_view pointer);

}  // namespace manifold::manifest
