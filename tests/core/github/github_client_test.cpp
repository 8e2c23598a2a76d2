// GitHubClient: the headers GitHub requires and the errors its status codes mean.
#include "core/github/github_client.h"

#include <gtest/gtest.h>

#include "core/github/repository_file.h"
#include "tests/core/github/fake_github.h"

namespace manifold::github {
namespace {

using testing::FakeGitHub;

TEST(GitHubClient, SendsGitHubsHeadersAndTheBearerToken) {
  FakeGitHub fake;
  fake.start();
  GitHubClient client({.apiUrl = fake.baseUrl() + "/", .token = FakeGitHub::kToken, .userAgent = "Manifold-Test"});
  const auto user = client.call("GET", "/user", "read the account");
  ASSERT_TRUE(user) << user.error().message;
  EXPECT_EQ(user->body["login"], "alice");
  const auto requests = fake.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].path, "/user");
  EXPECT_EQ(requests[0].header("Accept"), "application/vnd.github+json");
  EXPECT_EQ(requests[0].header("X-GitHub-Api-Version"), "2022-11-28");
  EXPECT_EQ(requests[0].header("User-Agent"), "Manifold-Test");
  EXPECT_EQ(requests[0].header("Authorization"), std::string("Bearer ") + FakeGitHub::kToken);
}

TEST(GitHubClient, NeverFollowsARedirectToAnotherHostWithTheToken) {
  testing::LocalHttpServer elsewhere;
  elsewhere.server().Get(".*", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"login":"mallory"})", "application/json");
  });
  elsewhere.start();
  FakeGitHub fake;
  // localhost is another host name than 127.0.0.1 as far as the token goes.
  const std::string target = "http://localhost:" + std::to_string(elsewhere.port()) + "/user";
  fake.overrides.push_back({"GET", "/user", 302, nlohmann::json::object(), {{"Location", target}}});
  fake.start();
  GitHubClient client({.apiUrl = fake.baseUrl(), .token = FakeGitHub::kToken});
  const auto user = client.call("GET", "/user", "read the account");
  ASSERT_FALSE(user);
  EXPECT_EQ(user.error().kind, GitHubErrorKind::Refused);
  EXPECT_NE(user.error().message.find("localhost"), std::string::npos) << user.error().message;
  EXPECT_EQ(user.error().message.find(FakeGitHub::kToken), std::string::npos);
  EXPECT_EQ(elsewhere.requestCount(), 0u);
  // The API host itself got the request, with the token.
  ASSERT_EQ(fake.requests().size(), 1u);
  EXPECT_EQ(fake.requests()[0].header("Authorization"), std::string("Bearer ") + FakeGitHub::kToken);
}

TEST(GitHubClient, SendReturnsAnyStatusAndCallTurnsItIntoAnError) {
  FakeGitHub fake;
  fake.start();
  GitHubClient client({.apiUrl = fake.baseUrl(), .token = FakeGitHub::kToken});
  const auto raw = client.send("GET", "/repos/someone/else");
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->status, 404);
  const auto called = client.call("GET", "/repos/someone/else", "read the repository someone/else");
  ASSERT_FALSE(called);
  EXPECT_EQ(called.error().kind, GitHubErrorKind::NotFound);
  EXPECT_EQ(called.error().githubMessage, "Not Found");
}

TEST(GitHubClient, ErrorForRateLimitWithoutResetStillSaysRateLimited) {
  GitHubResponse response;
  response.status = 429;
  response.headers = {{"x-ratelimit-remaining", "0"}};
  const auto error = errorFor(response, "list pulls");
  EXPECT_EQ(error.kind, GitHubErrorKind::RateLimited);
  EXPECT_NE(error.message.find("try again later"), std::string::npos);
  response.status = 403;
  response.headers = {{"X-RateLimit-Remaining", "17"}};
  EXPECT_EQ(errorFor(response, "list pulls").kind, GitHubErrorKind::Forbidden);
}

TEST(FakeGitHub, RejectsARequestWithoutUserAgentAsGitHubDoes) {
  FakeGitHub fake;
  fake.start();
  httplib::Client raw("127.0.0.1", std::stoi(fake.baseUrl().substr(fake.baseUrl().rfind(':') + 1)));
  const auto answer = raw.Get("/user", {{"User-Agent", ""}, {"Authorization", std::string("Bearer ") + FakeGitHub::kToken}});
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 403);
  EXPECT_NE(answer->body.find("User-Agent"), std::string::npos);
  // With one, and the wrong token, it is the token that is refused.
  const auto wrong = raw.Get("/user", {{"User-Agent", "x"}, {"Authorization", "Bearer nope"}});
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
}

