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

// Who may read a written file.
enum class FileAccess {
  Default,    // as the process's umask allows (0644 usually): manifests, metadata, caches
  OwnerOnly,  // 0600: files holding connector config, such as testing values (docs/security.md)
};

// Writes to a temporary file beside `path`, then renames it over `path`, so a reader never
// sees half a file and a failed write leaves the old one intact. Creates missing parents.
// With FileAccess::OwnerOnly the temporary file is 0600 before any byte is written, so the
// file is never readable by others, also when it replaces a more open one.
Result<bool> writeFileAtomically(const std::filesystem::path& path, std::string_view content,
                                 FileAccess access = FileAccess::Default);

}  // namespace manifold::workspace
