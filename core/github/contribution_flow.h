// ContributionFlow: opens (or updates) a catalog pull request from the user's fork, step by step.
#pragma once

#include <chrono>
#include <functional>
#include <stop_token>
#include <string>
#include <string_view>
#include <variant>

#include "core/github/contribution_plan.h"
#include "core/github/github_client.h"

namespace manifold::github {

enum class ContributionStep { Prepare, Account, Repository, Fork, Sync, Branch, Commit, PullRequest };
std::string_view contributionStepName(ContributionStep step);

struct ContributionProgress {
  ContributionStep step;
  enum class State { Started, Done, Note } state;
  std::string message;  // "Creating the fork alice/catalog", never a token or secret
};
using ProgressCallback = std::function<void(const ContributionProgress&)>;

// How long to wait for a new fork's git data to answer. The clock and sleep are injectable so
// tests run instantly; sleep returns early when the stop token is triggered.
struct ForkWaitPolicy {
  std::chrono::milliseconds firstDelay{1000};
  std::chrono::milliseconds maxDelay{10'000};
  std::chrono::milliseconds totalTime{180'000};
  std::function<std::chrono::steady_clock::time_point()> now;  // default: steady_clock::now
  std::function<void(std::chrono::milliseconds, std::stop_token)> sleep;  // default: real sleep
};

// What exists on GitHub because of this run, so a failure never leaves anything silently.
struct ContributionArtifacts {
  std::string account;
  std::string fork;          // "alice/catalog"
  bool forkCreated = false;  // false when the fork existed already
  std::string branch;
  bool branchCreated = false;
  std::string commitSha;     // the commit pushed to the branch
  std::string pullRequestUrl;
  int pullRequestNumber = 0;
  bool pullRequestExisted = false;  // an open PR from the branch was updated, not opened
};

struct ContributionResult {
  ContributionPlan plan;
  ContributionArtifacts artifacts;
};

struct ContributionFailure {
  GitHubError error;
  ContributionArtifacts artifacts;
  std::string describe() const;  // the error, then what was created ("created: fork ..., branch ...")
};

class ContributionFlow {
 public:
  ContributionFlow(GitHubClient& client, ForkWaitPolicy forkWait = {});

  // Steps 1-6 of the flow. The plan is made first (no network) and refused before any call
  // when it finds a secret. Progress is reported per step, on the caller's thread.
  std::variant<ContributionResult, ContributionFailure> run(const ContributionRequest& request,
                                                            const ProgressCallback& progress = {},
                                                            std::stop_token stop = {});

 private:
  GitHubClient& client_;
  ForkWaitPolicy forkWait_;
};

}  // namespace manifold::github
