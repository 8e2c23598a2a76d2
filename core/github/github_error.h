// GitHubError and Result<T>: why a GitHub API call failed, in words a user can act on.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace manifold::github {

enum class GitHubErrorKind {
  Unauthorized,  // 401: bad or expired token
  RateLimited,   // 403/429 with X-RateLimit-Remaining: 0
  Forbidden,     // 403: the token lacks a scope or permission
  NotFound,      // 404: missing, or not visible to this token
  Validation,    // 422: GitHub's own validation message
  Conflict,      // 409
  Http,          // any other non-2xx status
  Network,       // no response: connect, TLS, broken connection
  Timeout,       // no response in time, or a fork that never became ready
  Cancelled,     // the caller's stop_token was triggered
  BadResponse,   // a 2xx whose body is not what the API documents
  Refused,       // refused before sending: secrets, bad name, files, or a host other than the API's
};

std::string_view gitHubErrorKindName(GitHubErrorKind kind);

struct GitHubError {
  GitHubErrorKind kind = GitHubErrorKind::Http;
  std::string message;        // complete sentence for the user; never contains the token
  long status = 0;            // HTTP status, 0 when there was no response
  std::string githubMessage;  // GitHub's "message" field, when it sent one
};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit on purpose
  Result(GitHubError error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const GitHubError& error() const { return std::get<1>(v_); }

  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }

 private:
  std::variant<T, GitHubError> v_;
};

}  // namespace manifold::github
