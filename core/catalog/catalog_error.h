// CatalogError: why a catalog could not be listed, read or forked from, in words a user can act on.
#pragma once

#include <string>

#include "core/github/github_error.h"
#include "core/workspace/result.h"

namespace manifold::catalog {

enum class CatalogErrorKind {
  NotFound,     // no such repository, branch, folder or connector (404 or not in the listing)
  RateLimited,  // GitHub's API rate limit is used up; the message says when it resets
  Offline,      // GitHub could not be reached and nothing is cached for what was asked
  GitHub,       // any other GitHub answer (401, 403, 5xx, an unexpected body)
  Cancelled,
  Exists,       // forking onto an existing folder; suggestedName is free
  Invalid,      // a bad name, pattern or file
  Io,           // reading or writing on disk failed
};

struct CatalogError {
  CatalogErrorKind kind = CatalogErrorKind::GitHub;
  std::string message;        // complete sentence for the user; never contains a token
  std::string suggestedName;  // for Exists
};

template <class T>
using Result = workspace::Result<T, CatalogError>;

CatalogError fromGitHub(const github::GitHubError& error);
CatalogError fromWorkspace(const workspace::WorkspaceError& error);

}  // namespace manifold::catalog
