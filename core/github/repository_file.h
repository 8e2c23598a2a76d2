// One file of a repository at a ref, through the contents API: the upstream side of a diff.
#pragma once

#include <optional>
#include <stop_token>
#include <string>
#include <string_view>

#include "core/github/github_client.h"

namespace manifold::github {

// Percent-escapes a query value, keeping '/' and ':' (branch names, "owner:branch" heads).
std::string queryEscape(std::string_view text);

// The file's text; nullopt when the repository has no such file at `ref` (404). `ref` empty:
// the default branch. Other failures (401, rate limit, network) are errors.
Result<std::optional<std::string>> fetchRepositoryFile(GitHubClient& client, const std::string& repository,
                                                       const std::string& path, const std::string& ref,
                                                       std::stop_token stop = {});

}  // namespace manifold::github
