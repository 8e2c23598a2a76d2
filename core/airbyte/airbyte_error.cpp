#include "core/airbyte/airbyte_error.h"

#include <utility>

namespace manifold::airbyte {

std::string_view airbyteErrorKindName(AirbyteErrorKind kind) {
  switch (kind) {
    case AirbyteErrorKind::Unauthorized: return "unauthorized";
    case AirbyteErrorKind::Forbidden: return "forbidden";
    case AirbyteErrorKind::NotFound: return "not_found";
    case AirbyteErrorKind::Conflict: return "conflict";
    case AirbyteErrorKind::Validation: return "validation";
    case AirbyteErrorKind::UnsupportedVersion: return "unsupported_version";
    case AirbyteErrorKind::RateLimited: return "rate_limited";
    case AirbyteErrorKind::Http: return "http";
    case AirbyteErrorKind::Network: return "network";
    case AirbyteErrorKind::Timeout: return "timeout";
    case AirbyteErrorKind::Cancelled: return "cancelled";
    case AirbyteErrorKind::BadResponse: return "bad_response";
    case AirbyteErrorKind::Refused: return "refused";
    case AirbyteErrorKind::JobFailed: return "job_failed";
  }
  return "unknown";
}

AirbyteError makeError(AirbyteErrorKind kind, std::string message) {
  AirbyteError error;
  error.kind = kind;
  error.message = std::move(message);
  return error;
}

}  // namespace manifold::airbyte
