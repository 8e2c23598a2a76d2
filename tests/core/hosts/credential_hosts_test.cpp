// Credential endpoints on another host than url_base, and the consent kept in .manifold/.
#include "core/hosts/credential_hosts.h"

#include "core/manifest/manifest_loader.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>

namespace manifold::hosts {
namespace {

std::vector<ManifestHost> hostsOf(const std::string& urlBase, const std::string& tokenEndpoint) {
  const std::string yaml =
      "version: 6.7.0\n"
      "type: DeclarativeSource\n"
      "streams:\n"
      "  - type: DeclarativeStream\n"
      "    name: a\n"
      "    retriever:\n"
      "      type: SimpleRetriever\n"
      "      requester:\n"
      "        type: HttpRequester\n"
      "        url_base: \"" + urlBase + "\"\n"
      "        authenticator: {type: OAuthAuthenticator, token_refresh_endpoint: \"" + tokenEndpoint +
      "\", client_id: i, client_secret: s, refresh_token: r}\n"
      "      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}\n";
  return manifestHosts(manifest::loadManifest(yaml).resolved, {{"domain", "acme"}});
}

TEST(CredentialHosts, ATokenEndpointOnAnotherHostIsNamedWithTheApiHost) {
  const auto found = credentialHostsElsewhere(hostsOf("https://api.example.com", "https://auth.example.com/token"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].host, "auth.example.com");
  EXPECT_EQ(found[0].source, HostSource::OAuthTokenEndpoint);
  EXPECT_EQ(found[0].apiHosts, std::vector<std::string>{"api.example.com"});
  EXPECT_NE(found[0].field.find("token_refresh_endpoint"), std::string::npos);
}

TEST(CredentialHosts, ATokenEndpointOnTheApiHostOrUnrenderedIsNotNamed) {
  EXPECT_TRUE(credentialHostsElsewhere(hostsOf("https://api.example.com/v1", "https://API.example.com/oauth")).empty());
  EXPECT_TRUE(credentialHostsElsewhere(hostsOf("https://{{ config['domain'] }}.example.com",
                                               "https://{{ config['domain'] }}.example.com/token"))
                  .empty());
  EXPECT_TRUE(credentialHostsElsewhere(hostsOf("https://api.example.com", "{{ config['missing'] }}/token")).empty());
}

TEST(CredentialHosts, AcceptedHostsAreKeptPerConnectorFolder) {
  testing::TempDir dir;
  EXPECT_TRUE(acceptedCredentialHosts(dir.path()).empty());
  const auto found = credentialHostsElsewhere(hostsOf("https://api.example.com", "https://auth.example.com/token"));
  EXPECT_EQ(notYetAccepted(found, acceptedCredentialHosts(dir.path())).size(), 1u);
  EXPECT_EQ(acceptCredentialHosts(dir.path(), {"auth.example.com"}), "");
  EXPECT_EQ(acceptCredentialHosts(dir.path(), {"auth.example.com", "login.example.com"}), "");
  EXPECT_EQ(acceptedCredentialHosts(dir.path()), (std::vector<std::string>{"auth.example.com", "login.example.com"}));
  EXPECT_TRUE(notYetAccepted(found, acceptedCredentialHosts(dir.path())).empty());
  EXPECT_TRUE(std::filesystem::exists(dir / ".manifold/accepted_credential_hosts.json"));
  testing::TempDir other;
  EXPECT_TRUE(acceptedCredentialHosts(other.path()).empty());
}

}  // namespace
}  // namespace manifold::hosts
