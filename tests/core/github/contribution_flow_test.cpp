// The whole contribution against a fake GitHub: forks, branches, one commit, the pull request, failures.
#include "core/github/contribution_flow.h"

#include <gtest/gtest.h>

#include "core/interpolation/encoding.h"
#include "tests/core/github/connector_folder.h"
#include "tests/core/github/fake_github.h"

namespace manifold::github {
namespace {

using testing::ConnectorFolder;
using testing::FakeGitHub;
using namespace std::chrono_literals;

struct Harness {
  FakeGitHub fake;
  std::chrono::steady_clock::time_point clock{};
  std::vector<std::chrono::milliseconds> sleeps;
  std::vector<ContributionProgress> progress;

  ForkWaitPolicy policy() {
    ForkWaitPolicy p;
    p.firstDelay = 1000ms;
    p.maxDelay = 4000ms;
    p.totalTime = 60'000ms;
    p.now = [this] { return clock; };
    p.sleep = [this](std::chrono::milliseconds d, std::stop_token) {
      sleeps.push_back(d);
      clock += d;
    };
    return p;
  }

  std::variant<ContributionResult, ContributionFailure> run(const ContributionRequest& request,
                                                            std::string token = FakeGitHub::kToken,
                                                            std::stop_token stop = {}) {
    GitHubClient client({.apiUrl = fake.baseUrl(), .token = std::move(token)});
    ContributionFlow flow(client, policy());
    return flow.run(request, [this](const ContributionProgress& p) { progress.push_back(p); }, stop);
  }
};

ContributionResult success(const std::variant<ContributionResult, ContributionFailure>& outcome) {
  if (const auto* failure = std::get_if<ContributionFailure>(&outcome)) ADD_FAILURE() << failure->describe();
  return std::get<ContributionResult>(outcome);
}

ContributionFailure failure(const std::variant<ContributionResult, ContributionFailure>& outcome) {
  EXPECT_TRUE(std::holds_alternative<ContributionFailure>(outcome));
  return std::get<ContributionFailure>(outcome);
}

TEST(ContributionFlow, ForksWaitsForTheForkCommitsOnceAndOpensThePullRequest) {
  Harness h;
  h.fake.start();
  ConnectorFolder folder;
  const auto outcome = h.run({.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"});
  ASSERT_TRUE(std::holds_alternative<ContributionResult>(outcome)) << std::get<ContributionFailure>(outcome).describe();
  const auto result = success(outcome);
  const std::string base = "1111111111111111111111111111111111111111";
  EXPECT_EQ(h.fake.calls(), (std::vector<std::string>{
                                "GET /user",
                                "GET /repos/airbytehq/airbyte",
                                "GET /repos/alice/airbyte",
                                "POST /repos/airbytehq/airbyte/forks",
                                "GET /repos/alice/airbyte/git/ref/heads/master",
                                "GET /repos/alice/airbyte/git/ref/heads/master",
                                "GET /repos/alice/airbyte/git/ref/heads/master",
                                "GET /repos/alice/airbyte/git/ref/heads/master",
                                "GET /repos/airbytehq/airbyte/git/ref/heads/master",
                                "POST /repos/alice/airbyte/merge-upstream",
                                "GET /repos/airbytehq/airbyte/pulls?state=open&head=alice:manifold/source-example",
                                "POST /repos/alice/airbyte/git/refs",
                                "GET /repos/alice/airbyte/git/commits/" + base,
                                "POST /repos/alice/airbyte/git/blobs",
                                "POST /repos/alice/airbyte/git/blobs",
                                "POST /repos/alice/airbyte/git/blobs",
                                "POST /repos/alice/airbyte/git/blobs",
                                "POST /repos/alice/airbyte/git/blobs",
                                "POST /repos/alice/airbyte/git/blobs",
                                "POST /repos/alice/airbyte/git/trees",
                                "POST /repos/alice/airbyte/git/commits",
                                "PATCH /repos/alice/airbyte/git/refs/heads/manifold/source-example",
                                "POST /repos/airbytehq/airbyte/pulls",
                            }));
  // Backoff while the fork is copied: 409, 404, 409, then ready.
  EXPECT_EQ(h.sleeps, (std::vector<std::chrono::milliseconds>{1000ms, 2000ms, 4000ms}));

  EXPECT_TRUE(result.artifacts.forkCreated);
  EXPECT_EQ(result.artifacts.fork, "alice/airbyte");
  EXPECT_EQ(result.artifacts.branch, "manifold/source-example");
  EXPECT_EQ(result.artifacts.pullRequestUrl, "https://github.com/airbytehq/airbyte/pull/100");
  EXPECT_FALSE(result.artifacts.pullRequestExisted);

  // The branch holds exactly the upstream tree plus the connector's files, in one commit.
  const std::string head = h.fake.refs["alice/airbyte"]["manifold/source-example"];
  EXPECT_EQ(head, result.artifacts.commitSha);
  EXPECT_EQ(h.fake.commits[head].parents, std::vector<std::string>{base});
  const auto files = h.fake.filesAt(head);
  EXPECT_EQ(files, (std::map<std::string, std::string>{
                       {"README.md", "# Airbyte\n"},
                       {"airbyte-integrations/connectors/source-example/manifest.yaml", testing::kTestManifest},
                       // The fork's metadata.yaml declared no allowedHosts: it gets the url_base host.
                       {"airbyte-integrations/connectors/source-example/metadata.yaml",
                        "data:\n  name: example\n  connectorType: source\n"
                        "  allowedHosts:\n    hosts:\n      - \"api.example.com\"\n"},
                       {"airbyte-integrations/connectors/source-example/icon.svg",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"},
                       {"docs/integrations/sources/example.md", "# Example\n\nReads users and orders.\n"},
                       {"airbyte-integrations/connectors/source-example/acceptance-test-config.yml",
                        folder.read("acceptance-test-config.yml")},
                       {"airbyte-integrations/connectors/source-example/README.md",
                        result.plan.files.back().content},
                   }));
  // The acceptance-test config the folder lacked was generated and kept there for next time.
  EXPECT_NE(folder.read("acceptance-test-config.yml").find("connector_image: airbyte/source-example:dev"),
            std::string::npos);

  ASSERT_EQ(h.fake.pulls.size(), 1u);
  EXPECT_EQ(h.fake.pulls[0].head, "alice:manifold/source-example");
  EXPECT_EQ(h.fake.pulls[0].base, "master");
  EXPECT_EQ(h.fake.pulls[0].title, "New source: source-example (low-code manifest)");
  EXPECT_NE(h.fake.pulls[0].body.find("| `orders` | 3 | passed |"), std::string::npos);

  // Every request carried GitHub's headers; no body carried the secret, the token or .manifold.
  for (const auto& r : h.fake.requests()) {
    EXPECT_EQ(r.header("Accept"), "application/vnd.github+json");
    EXPECT_EQ(r.header("X-GitHub-Api-Version"), "2022-11-28");
    EXPECT_FALSE(r.header("User-Agent").empty());
    EXPECT_EQ(r.header("Authorization"), std::string("Bearer ") + FakeGitHub::kToken);
    EXPECT_EQ(r.body.find("sk_live_VERYSECRET42"), std::string::npos);
    EXPECT_EQ(r.body.find(interpolation::base64Encode("sk_live_VERYSECRET42")), std::string::npos);
    EXPECT_EQ(r.body.find(".manifold"), std::string::npos);
  }
  for (const auto& [sha, content] : h.fake.blobs) EXPECT_EQ(content.find("VERYSECRET"), std::string::npos);

  // Progress: each step starts and ends, in order.
  std::vector<std::string> done;
  for (const auto& p : h.progress) {
    if (p.state == ContributionProgress::State::Done) done.emplace_back(contributionStepName(p.step));
  }
  EXPECT_EQ(done, (std::vector<std::string>{"prepare", "account", "repository", "fork", "sync", "branch", "commit", "pull request"}));
}

TEST(ContributionFlow, ReusesAnExistingForkAndPicksAFreeBranchNameWhenTaken) {
  Harness h;
  h.fake.forkExists = true;
  h.fake.forkNotReadyPolls = 0;
  h.fake.refs["alice/airbyte"] = h.fake.refs["airbytehq/airbyte"];
  h.fake.refs["alice/airbyte"]["manifold/source-example"] = "1111111111111111111111111111111111111111";
  h.fake.refs["alice/airbyte"]["manifold/source-example-2"] = "1111111111111111111111111111111111111111";
  h.fake.start();
  ConnectorFolder folder;
  const auto result = success(h.run({.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"}));
  EXPECT_FALSE(result.artifacts.forkCreated);
  EXPECT_EQ(result.artifacts.branch, "manifold/source-example-3");
  EXPECT_TRUE(h.sleeps.empty());
  int refPosts = 0;
  for (const auto& c : h.fake.calls()) refPosts += c == "POST /repos/alice/airbyte/git/refs" ? 1 : 0;
  EXPECT_EQ(refPosts, 3);
  ASSERT_EQ(h.fake.pulls.size(), 1u);
  EXPECT_EQ(h.fake.pulls[0].head, "alice:manifold/source-example-3");
  // The taken branches were left as they were.
  EXPECT_EQ(h.fake.refs["alice/airbyte"]["manifold/source-example"], "1111111111111111111111111111111111111111");
}

TEST(ContributionFlow, PushesANewCommitToTheBranchOfAnOpenPullRequestAndReportsIt) {
  Harness h;
  h.fake.start();
  ConnectorFolder folder;
  ASSERT_TRUE(std::holds_alternative<ContributionResult>(
      h.run({.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"})));
  const std::string first = h.fake.refs["alice/airbyte"]["manifold/source-example"];
  h.fake.clearRequests();

  folder.write("README.md", "# Example\n\nNow with more docs.\n");
  const auto result = success(h.run({.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"}));
  EXPECT_TRUE(result.artifacts.pullRequestExisted);
  EXPECT_EQ(result.artifacts.pullRequestUrl, "https://github.com/airbytehq/airbyte/pull/100");
  EXPECT_EQ(result.artifacts.branch, "manifold/source-example");
  EXPECT_FALSE(result.artifacts.branchCreated);
  EXPECT_EQ(h.fake.pulls.size(), 1u);  // no second PR
  const std::string second = h.fake.refs["alice/airbyte"]["manifold/source-example"];
  EXPECT_NE(second, first);
  EXPECT_EQ(h.fake.commits[second].parents, std::vector<std::string>{first});  // fast-forward
  EXPECT_EQ(h.fake.filesAt(second)["docs/integrations/sources/example.md"], "# Example\n\nNow with more docs.\n");
  for (const auto& c : h.fake.calls()) {
    EXPECT_NE(c, "POST /repos/airbytehq/airbyte/pulls");
    EXPECT_NE(c, "POST /repos/alice/airbyte/git/refs");
  }
}

TEST(ContributionFlow, ComparesStreamsWithTheOriginFetchedAtItsCommit) {
  Harness h;
  std::string origin = testing::kTestManifest;
  origin.replace(origin.find("path: /orders"), 13, "path: /v1/orders");
  h.fake.contents["airbytehq/airbyte/airbyte-integrations/connectors/source-example/manifest.yaml@abc123"] = origin;
  h.fake.start();
  ConnectorFolder folder;
  folder.write("metadata.yaml",
               "data:\n  name: example\norigin:\n  repository: airbytehq/airbyte\n  path: "
               "airbyte-integrations/connectors/source-example\n  commit: abc123\n");
  const auto result = success(h.run({.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"}));
  EXPECT_EQ(result.plan.streamsChanged, std::vector<std::string>{"orders"});
  EXPECT_TRUE(result.plan.streamsAdded.empty());
  ASSERT_EQ(h.fake.pulls.size(), 1u);
  EXPECT_NE(h.fake.pulls[0].body.find("Changed:\n- `orders`"), std::string::npos) << h.fake.pulls[0].body;
}

TEST(ContributionFlow, RefusesASecretBeforeAnyRequest) {
  Harness h;
  h.fake.start();
  ConnectorFolder folder;
  folder.write("manifest.yaml", std::string(testing::kTestManifest) + "# key: sk_live_VERYSECRET42\n");
  const auto f = failure(h.run({.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"}));
  EXPECT_EQ(f.error.kind, GitHubErrorKind::Refused);
  EXPECT_NE(f.describe().find("manifest.yaml"), std::string::npos);
  EXPECT_NE(f.describe().find("nothing was created"), std::string::npos);
  EXPECT_TRUE(h.fake.calls().empty());
}

TEST(ContributionFlow, ABadTokenAsksToSignInAgainWithoutShowingIt) {
  Harness h;
  h.fake.start();
  ConnectorFolder folder;
  const auto f = failure(h.run({.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"}, "ghp_wrong_token_abc"));
  EXPECT_EQ(f.error.kind, GitHubErrorKind::Unauthorized);
  EXPECT_EQ(f.error.status, 401);
  EXPECT_NE(f.error.message.find("sign in again"), std::string::npos) << f.error.message;
  EXPECT_NE(f.error.message.find("Bad credentials"), std::string::npos);
  EXPECT_EQ(f.describe().find("ghp_wrong_token_abc"), std::string::npos);
}

TEST(ContributionFlow, RateLimitSaysWhenItResets) {
  Harness h;
  h.fake.overrides.push_back({"GET", "/repos/airbytehq/airbyte", 403,
                              {{"message", "API rate limit exceeded for user ID 42."}},
                              {{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset", "1795615200"}}});
  h.fake.start();
  ConnectorFolder folder;
  const auto f = failure(h.run({.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"}));
  EXPECT_EQ(f.error.kind, GitHubErrorKind::RateLimited);
  EXPECT_NE(f.error.message.find("resets at 2026-11-25 14:00:00 UTC"), std::string::npos) << f.error.message;
}

TEST(ContributionFlow, MissingScopeNamesTheScopeNeeded) {
  Harness h;
  h.fake.overrides.push_back({"POST", "/repos/airbytehq/airbyte/forks", 403,
                              {{"message", "Resource not accessible by personal access token"}},
                              {{"X-Accepted-OAuth-Scopes", "public_repo"}, {"X-OAuth-Scopes", "read:user"}}});
  h.fake.start();
  ConnectorFolder folder;
  const auto f = failure(h.run({.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"}));
  EXPECT_EQ(f.error.kind, GitHubErrorKind::Forbidden);
  EXPECT_NE(f.error.message.find("needs the scope public_repo and the token has read:user"), std::string::npos)
      << f.error.message;
}

TEST(ContributionFlow, UnknownRepositoryIsNotFoundOrNotVisible) {
  Harness h;
  h.fake.start();
  ConnectorFolder folder;
  const auto f = failure(h.run({.connectorDir = folder.dir(), .upstream = "nobody/nothing"}));
  EXPECT_EQ(f.error.kind, GitHubErrorKind::NotFound);
  EXPECT_NE(f.error.message.find("repository nobody/nothing"), std::string::npos) << f.error.message;
  EXPECT_NE(f.error.message.find("not visible to this token"), std::string::npos);
}

TEST(ContributionFlow, AFailedPullRequestSaysWhatWasCreated) {
  Harness h;
  h.fake.overrides.push_back({"POST", "/repos/airbytehq/airbyte/pulls", 422,
                              {{"message", "Validation Failed"},
                               {"errors", {{{"resource", "PullRequest"}, {"field", "base"}, {"code", "invalid"}}}}},
                              {}});
  h.fake.start();
  ConnectorFolder folder;
  const auto f = failure(h.run({.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"}));
  EXPECT_EQ(f.error.kind, GitHubErrorKind::Validation);
  EXPECT_NE(f.error.message.find("Validation Failed: base invalid"), std::string::npos) << f.error.message;
  const std::string text = f.describe();
  EXPECT_NE(text.find("fork alice/airbyte"), std::string::npos) << text;
  EXPECT_NE(text.find("branch manifold/source-example in alice/airbyte"), std::string::npos) << text;
  EXPECT_NE(text.find("commit " + f.artifacts.commitSha.substr(0, 12)), std::string::npos) << text;
  EXPECT_FALSE(f.artifacts.commitSha.empty());
}

TEST(ContributionFlow, AForkThatNeverBecomesReadyTimesOutInBoundedTime) {
  Harness h;
  h.fake.forkNotReadyPolls = 1'000'000;
  h.fake.start();
  ConnectorFolder folder;
  const auto f = failure(h.run({.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"}));
  EXPECT_EQ(f.error.kind, GitHubErrorKind::Timeout);
  EXPECT_NE(f.describe().find("fork alice/airbyte"), std::string::npos) << f.describe();
  std::chrono::milliseconds waited{0};
  for (auto d : h.sleeps) waited += d;
  EXPECT_LE(waited, 60'000ms);
  EXPECT_GE(waited, 50'000ms);
  for (auto d : h.sleeps) EXPECT_LE(d, 4000ms);
}

TEST(ContributionFlow, NetworkFailureIsReportedAsSuch) {
  ConnectorFolder folder;
  GitHubClient client({.apiUrl = "http://127.0.0.1:1", .token = "ghp_x"});
  ContributionFlow flow(client);
  const auto outcome = flow.run({.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"});
  const auto f = failure(outcome);
  EXPECT_EQ(f.error.kind, GitHubErrorKind::Network);
  EXPECT_NE(f.error.message.find("cannot reach GitHub"), std::string::npos) << f.error.message;
}

TEST(ContributionFlow, StopsWhenCancelled) {
  Harness h;
  h.fake.start();
  ConnectorFolder folder;
  std::stop_source source;
  GitHubClient client({.apiUrl = h.fake.baseUrl(), .token = FakeGitHub::kToken});
  ContributionFlow flow(client, h.policy());
  const auto outcome = flow.run(
      {.connectorDir = folder.dir(), .upstream = "airbytehq/airbyte"},
      [&source](const ContributionProgress& p) {
        if (p.step == ContributionStep::Fork && p.state == ContributionProgress::State::Done) source.request_stop();
      },
      source.get_token());
  const auto f = failure(outcome);
  EXPECT_EQ(f.error.kind, GitHubErrorKind::Cancelled);
  EXPECT_TRUE(h.fake.pulls.empty());
  EXPECT_TRUE(f.artifacts.forkCreated);
}

}  // namespace
}  // namespace manifold::github
