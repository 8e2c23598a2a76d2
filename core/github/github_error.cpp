#include "core/github/github_error.h"

namespace manifold::github {

std::string_view gitHubErrorKindName(GitHubErrorKind kind) {
  switch (kind) {
    case GitHubErrorKind::Unauthorized: return "unauthorized";
    case GitHubErrorKind::RateLimited: return "rate_limited";
    case GitHubErrorKind::Forbidden: return "forbidden";
    case GitHubErrorKind::NotFound: return "not_found";
    case GitHubErrorKind::Validation: return "validation";
    case GitHubErrorKind::Conflict: return "conflict";
    case GitHubErrorKind::Http: return "http";
    case GitHubErrorKind::Network: return "network";
    case GitHubErrorKind::Timeout: return "timeout";
    case GitHubErrorKind::Cancelled: return "cancelled";
    case GitHubErrorKind::BadResponse: return "bad_response";
    case GitHubErrorKind::Refused: return "refused";
  }
  return "unknown";
}

}  // namespace manifold::github
