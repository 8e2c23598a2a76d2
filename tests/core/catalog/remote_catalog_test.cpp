// A GitHub repository as a catalog, against the fake GitHub on 127.0.0.1: listing through the
// trees API (truncated trees walked), files on demand, the disk cache, offline use, rate limits, 404.
#include "core/catalog/remote_catalog.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/core/github/fake_github.h"
#include "tests/support/temp_dir.h"

namespace manifold::catalog {
namespace {

using testing::FakeGitHub;
using testing::TempDir;

const char* kManifest = R"(version: 6.7.0
type: DeclarativeSource
check:
  type: CheckStream
  stream_names: [pets]
definitions:
  requester:
    type: HttpRequester
    url_base: https://api.example.com
    authenticator:
      type: BearerAuthenticator
      api_token: "{{ config['token'] }}"
streams:
  - type: DeclarativeStream
    name: pets
    retriever:
      type: SimpleRetriever
      requester:
        $ref: "#/definitions/requester"
        path: /pets
      record_selector:
        type: RecordSelector
        extractor:
          type: DpathExtractor
          field_path: []
  - type: DeclarativeStream
    name: owners
    retriever:
      type: SimpleRetriever
      requester:
        $ref: "#/definitions/requester"
        path: /owners
      record_selector:
        type: RecordSelector
        extractor:
          type: DpathExtractor
          field_path: []
)";

const char* kMetadata =
    "data:\n  name: Alpha Pets\n  connectorSubtype: api\n  supportLevel: community\n  dockerImageTag: 1.2.3\n"
    "  dockerRepository: airbyte/source-alpha\n";

const std::string kDir = "airbyte-integrations/connectors/";

// The fake GitHub with a small airbytehq/airbyte: two manifest-only connectors, one Python
// connector without a manifest, and other files the listing must skip.
struct Catalog {
  FakeGitHub fake;
  TempDir cache{"manifold-catalog-cache"};
  std::string head;

