#include "core/workspace/fork.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2

#include <cerrno>
#include <cstring>
#include <random>

#include "core/workspace/file_io.h"

namespace manifold::workspace {

namespace fs = std::filesystem;

namespace {

WorkspaceError exists(const ForkRequest& request) {
  const std::string suggestion = freeName(request.workspaceDir, request.name);
  return WorkspaceError{WorkspaceErrorKind::Exists,
                        "cannot fork into " + (request.workspaceDir / request.name).string() +
                            ": that folder exists already and is left as it is; choose another name, e.g. '" +
                            suggestion + "'",
                        suggestion};
}

// rename(2) replaces an empty directory; RENAME_NOREPLACE refuses any existing target.
bool renameNoReplace(const fs::path& from, const fs::path& to, std::error_code& ec) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
  if (errno == EINVAL || errno == ENOSYS) {  // a file system without it: check, then rename
    if (fs::exists(to)) {
      ec = std::make_error_code(std::errc::file_exists);
      return false;
    }
    fs::rename(from, to, ec);
    return !ec;
  }
  ec = std::error_code(errno, std::generic_category());
  return false;
}

}  // namespace

std::string freeName(const fs::path& workspaceDir, const std::string& name) {
  std::error_code ec;
  if (!fs::exists(workspaceDir / name, ec)) return name;
  for (int n = 2;; ++n) {
    const std::string candidate = name + "-" + std::to_string(n);
    if (!fs::exists(workspaceDir / candidate, ec)) return candidate;
  }
}

Result<fs::path> forkIntoWorkspace(const ForkRequest& request) {
  if (!isValidConnectorName(request.name)) {
    return WorkspaceError{WorkspaceErrorKind::Invalid,
                          "cannot fork as '" + request.name +
                              "': a connector folder name uses letters, digits, '.', '_' and '-' only",
                          ""};
  }
  if (!request.files.contains("manifest.yaml")) {
    return WorkspaceError{WorkspaceErrorKind::Invalid,
                          "cannot fork '" + request.name + "': the catalog entry has no manifest.yaml", ""};
  }
  const fs::path target = request.workspaceDir / request.name;
  std::error_code ec;
  if (fs::exists(target, ec)) return exists(request);
  fs::create_directories(request.workspaceDir, ec);
  if (ec) {
    return WorkspaceError{WorkspaceErrorKind::Io,
                          "cannot create the workspace " + request.workspaceDir.string() + ": " + ec.message(), ""};
  }

  // Everything goes into a hidden staging folder first, then one rename makes it appear.
  std::random_device random;
  const fs::path staging = request.workspaceDir / ("." + request.name + ".forking-" + std::to_string(random()));
  const auto cleanup = [&staging] {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
  };
  Origin origin = request.origin;
  if (origin.date.empty()) origin.date = utcNowIso();
  for (const auto name : kConnectorFiles) {
    const auto file = request.files.find(std::string(name));
    std::string content;
    if (file != request.files.end()) {
      content = file->second;
      auto saved = writeFileAtomically(staging / kLocalStateDir / "origin" / name, content);
      if (!saved) {
        cleanup();
        return saved.error();
      }
    } else if (name != "metadata.yaml") {
      continue;
    } else {
      content = "data:\n  name: " + request.name + "\n";
    }
    if (name == "metadata.yaml") content = writeOrigin(content, origin);
    auto saved = writeFileAtomically(staging / name, content);
    if (!saved) {
      cleanup();
      return saved.error();
    }
  }
  if (!renameNoReplace(staging, target, ec)) {
    cleanup();
    if (ec == std::errc::file_exists || ec == std::errc::directory_not_empty) return exists(request);
    return WorkspaceError{WorkspaceErrorKind::Io, "cannot create " + target.string() + ": " + ec.message(), ""};
  }
  return target;
}

}  // namespace manifold::workspace
