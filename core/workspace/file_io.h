// Reading and atomically writing the text files of a connector project.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/workspace/result.h"

namespace manifold::workspace {

// The whole file, or nullopt when it is not a readable regular file.
std::optional<std::string> readTextFile(const std::filesystem::path& path);

// Writes to a temporary file beside `path`, then renames it over `path`, so a reader never
// sees half a file and a failed write leaves the old one intact. Creates missing parents.
Result<bool> writeFileAtomically(const std::filesystem::path& path, std::string_view content);

}  // namespace manifold::workspace
