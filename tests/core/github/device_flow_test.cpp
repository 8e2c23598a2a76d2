// The OAuth device flow against the fake GitHub's login endpoints: the code, then polling that
// honours interval and slow_down, and each way it can end.
#include "core/github/device_flow.h"

#include <gtest/gtest.h>

#include "tests/core/github/fake_github.h"

namespace manifold::github {
namespace {

using namespace std::chrono_literals;
using testing::FakeGitHub;

struct DeviceHarness {
  FakeGitHub fake;
  std::chrono::steady_clock::time_point clock{};
  std::vector<std::chrono::milliseconds> sleeps;

  DeviceFlow flow(std::string clientId = "Iv1.fakeclientid") {
    DeviceFlowOptions options;
    options.loginUrl = fake.baseUrl() + "/";
    options.clientId = std::move(clientId);
    options.now = [this] { return clock; };
    options.sleep = [this](std::chrono::milliseconds d, std::stop_token) {
      sleeps.push_back(d);
      clock += d;
    };
    return DeviceFlow(options);
  }
};

TEST(DeviceFlow, ShowsTheCodeThenPollsAtTheIntervalUntilAuthorised) {
  DeviceHarness h;
  h.fake.device.pendingPolls = 2;
  h.fake.start();
  auto flow = h.flow();
  const auto code = flow.requestCode();
  ASSERT_TRUE(code) << code.error().message;
  EXPECT_EQ(code->userCode, "WDJB-MJHT");
  EXPECT_EQ(code->verificationUri, h.fake.baseUrl() + "/login/device");
  EXPECT_EQ(code->interval, 5s);
  const auto token = flow.waitForToken(code.value());
  ASSERT_TRUE(token) << token.error().message;
  EXPECT_EQ(token->accessToken, FakeGitHub::kToken);
  EXPECT_EQ(token->scope, "public_repo");
  EXPECT_EQ(h.sleeps, (std::vector<std::chrono::milliseconds>{5s, 5s, 5s}));
  EXPECT_EQ(h.fake.device.polls, 3);
  // The requests were forms asking for JSON, with the scope the contribution needs.
  const auto requests = h.fake.requests();
  ASSERT_EQ(requests.size(), 4u);
  EXPECT_EQ(requests[0].path, "/login/device/code");
  EXPECT_EQ(requests[0].header("Content-Type"), "application/x-www-form-urlencoded");
  EXPECT_NE(requests[0].body.find("scope=public_repo"), std::string::npos) << requests[0].body;
  EXPECT_NE(requests[1].body.find("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code"),
            std::string::npos)
      << requests[1].body;
  for (const auto& r : requests) EXPECT_EQ(r.header("Accept"), "application/json");
}

TEST(DeviceFlow, SlowDownLengthensTheIntervalAsGitHubSays) {
  DeviceHarness h;
  h.fake.device.pendingPolls = 1;
  h.fake.device.slowDownPolls = 2;
  h.fake.start();
  auto flow = h.flow();
  const auto code = flow.requestCode();
  ASSERT_TRUE(code);
  ASSERT_TRUE(flow.waitForToken(code.value()));
  EXPECT_EQ(h.sleeps, (std::vector<std::chrono::milliseconds>{5s, 5s, 10s, 15s}));
}

TEST(DeviceFlow, ADeniedSignInSaysSo) {
  DeviceHarness h;
  h.fake.device.outcome = "access_denied";
  h.fake.start();
  auto flow = h.flow();
  const auto token = flow.waitForToken(flow.requestCode().value());
  ASSERT_FALSE(token);
  EXPECT_EQ(token.error().kind, GitHubErrorKind::Unauthorized);
  EXPECT_NE(token.error().message.find("denied"), std::string::npos) << token.error().message;
}

TEST(DeviceFlow, AnExpiredCodeAsksForANewSignIn) {
  DeviceHarness h;
  h.fake.device.outcome = "expired_token";
  h.fake.start();
  auto flow = h.flow();
  const auto token = flow.waitForToken(flow.requestCode().value());
  ASSERT_FALSE(token);
  EXPECT_EQ(token.error().kind, GitHubErrorKind::Timeout);
  EXPECT_NE(token.error().message.find("expired"), std::string::npos);
}

TEST(DeviceFlow, StopsPollingWhenTheCodeExpiresEvenIfGitHubKeepsSayingPending) {
  DeviceHarness h;
  h.fake.device.pendingPolls = 1'000'000;
  h.fake.device.expiresIn = 60;
  h.fake.start();
  auto flow = h.flow();
  const auto token = flow.waitForToken(flow.requestCode().value());
  ASSERT_FALSE(token);
  EXPECT_EQ(token.error().kind, GitHubErrorKind::Timeout);
  EXPECT_EQ(h.sleeps.size(), 12u);  // 12 × 5 s = the code's 60 s
}

TEST(DeviceFlow, AWrongClientIdOrNoneIsAClearError) {
  DeviceHarness h;
  h.fake.start();
  const auto wrong = h.flow("Iv1.other").requestCode();
  ASSERT_FALSE(wrong);
  EXPECT_NE(wrong.error().message.find("incorrect_client_credentials"), std::string::npos) << wrong.error().message;
  const auto none = h.flow("").requestCode();
  ASSERT_FALSE(none);
  EXPECT_NE(none.error().message.find("no OAuth client id"), std::string::npos);
  EXPECT_EQ(h.fake.requests().size(), 1u);  // no request without a client id
}

TEST(DeviceFlow, CancellingStopsTheWait) {
  DeviceHarness h;
  h.fake.device.pendingPolls = 1'000'000;
  h.fake.start();
  auto flow = h.flow();
  const auto code = flow.requestCode();
  std::stop_source stop;
  stop.request_stop();
  const auto token = flow.waitForToken(code.value(), stop.get_token());
  ASSERT_FALSE(token);
  EXPECT_EQ(token.error().kind, GitHubErrorKind::Cancelled);
  EXPECT_EQ(h.fake.device.polls, 0);
}

}  // namespace
}  // namespace manifold::github
