#include "core/workspace/file_io.h"

#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>

namespace manifold::workspace {

namespace fs = std::filesystem;

std::optional<std::string> readTextFile(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<bool> writeFileAtomically(const fs::path& path, std::string_view content, FileAccess access) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  if (ec) {
    return WorkspaceError{WorkspaceErrorKind::Io,
                          "cannot create the folder " + path.parent_path().string() + ": " + ec.message(), ""};
  }
  std::random_device random;
  const fs::path temporary = path.string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(random());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (out && access == FileAccess::OwnerOnly) {
      fs::permissions(temporary, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace, ec);
      if (ec) {
        out.close();
        std::error_code ignored;
        fs::remove(temporary, ignored);
        return WorkspaceError{WorkspaceErrorKind::Io,
                              "cannot make " + path.string() + " private to its owner: " + ec.message(), ""};
      }
    }
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      fs::remove(temporary, ec);
      return WorkspaceError{WorkspaceErrorKind::Io, "cannot write " + path.string(), ""};
    }
  }
  fs::rename(temporary, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    return WorkspaceError{WorkspaceErrorKind::Io, "cannot replace " + path.string() + ": " + ec.message(), ""};
  }
  return true;
}

}  // namespace manifold::workspace
