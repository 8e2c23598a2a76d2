// The allowedHosts entries Contribute writes: manifest hosts (templated ones as placeholders),
// then hosts only test reads saw; and which of them a metadata.yaml already declares.
#include "core/hosts/allowed_hosts_entries.h"

#include "core/manifest/manifest_loader.h"

#include <gtest/gtest.h>

namespace manifold::hosts {
namespace {

using Strings = std::vector<std::string>;

nlohmann::ordered_json load(const std::string& yaml) {
  const auto loaded = manifest::loadManifest(yaml);
  EXPECT_TRUE(loaded.resolved.is_object());
  return loaded.resolved;
}

std::string manifestWith(const std::string& urlBase, const std::string& tokenEndpoint) {
  return "version: 6.7.0\n"
         "type: DeclarativeSource\n"
         "streams:\n"
         "  - type: DeclarativeStream\n"
         "    name: a\n"
         "    retriever:\n"
         "      type: SimpleRetriever\n"
         "      requester:\n"
         "        type: HttpRequester\n"
         "        url_base: \"" + urlBase + "\"\n"
         "        path: /a\n"
         "        authenticator:\n"
         "          type: OAuthAuthenticator\n"
         "          token_refresh_endpoint: \"" + tokenEndpoint + "\"\n"
         "          client_id: id\n"
         "          client_secret: secret\n"
         "          refresh_token: token\n"
         "      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}\n";
}

TEST(AllowedHostsEntries, ManifestHostsComeFirstThenWhatOnlyTestReadsSaw) {
  const auto manifest = load(manifestWith("https://API.example.com/v1", "https://auth.example.com/token"));
  const auto out = allowedHostsEntries(manifest, nlohmann::json::object(),
                                       {"files.example.org", "api.example.com", "cdn.example.org", "FILES.example.org"});
  EXPECT_EQ(out.entries, (Strings{"api.example.com", "auth.example.com", "cdn.example.org", "files.example.org"}));
  EXPECT_TRUE(out.unlisted.empty());
}

TEST(AllowedHostsEntries, ATemplatedHostStaysAPlaceholderAndTheUsersOwnHostIsNotAdded) {
  const auto manifest =
      load(manifestWith("https://{{ config['subdomain'] }}.example.com/api", "https://{{ config.region }}.auth.example.com/t"));
  const nlohmann::json config{{"subdomain", "acme"}, {"region", "eu"}};
  // The test read went to acme.example.com and eu.auth.example.com: the testing values' hosts.
  const auto out =
      allowedHostsEntries(manifest, config, {"acme.example.com", "eu.auth.example.com", "cdn.example.net"});
  EXPECT_EQ(out.entries, (Strings{"${subdomain}.example.com", "${region}.auth.example.com", "cdn.example.net"}));
  // Without testing values the placeholders are the same, and a seen host is kept as seen.
  const auto bare = allowedHostsEntries(manifest, nlohmann::json::object(), {"acme.example.com"});
  EXPECT_EQ(bare.entries, (Strings{"${subdomain}.example.com", "${region}.auth.example.com", "acme.example.com"}));
}

TEST(AllowedHostsEntries, AHostTemplatedOtherwiseIsReportedAndItsRenderingNotListed) {
  const auto manifest = load(manifestWith("https://{{ 'eu' if config['eu'] else 'us' }}.example.com",
                                          "https://auth.example.com/token"));
  const auto out = allowedHostsEntries(manifest, nlohmann::json{{"eu", true}}, {"eu.example.com"});
  EXPECT_EQ(out.entries, Strings{"auth.example.com"});
  EXPECT_EQ(out.unlisted, Strings{"https://{{ 'eu' if config['eu'] else 'us' }}.example.com"});
}

TEST(UndeclaredEntries, ListsWhatNoPatternAllowsOnceWithTheEnginesMatching) {
  const Strings declared{"api.example.com", "*.cdn.example.com", "${tenant}.example.io", "10.0.0.0/8"};
  EXPECT_EQ(undeclaredEntries(declared,
                              {"API.example.com", "a.cdn.example.com", "acme.example.io", "10.2.3.4",
                               "other.example.com", "other.example.com", "127.0.0.1"},
                              {{"tenant", "acme"}}),
            (Strings{"other.example.com", "127.0.0.1"}));
  // Without the config value the placeholder pattern allows no literal host...
  EXPECT_EQ(undeclaredEntries(declared, {"acme.example.io"}, nlohmann::json::object()), Strings{"acme.example.io"});
  // ...but declares the same placeholder, written with or without "config.".
  EXPECT_EQ(undeclaredEntries(declared, {"${tenant}.example.io", "${config.tenant}.example.io"}, nlohmann::json::object()),
            Strings{});
  EXPECT_EQ(undeclaredEntries({}, {"a.example.com"}, nlohmann::json::object()), Strings{"a.example.com"});
}

TEST(UndeclaredEntries, APlaceholderEntryIsDeclaredByTheHostItFillsTo) {
  // The manifest's ${subdomain} is acme with these testing values, and metadata names acme's host.
  EXPECT_EQ(undeclaredEntries({"acme.example.com"}, {"${subdomain}.example.com"}, {{"subdomain", "acme"}}), Strings{});
  EXPECT_EQ(undeclaredEntries({"acme.example.com"}, {"${subdomain}.example.com"}, {{"subdomain", "beta"}}),
            Strings{"${subdomain}.example.com"});
  // A wildcard stands for the placeholder whatever its value; another domain's does not.
  EXPECT_EQ(undeclaredEntries({"*.example.com"}, {"${subdomain}.example.com"}, nlohmann::json::object()), Strings{});
  EXPECT_EQ(undeclaredEntries({"*.example.org"}, {"${subdomain}.example.com"}, nlohmann::json::object()),
            Strings{"${subdomain}.example.com"});
}

}  // namespace
}  // namespace manifold::hosts
