// AirbyteError and Result<T>: why an Airbyte API call or a publish failed, in words a user can act on.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/workspace/result.h"

namespace manifold::airbyte {

enum class AirbyteErrorKind {
  Unauthorized,        // 401 (also after one token refresh): wrong client id/secret or password
  Forbidden,           // 403: the account may not use this workspace
  NotFound,            // 404: the workspace, definition, source, connection or job is gone
  Conflict,            // 409: Airbyte's own message (a sync already running, ...)
  Validation,          // 400/422: Airbyte's own message
  UnsupportedVersion,  // 400/422 saying the manifest's `version` is newer than the platform's
  RateLimited,         // 429 beyond what the client waits for (Retry-After)
  Http,                // any other non-2xx status
  Network,             // no response: connect, TLS, broken connection
  Timeout,             // no response in time, or a job that did not finish in time
  Cancelled,           // the caller's stop_token was triggered
  BadResponse,         // a 2xx whose body is not what the API documents
  Refused,             // refused before sending anything (pre-checks, duplicate name, bad input)
  JobFailed,           // a sync job ended failed or cancelled
};

std::string_view airbyteErrorKindName(AirbyteErrorKind kind);

struct AirbyteError {
  AirbyteErrorKind kind = AirbyteErrorKind::Http;
  std::string message;         // a complete sentence; never a secret, token or password
  long status = 0;             // HTTP status, 0 when there was no response
  std::string airbyteMessage;  // Airbyte's own words (problem detail / data.message), masked
  std::optional<std::chrono::seconds> retryAfter;  // RateLimited: what Airbyte asked for
};

// An error without an HTTP status (refusals, bad answers, cancellation).
AirbyteError makeError(AirbyteErrorKind kind, std::string message);

template <class T>
using Result = workspace::Result<T, AirbyteError>;

}  // namespace manifold::airbyte
