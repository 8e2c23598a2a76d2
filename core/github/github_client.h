// GitHubClient: GitHub REST v3 calls over the engine's HttpClient, with errors a user can act on.
#pragma once

#include <chrono>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/github/github_error.h"
#include "core/http/http_client.h"
#include "core/http/http_headers.h"

namespace manifold::github {

struct GitHubClientOptions {
  std::string apiUrl = "https://api.github.com";  // GitHub Enterprise: https://host/api/v3
  std::string token;                               // sent as "Authorization: Bearer <token>"
  std::string userAgent = "Manifold";
  std::string apiVersion = "2022-11-28";
  std::chrono::milliseconds timeout{60'000};       // per request
  http::HttpClientOptions http{};                  // CA bundle, proxy, limits
};

struct GitHubResponse {
  long status = 0;
  nlohmann::json body;  // parsed JSON, null when the body was empty or not JSON
  http::HttpHeaders headers;

  bool ok() const { return status >= 200 && status < 300; }
  const std::string* header(std::string_view name) const { return http::findHeader(headers, name); }
};

// One client per thread (it owns an HttpClient). The token is only ever put in the
// Authorization header: no message, error or log line built here contains it.
class GitHubClient {
 public:
  explicit GitHubClient(GitHubClientOptions options);

  // Any status comes back as a response; only a missing response is an error.
  Result<GitHubResponse> send(std::string_view method, std::string_view path,
                              const std::optional<nlohmann::json>& body = std::nullopt,
                              std::stop_token stop = {});

  // Like send(), but a non-2xx status becomes the error errorFor() describes. `what` names
  // the action for the message ("create the branch manifold/source-x").
  Result<GitHubResponse> call(std::string_view method, std::string_view path, std::string_view what,
                              const std::optional<nlohmann::json>& body = std::nullopt,
                              std::stop_token stop = {});

  const GitHubClientOptions& options() const { return options_; }

 private:
  GitHubClientOptions options_;
  http::HttpClient http_;
};

// The error a non-2xx answer means: 401 sign in again, 403 rate limit (with the reset time)
// or missing scope, 404 not found or not visible, 422 with GitHub's message.
GitHubError errorFor(const GitHubResponse& response, std::string_view what);

// "owner/name" split; false when it is not of that shape.
bool splitRepository(std::string_view fullName, std::string& owner, std::string& name);

}  // namespace manifold::github