  Catalog() {
    fake.requireToken = false;
    head = fake.commitFiles(fake.upstream, "master",
                            {{kDir + "source-alpha/manifest.yaml", kManifest},
                             {kDir + "source-alpha/metadata.yaml", kMetadata},
                             {kDir + "source-alpha/icon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"},
                             {kDir + "source-beta/manifest.yaml", kManifest},
                             {kDir + "source-beta/metadata.yaml", "data:\n  name: Beta\n"},
                             {kDir + "source-python/setup.py", "print()\n"},
                             {kDir + "source-python/source_python/manifest.yaml", "nested, not a connector\n"},
                             {kDir + "destination-x/manifest.yaml", "not a source\n"},
                             {"docs/integrations/sources/alpha.md", "# Alpha\n"}});
  }
  RemoteCatalogOptions options(bool withCache = true) const {
    RemoteCatalogOptions o;
    o.client.apiUrl = fake.baseUrl();
    if (withCache) o.cacheDir = cache.path();
    return o;
  }
  std::vector<std::string> calls() const { return fake.calls(); }
};

std::vector<std::string> names(const CatalogListing& listing) {
  std::vector<std::string> out;
  for (const auto& entry : listing.entries) out.push_back(entry.name);
  return out;
}

TEST(RemoteCatalog, ListsManifestOnlyConnectorsWithOneTreesCall) {
  Catalog c;
  c.fake.start();
  RemoteCatalog catalog(c.options());
  const auto listing = catalog.list();
  ASSERT_TRUE(listing) << listing.error().message;
  EXPECT_EQ(names(listing.value()), (std::vector<std::string>{"source-alpha", "source-beta"}));
  EXPECT_EQ(listing->commit, c.head);
  EXPECT_FALSE(listing->fromCache);
  const auto& alpha = listing->entries[0];
  EXPECT_EQ(alpha.path, kDir + "source-alpha");
  EXPECT_EQ(alpha.source.label(), "airbytehq/airbyte@master");
  EXPECT_EQ(alpha.blobs.size(), 3u);
  EXPECT_FALSE(alpha.detailed);
  EXPECT_EQ(c.calls(), (std::vector<std::string>{"GET /repos/airbytehq/airbyte/git/ref/heads/master",
                                                 "GET /repos/airbytehq/airbyte/git/trees/" + c.head + "?recursive=1"}));
  // Anonymous: no token configured, no Authorization header sent.
  EXPECT_EQ(c.fake.requests()[0].header("Authorization"), "");
}

TEST(RemoteCatalog, ReadsDetailsAndIconOnDemandAndCachesThem) {
  Catalog c;
  c.fake.start();
  RemoteCatalog catalog(c.options());
  const auto listing = catalog.list();
  ASSERT_TRUE(listing);
  const auto alpha = catalog.details(listing->entries[0]);
  ASSERT_TRUE(alpha) << alpha.error().message;
  EXPECT_EQ(alpha->title, "Alpha Pets");
  EXPECT_EQ(alpha->category, "api");
  EXPECT_EQ(alpha->supportLevel, "community");
  EXPECT_EQ(alpha->version, "1.2.3");
  EXPECT_EQ(alpha->authType, "bearer");
  EXPECT_EQ(alpha->streams, (std::vector<std::string>{"pets", "owners"}));
  ASSERT_FALSE(alpha->iconPath.empty());
  EXPECT_TRUE(std::filesystem::is_regular_file(alpha->iconPath));
  EXPECT_EQ(alpha->iconPath.substr(alpha->iconPath.size() - 4), ".svg");

  // A second catalog over the same cache sends one request (the branch head) and has the details.
  c.fake.clearRequests();
  RemoteCatalog again(c.options());
  const auto cached = again.list();
  ASSERT_TRUE(cached);
  EXPECT_EQ(c.calls(), std::vector<std::string>{"GET /repos/airbytehq/airbyte/git/ref/heads/master"});
  EXPECT_TRUE(cached->entries[0].detailed);
  EXPECT_EQ(cached->entries[0].title, "Alpha Pets");
  EXPECT_EQ(cached->entries[0].iconPath, alpha->iconPath);
  const auto files = again.files(cached->entries[0]);
  ASSERT_TRUE(files);
  EXPECT_EQ(files->at("manifest.yaml"), kManifest);
  EXPECT_EQ(c.calls().size(), 1u);  // every file came from the cache
}

TEST(RemoteCatalog, WalksATruncatedTreeFolderByFolder) {
  Catalog c;
  c.fake.maxTreeEntries = 4;  // every recursive answer over 4 entries is cut
  c.fake.start();
  RemoteCatalog catalog(c.options(false));
  const auto listing = catalog.list();
  ASSERT_TRUE(listing) << listing.error().message;
  EXPECT_EQ(names(listing.value()), (std::vector<std::string>{"source-alpha", "source-beta"}));
  EXPECT_EQ(listing->entries[0].blobs.size(), 3u);
  const auto calls = c.calls();
  // The root, airbyte-integrations and connectors are listed flat; source-* folders recursively.
  EXPECT_GT(calls.size(), 6u);
  EXPECT_NE(std::find(calls.begin(), calls.end(), "GET /repos/airbytehq/airbyte/git/trees/" + c.head), calls.end());
  EXPECT_EQ(std::count_if(calls.begin(), calls.end(),
                          [](const std::string& call) { return call.find("destination") != std::string::npos; }),
            0);
}

TEST(RemoteCatalog, WorksOfflineFromTheCache) {
  Catalog c;
  c.fake.start();
  {
    RemoteCatalog catalog(c.options());
    const auto listing = catalog.list();
    ASSERT_TRUE(listing);
    ASSERT_TRUE(catalog.details(listing->entries[0]));
  }
  c.fake.clearRequests();
  RemoteCatalogOptions offline = c.options();
  offline.offline = true;
  RemoteCatalog catalog(offline);
  const auto listing = catalog.list();
  ASSERT_TRUE(listing) << listing.error().message;
  EXPECT_TRUE(listing->fromCache);
  EXPECT_EQ(listing->entries.size(), 2u);
  EXPECT_EQ(listing->entries[0].title, "Alpha Pets");
  ASSERT_EQ(listing->warnings.size(), 1u);
  EXPECT_NE(listing->warnings[0].find("offline"), std::string::npos);
  ASSERT_TRUE(catalog.files(listing->entries[0]));
  // The beta connector's files were never fetched: offline says so.
  const auto beta = catalog.files(listing->entries[1]);
  ASSERT_FALSE(beta);
  EXPECT_EQ(beta.error().kind, CatalogErrorKind::Offline);
  EXPECT_TRUE(c.calls().empty());
}

TEST(RemoteCatalog, FallsBackToTheCacheWhenGitHubCannotBeReached) {
  Catalog c;
  c.fake.start();
  auto options = c.options();
  ASSERT_TRUE(RemoteCatalog(options).list());
  options.client.apiUrl = "http://127.0.0.1:1";  // nothing listens there
  RemoteCatalog catalog(options);
  const auto listing = catalog.list();
  ASSERT_TRUE(listing) << listing.error().message;
  EXPECT_TRUE(listing->fromCache);
  EXPECT_NE(listing->warnings.at(0).find("cannot reach GitHub"), std::string::npos) << listing->warnings[0];

  RemoteCatalogOptions empty = options;
  empty.cacheDir.clear();
  const auto none = RemoteCatalog(empty).list();
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().kind, CatalogErrorKind::Offline);
}

