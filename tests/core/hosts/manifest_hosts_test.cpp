// The host fields of a manifest: url_base (literal and templated), the auth endpoints, and the
// placeholder form of a templated host.
#include "core/hosts/manifest_hosts.h"

#include "core/manifest/manifest_loader.h"

#include <gtest/gtest.h>

namespace manifold::hosts {
namespace {

nlohmann::ordered_json load(const std::string& yaml) {
  const auto loaded = manifest::loadManifest(yaml);
  EXPECT_TRUE(loaded.resolved.is_object());
  return loaded.resolved;
}

constexpr const char* kAuthManifest = R"(version: 6.7.0
type: DeclarativeSource
check: {type: CheckStream, stream_names: [a]}
definitions:
  requester:
    type: HttpRequester
    url_base: https://API.example.com/v1
    authenticator:
      type: OAuthAuthenticator
      token_refresh_endpoint: https://auth.example.com/oauth/token
      client_id: "{{ config['client_id'] }}"
      client_secret: "{{ config['client_secret'] }}"
      refresh_token: "{{ config['refresh_token'] }}"
streams:
  - type: DeclarativeStream
    name: a
    retriever:
      type: SimpleRetriever
      requester: {$ref: "#/definitions/requester", path: /a}
      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
  - type: DeclarativeStream
    name: b
    retriever:
      type: SimpleRetriever
      requester:
        type: HttpRequester
        url_base: "https://{{ config['subdomain'] }}.example.org/api"
        path: /b
        authenticator:
          type: SessionTokenAuthenticator
          login_requester:
            type: HttpRequester
            url_base: https://login.example.net
            path: /session
          session_token_path: [token]
          request_authentication: {type: Bearer}
      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
)";

TEST(ManifestHosts, FindsEachUrlBaseAndAuthEndpointOnceWithItsSource) {
  const auto hosts = manifestHosts(load(kAuthManifest), nlohmann::json::object());
  ASSERT_EQ(hosts.size(), 4u);
  EXPECT_EQ(hosts[0].source, HostSource::UrlBase);
  EXPECT_EQ(hosts[0].host, "api.example.com");  // lower-cased
  EXPECT_FALSE(hosts[0].templated);
  EXPECT_EQ(hosts[0].field, "/definitions/requester/url_base");
  EXPECT_EQ(hosts[1].source, HostSource::OAuthTokenEndpoint);
  EXPECT_EQ(hosts[1].host, "auth.example.com");
  EXPECT_TRUE(isCredentialEndpoint(hosts[1].source));
  EXPECT_EQ(hosts[2].source, HostSource::UrlBase);
  EXPECT_TRUE(hosts[2].templated);
  EXPECT_EQ(hosts[2].host, "");  // no testing value for subdomain
  EXPECT_FALSE(hosts[2].problem.empty());
  EXPECT_EQ(hosts[2].placeholderHost, "${subdomain}.example.org");
  EXPECT_EQ(hosts[3].source, HostSource::SessionLogin);
  EXPECT_EQ(hosts[3].host, "login.example.net");
  EXPECT_EQ(describe(hosts[3].source), "session login");
}

TEST(ManifestHosts, RendersTemplatedHostsWithTheTestingValues) {
  const auto hosts = manifestHosts(load(kAuthManifest), {{"subdomain", "Acme"}});
  ASSERT_EQ(hosts.size(), 4u);
  EXPECT_EQ(hosts[2].host, "acme.example.org");
  EXPECT_EQ(hosts[2].problem, "");
}

TEST(ManifestHosts, AWholeUrlFromConfigAndParametersAndLegacySessionApi) {
  const auto hosts = manifestHosts(load(R"(version: 6.7.0
type: DeclarativeSource
streams:
  - type: DeclarativeStream
    name: a
    $parameters: {region: eu}
    retriever:
      type: SimpleRetriever
      requester:
        type: HttpRequester
        url_base: "{{ config.base_url }}/v2"
        path: /a
        authenticator:
          type: LegacySessionTokenAuthenticator
          api_url: "https://{{ parameters.region }}.sessions.example.com"
          header: X-Session
          session_token: ""
          username: u
          password: p
          login_url: /login
          session_token_response_key: id
          validate_session_url: /me
      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
  - type: DeclarativeStream
    name: b
    retriever:
      type: SimpleRetriever
      requester: {type: HttpRequester, url_base: "https://{{ config['a'] ~ 'x' }}.example.com", path: /b}
      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
)"),
                                   {{"base_url", "https://Tenant.example.io"}});
  ASSERT_EQ(hosts.size(), 3u);
  EXPECT_EQ(hosts[0].host, "tenant.example.io");
  EXPECT_EQ(hosts[0].placeholderHost, "${base_url}");
  EXPECT_EQ(hosts[1].source, HostSource::LegacySessionApi);
  EXPECT_EQ(hosts[1].host, "eu.sessions.example.com");
  // An expression other than a config look-up has no placeholder form.
  EXPECT_EQ(hosts[2].placeholderHost, "");
  EXPECT_EQ(hosts[2].host, "x.example.com");
}

TEST(ManifestHosts, PlaceholdersCompareWithoutTheConfigPrefixAndCase) {
  EXPECT_EQ(normalizedPlaceholders("${config.sub}.Example.COM"), "${sub}.example.com");
  EXPECT_EQ(normalizedPlaceholders("${sub}.example.com"), "${sub}.example.com");
  EXPECT_EQ(normalizedPlaceholders("*.example.com"), "*.example.com");
}

TEST(ManifestHosts, NoManifestNoHosts) {
  EXPECT_TRUE(manifestHosts(nlohmann::ordered_json(), nlohmann::json::object()).empty());
}

}  // namespace
}  // namespace manifold::hosts
