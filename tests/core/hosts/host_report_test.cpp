// Contacted hosts against metadata.yaml's allowedHosts: literal, templated and placeholder
// entries, auth endpoints and the hosts test reads saw, matched by the engine's own allowlist.
#include "core/hosts/host_report.h"

#include "core/manifest/manifest_loader.h"

#include <gtest/gtest.h>

namespace manifold::hosts {
namespace {

using Status = ContactedHost::Status;

std::string manifestWith(const std::string& urlBase, const std::string& tokenEndpoint = "") {
  std::string auth;
  if (!tokenEndpoint.empty()) {
    auth = "        authenticator:\n"
           "          type: OAuthAuthenticator\n"
           "          token_refresh_endpoint: \"" + tokenEndpoint + "\"\n"
           "          client_id: id\n"
           "          client_secret: secret\n"
           "          refresh_token: token\n";
  }
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
         "        path: /a\n" + auth +
         "      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}\n";
}

HostReportInput inputFor(const std::string& yaml, std::optional<std::vector<std::string>> declared,
                         nlohmann::json config = nlohmann::json::object(), std::vector<std::string> seen = {}) {
  HostReportInput input;
  input.resolvedManifest = manifest::loadManifest(yaml).resolved;
  input.declared = std::move(declared);
  input.config = std::move(config);
  input.seenHosts = std::move(seen);
  return input;
}

const ContactedHost* find(const HostReport& report, const std::string& host) {
  for (const auto& h : report.contacted) {
    if (h.host == host) return &h;
  }
  return nullptr;
}

TEST(HostReport, ALiteralUrlBaseDeclaredExactlyOrByWildcardIsDeclared) {
  for (const std::string pattern : {"api.example.com", "*.example.com", "API.Example.com"}) {
    const auto report = analyzeHosts(inputFor(manifestWith("https://api.example.com/v1"), std::vector{pattern}));
    ASSERT_EQ(report.contacted.size(), 1u) << pattern;
    EXPECT_EQ(report.contacted[0].status, Status::Declared) << pattern;
    EXPECT_EQ(report.contacted[0].matchedBy, pattern);
    EXPECT_EQ(report.contacted[0].field, "/streams/0/retriever/requester/url_base");
    EXPECT_TRUE(report.warnings.empty()) << pattern;
    ASSERT_EQ(report.declared.size(), 1u);
    EXPECT_TRUE(report.declared[0].contacted);
    EXPECT_FALSE(report.declared[0].seen);
  }
}

TEST(HostReport, AnUndeclaredHostIsAWarningAndAnUnusedEntryANote) {
  const auto report =
      analyzeHosts(inputFor(manifestWith("https://api.example.com"), std::vector<std::string>{"other.example.com"}));
  ASSERT_EQ(report.contacted.size(), 1u);
  EXPECT_EQ(report.contacted[0].status, Status::Undeclared);
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_NE(report.warnings[0].find("api.example.com (url_base)"), std::string::npos) << report.warnings[0];
  ASSERT_EQ(report.notes.size(), 1u);
  EXPECT_NE(report.notes[0].find("'other.example.com'"), std::string::npos) << report.notes[0];
  EXPECT_FALSE(report.declared[0].contacted);
}

TEST(HostReport, WithoutAllowedHostsEveryHostIsUnlimitedAndNothingWarns) {
  const auto report = analyzeHosts(inputFor(manifestWith("https://api.example.com"), std::nullopt));
  EXPECT_FALSE(report.declares);
  ASSERT_EQ(report.contacted.size(), 1u);
  EXPECT_EQ(report.contacted[0].status, Status::NoDeclaration);
  EXPECT_TRUE(report.warnings.empty());
  ASSERT_EQ(report.notes.size(), 1u);
  EXPECT_NE(report.notes[0].find("declares no allowedHosts"), std::string::npos);
}

TEST(HostReport, ATemplatedHostRenderedWithTestingValuesMatchesAPlaceholderEntry) {
  const std::string yaml = manifestWith("https://{{ config['subdomain'] }}.zendesk.com/api/v2");
  const std::vector<std::string> declared{"${subdomain}.zendesk.com"};
  const auto rendered = analyzeHosts(inputFor(yaml, declared, {{"subdomain", "acme"}}));
  ASSERT_EQ(rendered.contacted.size(), 1u);
  EXPECT_EQ(rendered.contacted[0].host, "acme.zendesk.com");
  EXPECT_EQ(rendered.contacted[0].status, Status::Declared);
  EXPECT_EQ(rendered.declared[0].resolved, "acme.zendesk.com");

  // Without the testing value both sides stay templates and compare as such.
  const auto unrendered = analyzeHosts(inputFor(yaml, std::vector<std::string>{"${config.subdomain}.zendesk.com"}));
  ASSERT_EQ(unrendered.contacted.size(), 1u);
  EXPECT_FALSE(unrendered.contacted[0].resolved);
  EXPECT_EQ(unrendered.contacted[0].host, "${subdomain}.zendesk.com");
  EXPECT_EQ(unrendered.contacted[0].status, Status::Declared);
  EXPECT_FALSE(unrendered.declared[0].problem.empty());
  EXPECT_TRUE(unrendered.warnings.empty());

  // A template that matches no entry cannot be told yet: a note, not a warning.
  const auto unknown = analyzeHosts(inputFor(yaml, std::vector<std::string>{"api.example.com"}));
  EXPECT_EQ(unknown.contacted[0].status, Status::Unknown);
  EXPECT_TRUE(unknown.warnings.empty());
}

TEST(HostReport, APlaceholderEntryWhoseValueIsAUrlStandsForItsHost) {
  const auto report = analyzeHosts(inputFor(manifestWith("{{ config['base_url'] }}/v1"),
                                            std::vector<std::string>{"${base_url}"},
                                            {{"base_url", "https://eu.example.io"}}));
  ASSERT_EQ(report.contacted.size(), 1u);
  EXPECT_EQ(report.contacted[0].host, "eu.example.io");
  EXPECT_EQ(report.contacted[0].status, Status::Declared);
}

TEST(HostReport, ALiteralHostAgainstAnEntryNeedingConfigIsUnknownUntilTheValueIsSet) {
  const std::vector<std::string> declared{"${tenant}.example.com"};
  const auto without = analyzeHosts(inputFor(manifestWith("https://acme.example.com"), declared));
  EXPECT_EQ(without.contacted[0].status, Status::Unknown);
  EXPECT_TRUE(without.warnings.empty());
  const auto wrong = analyzeHosts(inputFor(manifestWith("https://acme.example.com"), declared, {{"tenant", "other"}}));
  EXPECT_EQ(wrong.contacted[0].status, Status::Undeclared);
  const auto right = analyzeHosts(inputFor(manifestWith("https://acme.example.com"), declared, {{"tenant", "acme"}}));
  EXPECT_EQ(right.contacted[0].status, Status::Declared);
  // An unfilled entry no value could turn into the host does not hide the warning.
  const auto elsewhere = analyzeHosts(inputFor(manifestWith("https://api.example.net"), declared));
  EXPECT_EQ(elsewhere.contacted[0].status, Status::Undeclared);
  ASSERT_EQ(elsewhere.warnings.size(), 1u);
  EXPECT_NE(elsewhere.warnings[0].find("api.example.net"), std::string::npos);
  // "${host}" could be any host: that one stays unknown.
  const auto any = analyzeHosts(inputFor(manifestWith("https://api.example.net"), std::vector<std::string>{"${host}"}));
  EXPECT_EQ(any.contacted[0].status, Status::Unknown);
}

TEST(HostReport, AuthEndpointsAreContactedHostsToo) {
  const auto report = analyzeHosts(inputFor(manifestWith("https://api.example.com", "https://auth.example.net/token"),
                                            std::vector<std::string>{"api.example.com"}));
  ASSERT_EQ(report.contacted.size(), 2u);
  const auto* auth = find(report, "auth.example.net");
  ASSERT_NE(auth, nullptr);
  EXPECT_TRUE(auth->hasSource(HostSource::OAuthTokenEndpoint));
  EXPECT_EQ(auth->status, Status::Undeclared);
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_NE(report.warnings[0].find("auth.example.net (OAuth token endpoint)"), std::string::npos) << report.warnings[0];
}

TEST(HostReport, HostsSeenInTestReadsJoinTheirManifestHostOrStandAlone) {
  const auto report = analyzeHosts(inputFor(manifestWith("https://api.example.com"),
                                            std::vector<std::string>{"api.example.com", "10.0.0.0/8", "cdn.example.com"},
                                            nlohmann::json::object(), {"API.example.com", "files.example.org", "10.1.2.3"}));
  ASSERT_EQ(report.contacted.size(), 3u);
  const auto* api = find(report, "api.example.com");
  ASSERT_NE(api, nullptr);
  EXPECT_TRUE(api->hasSource(HostSource::UrlBase));
  EXPECT_TRUE(api->hasSource(HostSource::TestRead));
  const auto* files = find(report, "files.example.org");
  ASSERT_NE(files, nullptr);
  EXPECT_EQ(files->sources, std::vector<HostSource>{HostSource::TestRead});
  EXPECT_EQ(files->field, "");
  EXPECT_EQ(files->status, Status::Undeclared);
  EXPECT_EQ(find(report, "10.1.2.3")->status, Status::Declared);
  ASSERT_EQ(report.declared.size(), 3u);
  EXPECT_TRUE(report.declared[0].seen);
  EXPECT_TRUE(report.declared[1].seen);
  EXPECT_FALSE(report.declared[2].contacted);  // cdn.example.com: informational
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_NE(report.warnings[0].find("files.example.org (test read)"), std::string::npos);
}

}  // namespace
}  // namespace manifold::hosts
