// GitHubClient: the headers GitHub requires and the errors its status codes mean.
#include "core/github/github_client.h"

#include <gtest/gtest.h>

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
