#include "core/github/github_client.h"

#include "core/http/host_allowlist.h"
#include "core/http/url.h"

#include <cstdlib>
#include <ctime>
#include <utility>

namespace manifold::github {

namespace {

std::string trimTrailingSlash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

std::string removeSecret(std::string text, const std::string& secret) {
  if (secret.empty()) return text;
  for (auto pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos)) {
    text.replace(pos, secret.size(), "****");
  }
  return text;
}

std::string resetTime(const GitHubResponse& response) {
  const std::string* reset = response.header("X-RateLimit-Reset");
  if (reset == nullptr) return "";
  char* end = nullptr;
  const long long epoch = std::strtoll(reset->c_str(), &end, 10);
  if (end == reset->c_str() || epoch <= 0) return "";
  const std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S UTC", &tm);
  return buffer;
}

std::string validationDetails(const nlohmann::json& body) {
  std::string details;
  if (!body.is_object() || !body.contains("errors") || !body["errors"].is_array()) return details;
  for (const auto& item : body["errors"]) {
    std::string part;
    if (item.is_string()) {
      part = item.get<std::string>();
    } else if (item.is_object()) {
      if (item.contains("message") && item["message"].is_string()) {
        part = item["message"].get<std::string>();
      } else if (item.contains("code") && item["code"].is_string()) {
        part = item.value("field", std::string()) + " " + item["code"].get<std::string>();
      }
    }
    if (part.empty()) continue;
    details += details.empty() ? part : "; " + part;
  }
  return details;
}

}  // namespace

bool splitRepository(std::string_view fullName, std::string& owner, std::string& name) {
  const auto slash = fullName.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 >= fullName.size()) return false;
  if (fullName.find('/', slash + 1) != std::string_view::npos) return false;
  owner = std::string(fullName.substr(0, slash));
  name = std::string(fullName.substr(slash + 1));
  return true;
}

GitHubError errorFor(const GitHubResponse& response, std::string_view what) {
  GitHubError error;
  error.status = response.status;
  if (response.body.is_object() && response.body.contains("message") &&
      response.body["message"].is_string()) {
    error.githubMessage = response.body["message"].get<std::string>();
  }
  const std::string action(what);
  const std::string quoted = error.githubMessage.empty() ? "" : " (\"" + error.githubMessage + "\")";
  const std::string* remaining = response.header("X-RateLimit-Remaining");
  const bool exhausted = remaining != nullptr && *remaining == "0";
  if (response.status == 401) {
    error.kind = GitHubErrorKind::Unauthorized;
    error.message = "cannot " + action + ": GitHub rejected the token (401" + quoted +
                    "); it is wrong, expired or revoked: sign in again";
  } else if ((response.status == 403 || response.status == 429) && exhausted) {
    error.kind = GitHubErrorKind::RateLimited;
    const std::string reset = resetTime(response);
    error.message = "cannot " + action + ": GitHub's API rate limit for this token is used up" +
                    (reset.empty() ? std::string("; try again later")
                                   : "; it resets at " + reset);
  } else if (response.status == 403) {
    error.kind = GitHubErrorKind::Forbidden;
    error.message = "cannot " + action + ": GitHub refused it (403" + quoted + ")";
    const std::string* accepted = response.header("X-Accepted-OAuth-Scopes");
    const std::string* granted = response.header("X-OAuth-Scopes");
    if (accepted != nullptr && !accepted->empty()) {
      error.message += "; it needs the scope " + *accepted + " and the token has " +
                       (granted == nullptr || granted->empty() ? std::string("none") : *granted);
    } else {
      error.message += "; the token lacks a scope or permission (a classic token needs public_repo)";
    }
  } else if (response.status == 404) {
    error.kind = GitHubErrorKind::NotFound;
    error.message = "cannot " + action +
                    ": not found (404); the repository does not exist or is not visible to this token";
  } else if (response.status == 422) {
    error.kind = GitHubErrorKind::Validation;
    const std::string details = validationDetails(response.body);
    error.message = "cannot " + action + ": GitHub rejected it (422): " +
                    (error.githubMessage.empty() ? std::string("validation failed") : error.githubMessage) +
                    (details.empty() ? "" : ": " + details);
  } else if (response.status == 409) {
    error.kind = GitHubErrorKind::Conflict;
    error.message = "cannot " + action + ": conflict (409" + quoted + ")";
  } else {
    error.kind = GitHubErrorKind::Http;
    error.message = "cannot " + action + ": GitHub answered HTTP " +
                    std::to_string(response.status) + quoted;
  }
  return error;
}

GitHubClient::GitHubClient(GitHubClientOptions options)
    : options_(std::move(options)), http_([this] {
        options_.apiUrl = trimTrailingSlash(options_.apiUrl);
        http::HttpClientOptions h = options_.http;
        h.userAgent = options_.userAgent;
        // The token goes to the configured API host and nowhere else: a redirect to another
        // host (even one the HTTP client would strip Authorization for) fails before connecting.
        if (const auto parts = http::parseUrl(options_.apiUrl)) {
          auto allow = http::HostAllowlist::fromPatterns({parts->host}, nlohmann::json::object());
          if (auto* list = std::get_if<http::HostAllowlist>(&allow)) h.allowedHosts = *list;
        }
        return h;
      }()) {}

Result<GitHubResponse> GitHubClient::send(std::string_view method, std::string_view path,
                                          const std::optional<nlohmann::json>& body,
                                          std::stop_token stop) {
  http::HttpRequest request;
  request.method = std::string(method);
  request.url = options_.apiUrl + std::string(path);
  request.timeout = options_.timeout;
  request.headers.emplace_back("Accept", "application/vnd.github+json");
  request.headers.emplace_back("X-GitHub-Api-Version", options_.apiVersion);
  request.headers.emplace_back("User-Agent", options_.userAgent);
  if (!options_.token.empty()) {
    request.headers.emplace_back("Authorization", "Bearer " + options_.token);
  }
  if (body) {
    request.headers.emplace_back("Content-Type", "application/json");
    request.body = body->dump();
  }
  auto sent = http_.send(request, stop);
  if (!sent) {
    const auto& failure = sent.error();
    GitHubError error;
    error.kind = failure.kind == http::HttpErrorKind::Timeout          ? GitHubErrorKind::Timeout
                 : failure.kind == http::HttpErrorKind::Cancelled      ? GitHubErrorKind::Cancelled
                 : failure.kind == http::HttpErrorKind::HostNotAllowed ? GitHubErrorKind::Refused
                                                                       : GitHubErrorKind::Network;
    error.message = removeSecret(
        error.kind == GitHubErrorKind::Refused
            ? "refused to send the GitHub token to another host than the GitHub API's (" + options_.apiUrl +
                  "): " + failure.message
            : "cannot reach GitHub: " + failure.message,
        options_.token);
    return error;
  }
  GitHubResponse response;
  response.status = sent->status;
  response.headers = std::move(sent->headers);
  if (!sent->body.empty()) {
    response.body = nlohmann::json::parse(sent->body, nullptr, false);
    if (response.body.is_discarded()) response.body = nullptr;
  }
  return response;
}

Result<GitHubResponse> GitHubClient::call(std::string_view method, std::string_view path,
                                          std::string_view what,
                                          const std::optional<nlohmann::json>& body,
                                          std::stop_token stop) {
  auto response = send(method, path, body, stop);
  if (!response) return response;
  if (!response->ok()) {
    GitHubError error = errorFor(response.value(), what);
    error.message = removeSecret(std::move(error.message), options_.token);
    return error;
  }
  return response;
}

}  // namespace manifold::github