TEST(RemoteCatalog, SaysWhenTheRateLimitIsUsedUpAndWhenItResets) {
  Catalog c;
  c.fake.overrides.push_back({"GET", "/repos/airbytehq/airbyte/git/",
                              403,
                              {{"message", "API rate limit exceeded for 127.0.0.1."}},
                              {{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset", "1795000000"}}});
  c.fake.start();
  const auto listing = RemoteCatalog(c.options()).list();
  ASSERT_FALSE(listing);
  EXPECT_EQ(listing.error().kind, CatalogErrorKind::RateLimited);
  EXPECT_NE(listing.error().message.find("rate limit"), std::string::npos) << listing.error().message;
  EXPECT_NE(listing.error().message.find("resets at 2026-11-18 "), std::string::npos) << listing.error().message;
}

TEST(RemoteCatalog, RateLimitedWithACacheShowsTheCachedListingAndWhy) {
  Catalog c;
  c.fake.start();
  auto options = c.options();
  ASSERT_TRUE(RemoteCatalog(options).list());
  c.fake.overrides.push_back(
      {"GET", "/repos/", 429, {{"message", "rate limited"}}, {{"X-RateLimit-Remaining", "0"}}});
  const auto listing = RemoteCatalog(options).list();
  ASSERT_TRUE(listing) << listing.error().message;
  EXPECT_TRUE(listing->fromCache);
  EXPECT_NE(listing->warnings.at(0).find("rate limit"), std::string::npos) << listing->warnings[0];
}

TEST(RemoteCatalog, SaysClearlyWhenTheRepositoryOrBranchDoesNotExist) {
  Catalog c;
  c.fake.start();
  auto options = c.options();
  options.repository = "nobody/nothing";
  const auto missingRepo = RemoteCatalog(options).list();
  ASSERT_FALSE(missingRepo);
  EXPECT_EQ(missingRepo.error().kind, CatalogErrorKind::NotFound);
  EXPECT_NE(missingRepo.error().message.find("nobody/nothing"), std::string::npos);
  EXPECT_NE(missingRepo.error().message.find("404"), std::string::npos);
  options = c.options();
  options.branch = "no-such-branch";
  const auto missingBranch = RemoteCatalog(options).list();
  ASSERT_FALSE(missingBranch);
  EXPECT_EQ(missingBranch.error().kind, CatalogErrorKind::NotFound);
  EXPECT_NE(missingBranch.error().message.find("no-such-branch"), std::string::npos);
  options.repository = "not-a-repository";
  EXPECT_EQ(RemoteCatalog(options).list().error().kind, CatalogErrorKind::Invalid);
}

TEST(RemoteCatalog, SendsTheTokenWhenGivenAndReadsFilesAtAnyCommit) {
  Catalog c;
  c.fake.requireToken = true;
  c.fake.start();
  auto options = c.options();
  options.client.token = FakeGitHub::kToken;
  RemoteCatalog catalog(options);
  const auto files = catalog.filesAt(kDir + "source-beta", c.head);
  ASSERT_TRUE(files) << files.error().message;
  EXPECT_EQ(files->at("metadata.yaml"), "data:\n  name: Beta\n");
  EXPECT_FALSE(files->contains("icon.svg"));
  EXPECT_EQ(c.fake.requests().front().header("Authorization"), std::string("Bearer ") + FakeGitHub::kToken);
}

}  // namespace
}  // namespace manifold::catalog