TEST(FakeGitHub, CountsDownTheRateLimitAndThenRefusesWithTheResetTime) {
  FakeGitHub fake;
  fake.rateLimitRemaining = 2;
  fake.start();
  GitHubClient client({.apiUrl = fake.baseUrl(), .token = FakeGitHub::kToken});
  const auto first = client.call("GET", "/user", "read the account");
  ASSERT_TRUE(first);
  EXPECT_EQ(*first->header("X-RateLimit-Remaining"), "1");
  EXPECT_EQ(*first->header("X-RateLimit-Limit"), "5000");
  EXPECT_EQ(*first->header("X-RateLimit-Reset"), "1893456000");
  EXPECT_EQ(*first->header("X-OAuth-Scopes"), "public_repo, read:user");
  ASSERT_TRUE(client.call("GET", "/user", "read the account"));
  const auto limited = client.call("GET", "/user", "read the account");
  ASSERT_FALSE(limited);
  EXPECT_EQ(limited.error().kind, GitHubErrorKind::RateLimited);
  EXPECT_NE(limited.error().message.find("resets at 2030-01-01 00:00:00 UTC"), std::string::npos)
      << limited.error().message;
}

TEST(FakeGitHub, RefusesARefUpdateThatIsNotAFastForward) {
  FakeGitHub fake;
  fake.forkExists = true;
  fake.forkNotReadyPolls = 0;
  const std::string first = fake.commitFiles("alice/airbyte", "topic", {{"a.txt", "1"}});
  const std::string unrelated = fake.commitFiles("alice/airbyte", "other", {{"b.txt", "2"}});
  fake.start();
  GitHubClient client({.apiUrl = fake.baseUrl(), .token = FakeGitHub::kToken});
  const auto refused = client.call("PATCH", "/repos/alice/airbyte/git/refs/heads/topic", "move topic",
                                   nlohmann::json{{"sha", unrelated}, {"force", false}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, GitHubErrorKind::Validation);
  EXPECT_NE(refused.error().message.find("not a fast forward"), std::string::npos) << refused.error().message;
  EXPECT_EQ(fake.refs["alice/airbyte"]["topic"], first);
  // Creating a ref that exists is a 422 too.
  const auto exists = client.call("POST", "/repos/alice/airbyte/git/refs", "create topic",
                                  nlohmann::json{{"ref", "refs/heads/topic"}, {"sha", first}});
  ASSERT_FALSE(exists);
  EXPECT_NE(exists.error().message.find("Reference already exists"), std::string::npos);
}

TEST(RepositoryFile, ReadsAFileAtARefAndTellsAMissingOneFromAnError) {
  FakeGitHub fake;
  fake.commitFiles("airbytehq/airbyte", "master", {{"docs/integrations/sources/demo.md", "# Demo\n"}});
  fake.start();
  GitHubClient client({.apiUrl = fake.baseUrl(), .token = FakeGitHub::kToken});
  const auto found = fetchRepositoryFile(client, "airbytehq/airbyte", "docs/integrations/sources/demo.md", "master");
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_TRUE(found.value());
  EXPECT_EQ(*found.value(), "# Demo\n");
  const auto missing = fetchRepositoryFile(client, "airbytehq/airbyte", "docs/integrations/sources/new.md", "master");
  ASSERT_TRUE(missing);
  EXPECT_FALSE(missing.value());
  GitHubClient anonymous({.apiUrl = fake.baseUrl(), .token = "ghp_bad"});
  const auto unauthorized = fetchRepositoryFile(anonymous, "airbytehq/airbyte", "README.md", "master");
  ASSERT_FALSE(unauthorized);
  EXPECT_EQ(unauthorized.error().kind, GitHubErrorKind::Unauthorized);
}

TEST(GitHubClient, SplitsOwnerAndName) {
  std::string owner;
  std::string name;
  EXPECT_TRUE(splitRepository("airbytehq/airbyte", owner, name));
  EXPECT_EQ(owner, "airbytehq");
  EXPECT_EQ(name, "airbyte");
  EXPECT_FALSE(splitRepository("airbyte", owner, name));
  EXPECT_FALSE(splitRepository("a/b/c", owner, name));
  EXPECT_FALSE(splitRepository("/b", owner, name));
}

}  // namespace
}  // namespace manifold::github
