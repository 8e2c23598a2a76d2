// AirbyteClient: Airbyte's public REST API v1 over the engine's HttpClient, with errors a user can act on.
//
// Paths and fields (reference.airbyte.com, API v1; base URL Cloud https://api.airbyte.com/v1,
// self-managed http://HOST:8000/api/public/v1):
//   POST /applications/token  {"client_id", "client_secret", "grant-type": "client_credentials"}
//        → {"access_token", "token_type": "Bearer", "expires_in" (seconds; minutes on Cloud)}
//   GET  /workspaces?limit&offset                          → {"data": [WorkspaceResponse], "next"}
//   GET  /workspaces/{workspaceId}/definitions/declarative_sources → {"data": [DeclarativeSourceDefinitionResponse]}
//   POST /workspaces/{workspaceId}/definitions/declarative_sources {"name", "manifest" (object)}
//   PUT  /workspaces/{workspaceId}/definitions/declarative_sources/{definitionId} {"manifest"}
//        → DeclarativeSourceDefinitionResponse {"id", "name", "manifest", "version"}
//   POST /sources {"name", "workspaceId", "definitionId", "configuration"} → SourceResponse
//   GET  /sources?workspaceIds=W&limit&offset             → {"data": [SourceResponse]}
//   GET  /connections?workspaceIds=W&limit&offset         → {"data": [ConnectionResponse]}
//   POST /jobs {"connectionId", "jobType": "sync"}         → JobResponse
//   GET  /jobs/{jobId}                                     → JobResponse
// Errors come as application/problem+json: {"type", "title", "status", "detail", "data": {"message"}}.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/airbyte/airbyte_error.h"
#include "core/airbyte/airbyte_types.h"
#include "core/http/http_client.h"
#include "core/http/http_headers.h"
#include "core/protocol/secret_masker.h"

namespace manifold::airbyte {

inline constexpr const char* kDefaultApiUrl = "http://localhost:8000/api/public/v1";

struct AirbyteCredentials {
  // An application's client id and secret, exchanged for a short-lived bearer token.
  std::string clientId;
  std::string clientSecret;
  // Or basic auth, for a self-managed instance without applications (used when basicUser is set).
  std::string basicUser;
  std::string basicPassword;
};

struct AirbyteClientOptions {
  std::string apiUrl = kDefaultApiUrl;
  AirbyteCredentials credentials;
  std::string userAgent = "Manifold";
  std::chrono::milliseconds timeout{60'000};  // per request
  // A token is renewed this long before Airbyte says it expires (clock skew, slow calls).
  std::chrono::seconds tokenRefreshMargin{30};
  // 429: wait what Retry-After asks (default 5 s without one) at most this many times, and
  // only while the wait is at most maxRateLimitWait; beyond that the call fails RateLimited.
  int maxRateLimitRetries = 3;
  std::chrono::seconds maxRateLimitWait{60};
  http::HttpClientOptions http{};  // CA bundle, proxy, limits (allowedHosts is set to the API host)
  // Injectable for tests: the clock token expiry is measured on, and the sleep between retries
  // (which must return early when the stop token is triggered).
  std::function<std::chrono::steady_clock::time_point()> now;
  std::function<void(std::chrono::milliseconds, std::stop_token)> sleep;
};

struct AirbyteResponse {
  long status = 0;
  nlohmann::json body;  // parsed JSON, null when empty or not JSON
  http::HttpHeaders headers;
  bool ok() const { return status >= 200 && status < 300; }
  const std::string* header(std::string_view name) const { return http::findHeader(headers, name); }
};

// One client per thread (it owns an HttpClient). The client secret, the password and the
// bearer token are only put in the token request's body and the Authorization header, and only
// sent to the configured API host (redirects elsewhere are refused); every message built here
// is masked of them and of the secrets added with addSecret().
class AirbyteClient {
 public:
  explicit AirbyteClient(AirbyteClientOptions options);

  Result<std::vector<Workspace>> listWorkspaces(std::stop_token stop = {});
  Result<std::vector<DeclarativeSourceDefinition>> listDeclarativeSourceDefinitions(std::string_view workspaceId,
                                                                                    std::stop_token stop = {});
  Result<DeclarativeSourceDefinition> createDeclarativeSourceDefinition(std::string_view workspaceId,
                                                                        std::string_view name,
                                                                        const nlohmann::ordered_json& manifest,
                                                                        std::stop_token stop = {});
  // A new version of the definition's manifest; Airbyte answers the incremented version.
  Result<DeclarativeSourceDefinition> updateDeclarativeSourceDefinition(std::string_view workspaceId,
                                                                        std::string_view definitionId,
                                                                        const nlohmann::ordered_json& manifest,
                                                                        std::stop_token stop = {});
  Result<Source> createSource(std::string_view workspaceId, std::string_view definitionId, std::string_view name,
                              const nlohmann::json& configuration, std::stop_token stop = {});
  Result<std::vector<Source>> listSources(std::string_view workspaceId, std::stop_token stop = {});
  Result<std::vector<Connection>> listConnections(std::string_view workspaceId, std::stop_token stop = {});
  Result<Job> triggerSync(std::string_view connectionId, std::stop_token stop = {});
  Result<Job> getJob(std::int64_t jobId, std::stop_token stop = {});

  // One authenticated call: a non-2xx status becomes the error errorFor() describes. `what`
  // names the action for messages ("list the workspaces"). A 401 renews the token and retries
  // once; a 429 waits for Retry-After as the options allow.
  Result<AirbyteResponse> call(std::string_view method, std::string_view pathAndQuery, std::string_view what,
                               const std::optional<std::string>& body = std::nullopt, std::stop_token stop = {});

  // A value that must never appear in a message (a config secret sent in createSource).
  void addSecret(std::string_view secret);
  std::string mask(std::string_view text) const;

  const AirbyteClientOptions& options() const { return options_; }
  int tokensFetched() const { return tokensFetched_; }

 private:
  Result<std::string> authorization(bool forceRefresh, std::stop_token stop);
  Result<AirbyteResponse> send(std::string_view method, const std::string& url, const std::string* authorization,
                               const std::optional<std::string>& body, std::stop_token stop);
  Result<nlohmann::json> listAll(const std::string& path, std::string_view what, std::stop_token stop);
  AirbyteError noResponse(const http::HttpError& failure) const;

  AirbyteClientOptions options_;
  http::HttpClient http_;
  protocol::SecretMasker masker_;
  std::string token_;
  std::chrono::steady_clock::time_point tokenExpiry_{};
  int tokensFetched_ = 0;
};

// The error a non-2xx answer means: 401 credentials, 403 workspace permission, 404 gone, 409
// and 400/422 with Airbyte's own message (a manifest version it does not support is its own
// kind), 429 with the time Airbyte asks to wait.
AirbyteError errorFor(const AirbyteResponse& response, std::string_view what);

// Airbyte's own words in an error body: data.message, else detail, else message, else title.
std::string airbyteMessageOf(const nlohmann::json& body);

// Retry-After as seconds (a number of seconds or an HTTP date); nullopt when absent or unreadable.
std::optional<std::chrono::seconds> retryAfterOf(const AirbyteResponse& response);

}  // namespace manifold::airbyte
