// The hosts a manifest names: each requester's url_base (or url), the OAuth token endpoint, a
// session login requester and a legacy session API, rendered with the testing values when they
// hold what the template needs.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace manifold::hosts {

// Where a host comes from. The credential endpoints receive the client secret, refresh token,
// username or password, so they matter to docs/security.md's "Credentials stay with their host".
enum class HostSource {
  UrlBase,             // HttpRequester url_base or url
  OAuthTokenEndpoint,  // OAuthAuthenticator token_refresh_endpoint
  SessionLogin,        // SessionTokenAuthenticator login_requester's url_base or url
  LegacySessionApi,    // LegacySessionTokenAuthenticator api_url
  TestRead,            // a request a test read sent
};

// "url_base", "OAuth token endpoint", "session login", "session API", "test read".
std::string_view describe(HostSource source);
// True for the endpoints that receive credentials rather than the API's own requests.
bool isCredentialEndpoint(HostSource source);

struct ManifestHost {
  HostSource source = HostSource::UrlBase;
  std::string field;  // JSON pointer of the field in the resolved manifest
  std::string url;    // as written (a template stays a template)
  bool templated = false;
  // Lower-case host; empty when the URL could not be rendered (`problem` says why).
  std::string host;
  std::string problem;
  // For a templated host written only of literal text and {{ config[...] }} (or config.x), the
  // host as an allowedHosts entry would write it: "{{ config['sub'] }}.x.com" → "${sub}.x.com".
  // Empty otherwise.
  std::string placeholderHost;
};

// Every host field of the resolved manifest (after $ref and $parameters), in document order,
// one entry per distinct (source, url); `config` renders templates (it may be empty).
std::vector<ManifestHost> manifestHosts(const nlohmann::ordered_json& resolvedManifest, const nlohmann::json& config);

// "${sub}.x.com" with the "config." prefix dropped and lower-cased, so placeholder hosts of the
// manifest and entries of allowedHosts compare as text.
std::string normalizedPlaceholders(std::string_view pattern);

}  // namespace manifold::hosts
