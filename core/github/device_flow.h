// DeviceFlow: GitHub's OAuth device authorization: the user types a short code on github.com
// while Manifold polls for the token (no client secret, no redirect to a local server).
#pragma once

#include <chrono>
#include <functional>
#include <stop_token>
#include <string>

#include "core/github/github_error.h"
#include "core/http/http_client.h"

namespace manifold::github {

struct DeviceFlowOptions {
  std::string loginUrl = "https://github.com";  // GitHub Enterprise: https://HOST
  std::string clientId;                          // the OAuth app's client id (a setting)
  std::string scope = "public_repo";             // what the contribution flow needs
  std::string userAgent = "Manifold";
  std::chrono::milliseconds timeout{30'000};     // per request
  http::HttpClientOptions http{};
  // Injectable so tests need not wait; sleep returns early when stop is requested.
  std::function<std::chrono::steady_clock::time_point()> now;
  std::function<void(std::chrono::milliseconds, std::stop_token)> sleep;
};

struct DeviceCode {
  std::string deviceCode;       // sent back while polling; never shown
  std::string userCode;         // "WDJB-MJHT": what the user types
  std::string verificationUri;  // "https://github.com/login/device"
  std::chrono::seconds expiresIn{900};
  std::chrono::seconds interval{5};  // the least time between polls
};

struct DeviceToken {
  std::string accessToken;
  std::string tokenType;
  std::string scope;
};

class DeviceFlow {
 public:
  explicit DeviceFlow(DeviceFlowOptions options);

  // POST /login/device/code: the code to show the user.
  Result<DeviceCode> requestCode(std::stop_token stop = {});

  // Polls POST /login/oauth/access_token every `interval` (longer after slow_down) until the
  // user authorises (the token), denies (access_denied), the code expires (expired_token or
  // expiresIn elapsed), or stop is requested.
  Result<DeviceToken> waitForToken(const DeviceCode& code, std::stop_token stop = {});

 private:
  // A form POST answered with JSON; a non-JSON or non-2xx answer becomes an error.
  Result<nlohmann::json> post(const std::string& path, const std::string& form, const std::string& what,
                              std::stop_token stop);

  DeviceFlowOptions options_;
  http::HttpClient http_;
};

}  // namespace manifold::github
