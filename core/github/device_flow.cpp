#include "core/github/device_flow.h"

#include <thread>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/interpolation/encoding.h"

namespace manifold::github {

namespace {

using namespace std::chrono_literals;

GitHubError makeError(GitHubErrorKind kind, std::string message) {
  GitHubError error;
  error.kind = kind;
  error.message = std::move(message);
  return error;
}

std::string field(const nlohmann::json& body, const char* key) {
  return body.is_object() && body.contains(key) && body[key].is_string() ? body[key].get<std::string>() : std::string();
}

std::chrono::seconds seconds(const nlohmann::json& body, const char* key, std::chrono::seconds fallback) {
  if (body.is_object() && body.contains(key) && body[key].is_number_integer() && body[key].get<long long>() > 0) {
    return std::chrono::seconds(body[key].get<long long>());
  }
  return fallback;
}

std::string formValue(std::string_view text) { return interpolation::percentEncode(text, ""); }

}  // namespace

DeviceFlow::DeviceFlow(DeviceFlowOptions options)
    : options_(std::move(options)), http_([this] {
        http::HttpClientOptions h = options_.http;
        h.userAgent = options_.userAgent;
        return h;
      }()) {
  while (!options_.loginUrl.empty() && options_.loginUrl.back() == '/') options_.loginUrl.pop_back();
  if (!options_.now) options_.now = [] { return std::chrono::steady_clock::now(); };
  if (!options_.sleep) {
    options_.sleep = [](std::chrono::milliseconds delay, std::stop_token stop) {
      const auto until = std::chrono::steady_clock::now() + delay;
      while (!stop.stop_requested() && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(50ms);
    };
  }
}

Result<nlohmann::json> DeviceFlow::post(const std::string& path, const std::string& form, const std::string& what,
                                        std::stop_token stop) {
  http::HttpRequest request;
  request.method = "POST";
  request.url = options_.loginUrl + path;
  request.timeout = options_.timeout;
  request.headers.emplace_back("Accept", "application/json");
  request.headers.emplace_back("User-Agent", options_.userAgent);
  request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  request.body = form;
  auto sent = http_.send(request, stop);
  if (!sent) {
    const auto kind = sent.error().kind == http::HttpErrorKind::Timeout     ? GitHubErrorKind::Timeout
                      : sent.error().kind == http::HttpErrorKind::Cancelled ? GitHubErrorKind::Cancelled
                                                                            : GitHubErrorKind::Network;
    return makeError(kind, "cannot " + what + ": " + sent.error().message);
  }
  auto body = nlohmann::json::parse(sent->body, nullptr, false);
  if (sent->status == 404) {
    return makeError(GitHubErrorKind::NotFound,
                     "cannot " + what + ": " + request.url +
                         " was not found (404); check the sign-in URL, or the device flow is not enabled for this app");
  }
  if (sent->status < 200 || sent->status >= 300) {
    GitHubError error = makeError(GitHubErrorKind::Http, "cannot " + what + ": GitHub answered HTTP " +
                                                             std::to_string(sent->status));
    error.status = sent->status;
    if (!field(body, "error_description").empty()) error.message += " (" + field(body, "error_description") + ")";
    return error;
  }
  if (!body.is_object()) return makeError(GitHubErrorKind::BadResponse, "cannot " + what + ": GitHub's answer is not JSON");
  return body;
}

Result<DeviceCode> DeviceFlow::requestCode(std::stop_token stop) {
  if (options_.clientId.empty()) {
    return makeError(GitHubErrorKind::Refused,
                     "cannot sign in with the device flow: no OAuth client id is set (Settings › GitHub)");
  }
  auto body = post("/login/device/code", "client_id=" + formValue(options_.clientId) + "&scope=" + formValue(options_.scope),
                   "ask GitHub for a sign-in code", stop);
  if (!body) return body.error();
  const auto& json = body.value();
  if (!field(json, "error").empty()) {
    return makeError(GitHubErrorKind::Refused, "GitHub refused the sign-in (" + field(json, "error") + ")" +
                                                   (field(json, "error_description").empty()
                                                        ? std::string()
                                                        : ": " + field(json, "error_description")));
  }
  DeviceCode code;
  code.deviceCode = field(json, "device_code");
  code.userCode = field(json, "user_code");
  code.verificationUri = field(json, "verification_uri");
  code.expiresIn = seconds(json, "expires_in", code.expiresIn);
  code.interval = seconds(json, "interval", code.interval);
  if (code.deviceCode.empty() || code.userCode.empty() || code.verificationUri.empty()) {
    return makeError(GitHubErrorKind::BadResponse, "cannot ask GitHub for a sign-in code: its answer lacks the code");
  }
  return code;
}

Result<DeviceToken> DeviceFlow::waitForToken(const DeviceCode& code, std::stop_token stop) {
  const auto deadline = options_.now() + code.expiresIn;
  auto interval = std::chrono::duration_cast<std::chrono::milliseconds>(code.interval);
  const std::string form = "client_id=" + formValue(options_.clientId) + "&device_code=" + formValue(code.deviceCode) +
                           "&grant_type=" + formValue("urn:ietf:params:oauth:grant-type:device_code");
  const auto expired = [] {
    return makeError(GitHubErrorKind::Timeout, "the sign-in code expired before it was entered; sign in again for a new code");
  };
  for (;;) {
    if (options_.now() + interval > deadline) return expired();
    options_.sleep(interval, stop);
    if (stop.stop_requested()) return makeError(GitHubErrorKind::Cancelled, "the sign-in was cancelled");
    auto body = post("/login/oauth/access_token", form, "finish the sign-in", stop);
    if (!body) return body.error();
    const auto& json = body.value();
    const std::string error = field(json, "error");
    if (error.empty()) {
      DeviceToken token{field(json, "access_token"), field(json, "token_type"), field(json, "scope")};
      if (token.accessToken.empty()) {
        return makeError(GitHubErrorKind::BadResponse, "cannot finish the sign-in: GitHub's answer has no token");
      }
      return token;
    }
    if (error == "authorization_pending") continue;
    if (error == "slow_down") {
      // GitHub sends the new interval; without one, RFC 8628 says add 5 seconds.
      const auto next = seconds(json, "interval", std::chrono::duration_cast<std::chrono::seconds>(interval) + 5s);
      interval = std::max<std::chrono::milliseconds>(next, interval + 5s);
      continue;
    }
    if (error == "expired_token") return expired();
    if (error == "access_denied") {
      return makeError(GitHubErrorKind::Unauthorized, "the sign-in was denied on GitHub; nothing was saved");
    }
    GitHubError failure = makeError(GitHubErrorKind::Refused, "GitHub refused the sign-in (" + error + ")");
    if (!field(json, "error_description").empty()) failure.message += ": " + field(json, "error_description");
    return failure;
  }
}

}  // namespace manifold::github
