#include "core/github/contribution_flow.h"

#include <algorithm>
#include <optional>
#include <thread>
#include <utility>

#include "core/github/repository_file.h"
#include "core/interpolation/encoding.h"

namespace manifold::github {

namespace {

using nlohmann::json;
using State = ContributionProgress::State;

std::string stringField(const json& body, const char* key) {
  if (body.is_object() && body.contains(key) && body[key].is_string()) return body[key].get<std::string>();
  return "";
}

std::string refSha(const json& body) {
  if (body.is_object() && body.contains("object") && body["object"].is_object()) {
    return stringField(body["object"], "sha");
  }
  return "";
}

GitHubError badResponse(const std::string& what) {
  GitHubError error;
  error.kind = GitHubErrorKind::BadResponse;
  error.message = "cannot " + what + ": GitHub's answer lacks the expected fields";
  return error;
}

GitHubError cancelled() {
  GitHubError error;
  error.kind = GitHubErrorKind::Cancelled;
  error.message = "the contribution was cancelled";
  return error;
}

}  // namespace

std::string_view contributionStepName(ContributionStep step) {
  switch (step) {
    case ContributionStep::Prepare: return "prepare";
    case ContributionStep::Account: return "account";
    case ContributionStep::Repository: return "repository";
    case ContributionStep::Fork: return "fork";
    case ContributionStep::Sync: return "sync";
    case ContributionStep::Branch: return "branch";
    case ContributionStep::Commit: return "commit";
    case ContributionStep::PullRequest: return "pull request";
  }
  return "unknown";
}

std::string ContributionFailure::describe() const {
  std::vector<std::string> created;
  if (artifacts.forkCreated) created.push_back("fork " + artifacts.fork);
  if (artifacts.branchCreated) created.push_back("branch " + artifacts.branch + " in " + artifacts.fork);
  if (!artifacts.commitSha.empty()) {
    created.push_back("commit " + artifacts.commitSha.substr(0, 12) + " on " + artifacts.branch);
  }
  if (created.empty()) return error.message + "; nothing was created on GitHub";
  std::string list;
  for (const auto& item : created) list += (list.empty() ? "" : ", ") + item;
  return error.message + "; already created on GitHub: " + list +
         " (run contribute again to reuse them, or delete them on GitHub)";
}

ContributionFlow::ContributionFlow(GitHubClient& client, ForkWaitPolicy forkWait)
    : client_(client), forkWait_(std::move(forkWait)) {
  if (!forkWait_.now) forkWait_.now = [] { return std::chrono::steady_clock::now(); };
  if (!forkWait_.sleep) {
    forkWait_.sleep = [](std::chrono::milliseconds delay, std::stop_token stop) {
      const auto until = std::chrono::steady_clock::now() + delay;
      while (!stop.stop_requested() && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::min<std::chrono::milliseconds>(delay, std::chrono::milliseconds(50)));
      }
    };
  }
}

std::variant<ContributionResult, ContributionFailure> ContributionFlow::run(
    const ContributionRequest& request, const ProgressCallback& progress, std::stop_token stop) {
  ContributionArtifacts artifacts;
  const auto fail = [&artifacts](GitHubError error) {
    return ContributionFailure{std::move(error), artifacts};
  };
  const auto report = [&progress](ContributionStep step, State state, std::string message) {
    if (progress) progress(ContributionProgress{step, state, std::move(message)});
  };

  report(ContributionStep::Prepare, State::Started, "Checking the connector folder");
  auto planned = planContribution(request);
  if (!planned) return fail(planned.error());
  ContributionPlan plan = std::move(planned.value());
  std::string upstreamOwner;
  std::string upstreamName;
  if (!splitRepository(request.upstream, upstreamOwner, upstreamName)) {
    GitHubError error;
    error.kind = GitHubErrorKind::Refused;
    error.message = "the catalog repository must be given as OWNER/NAME, not '" + request.upstream + "'";
    return fail(error);
  }
  const std::string& upstream = request.upstream;
  // Generated once: saved before anything is sent, so a retry sends the same definitionId.
  auto saved = saveGeneratedFiles(request.connectorDir, plan);
  if (!saved) return fail(saved.error());
  for (const auto& file : saved.value()) {
    report(ContributionStep::Prepare, State::Note, "Generated " + file + " in the connector folder");
  }
  for (const auto& warning : plan.warnings) report(ContributionStep::Prepare, State::Note, "Warning: " + warning);
  report(ContributionStep::Prepare, State::Done, std::to_string(plan.files.size()) + " files to send");

  // 1. Who am I, and the catalog repository.
  report(ContributionStep::Account, State::Started, "Checking the GitHub account");
  auto user = client_.call("GET", "/user", "read the signed-in GitHub account", std::nullopt, stop);
  if (!user) return fail(user.error());
  artifacts.account = stringField(user->body, "login");
  if (artifacts.account.empty()) return fail(badResponse("read the signed-in GitHub account"));
  report(ContributionStep::Account, State::Done, "Signed in as " + artifacts.account);

  report(ContributionStep::Repository, State::Started, "Reading " + upstream);
  auto repo = client_.call("GET", "/repos/" + upstream, "read the repository " + upstream, std::nullopt, stop);
  if (!repo) return fail(repo.error());
  const std::string base = !request.baseBranch.empty() ? request.baseBranch : stringField(repo->body, "default_branch");
  if (base.empty()) return fail(badResponse("read the repository " + upstream));
  report(ContributionStep::Repository, State::Done, upstream + " (base branch " + base + ")");

  // Streams compared with the origin's manifest, fetched at the recorded commit.
  if (!request.originManifest && plan.origin.is_object() && request.body.empty()) {
    const std::string originRepo = stringField(plan.origin, "repository");
    const std::string originPath = stringField(plan.origin, "path");
    const std::string commit = stringField(plan.origin, "commit");
    if (!originRepo.empty() && !originPath.empty()) {
      std::string path = originPath;
      if (path.back() != '/') path += '/';
      path += "manifest.yaml";
      auto original = fetchRepositoryFile(client_, originRepo, path, commit, stop);
      if (original && original.value()) {
        compareStreams(*original.value(), plan.files.front().content, plan);
        applyTemplate(request, plan);
      } else {
        report(ContributionStep::Repository, State::Note,
               "Could not read the origin's manifest; streams are listed as new");
      }
    }
  }
  if (stop.stop_requested()) return fail(cancelled());

  // 2. The fork: reuse it, or create it and wait until its git data answers.
  report(ContributionStep::Fork, State::Started, "Looking for a fork of " + upstream);
  std::string fork;
  if (artifacts.account == upstreamOwner) {
    fork = upstream;  // the user owns the catalog: branch there directly
  } else {
    fork = artifacts.account + "/" + upstreamName;
    auto existing = client_.send("GET", "/repos/" + fork, std::nullopt, stop);
    if (!existing) return fail(existing.error());
    if (existing->ok()) {
      const json& parent = existing->body.value("parent", json::object());
      const json& source = existing->body.value("source", json::object());
      const bool isFork = existing->body.value("fork", false) &&
                          (stringField(parent, "full_name") == upstream || stringField(source, "full_name") == upstream);
      if (!isFork) {
        GitHubError error;
        error.kind = GitHubErrorKind::Refused;
        error.message = "cannot fork " + upstream + ": " + fork + " exists and is not a fork of it; rename it on GitHub";
        return fail(error);
      }
    } else if (existing->status == 404) {
      report(ContributionStep::Fork, State::Note, "Creating the fork " + fork);
      auto created = client_.call("POST", "/repos/" + upstream + "/forks", "fork " + upstream,
                                  json{{"default_branch_only", false}}, stop);
      if (!created) return fail(created.error());
      const std::string name = stringField(created->body, "full_name");
      if (!name.empty()) fork = name;
      artifacts.forkCreated = true;
    } else {
      return fail(errorFor(existing.value(), "look for the fork " + fork));
    }
  }
  artifacts.fork = fork;
  {
    const auto start = forkWait_.now();
    auto delay = forkWait_.firstDelay;
    for (;;) {
      auto probe = client_.send("GET", "/repos/" + fork + "/git/ref/heads/" + base, std::nullopt, stop);
      if (!probe) return fail(probe.error());
      if (probe->ok()) break;
      if (probe->status != 409 && probe->status != 404) {
        return fail(errorFor(probe.value(), "read the fork " + fork));
      }
      if (forkWait_.now() - start + delay > forkWait_.totalTime) {
        GitHubError error;
        error.kind = GitHubErrorKind::Timeout;
        error.message = "the fork " + fork + " was not ready after " +
                        std::to_string(std::chrono::duration_cast<std::chrono::seconds>(forkWait_.totalTime).count()) +
                        " s (GitHub is still copying it); try again in a few minutes";
        return fail(error);
      }
      report(ContributionStep::Fork, State::Note, "Waiting for GitHub to finish the fork " + fork);
      forkWait_.sleep(delay, stop);
      if (stop.stop_requested()) return fail(cancelled());
      delay = std::min(delay * 2, forkWait_.maxDelay);
    }
  }
  report(ContributionStep::Fork, State::Done, artifacts.forkCreated ? "Created the fork " + fork : "Using the fork " + fork);

  // Sync: the branch starts at upstream's head; merge-upstream keeps the fork's base current.
  report(ContributionStep::Sync, State::Started, "Reading " + upstream + "'s " + base);
  auto head = client_.call("GET", "/repos/" + upstream + "/git/ref/heads/" + base,
                           "read the branch " + base + " of " + upstream, std::nullopt, stop);
  if (!head) return fail(head.error());
  const std::string upstreamSha = refSha(head->body);
  if (upstreamSha.empty()) return fail(badResponse("read the branch " + base + " of " + upstream));
  if (fork != upstream) {
    auto merged = client_.send("POST", "/repos/" + fork + "/merge-upstream", json{{"branch", base}}, stop);
    if (!merged) return fail(merged.error());
    report(ContributionStep::Sync, State::Note,
           merged->ok() ? "Brought " + fork + "'s " + base + " up to date"
                        : "Could not update " + fork + "'s " + base + "; branching from " + upstream + "'s head");
  }
  report(ContributionStep::Sync, State::Done, base + " at " + upstreamSha.substr(0, 12));
  if (stop.stop_requested()) return fail(cancelled());

  // 3. The branch: an open PR from it means an update; a taken name means another name.
  report(ContributionStep::Branch, State::Started, "Preparing the branch " + plan.branch);
  std::string parentSha = upstreamSha;
  const std::string headOwner = fork.substr(0, fork.find('/'));
  auto pulls = client_.call("GET", "/repos/" + upstream + "/pulls?state=open&head=" + queryEscape(headOwner + ":" + plan.branch),
                            "list the open pull requests of " + upstream, std::nullopt, stop);
  if (!pulls) return fail(pulls.error());
  if (pulls->body.is_array() && !pulls->body.empty()) {
    const json& pr = pulls->body.front();
    artifacts.pullRequestExisted = true;
    artifacts.pullRequestUrl = stringField(pr, "html_url");
    artifacts.pullRequestNumber = pr.value("number", 0);
    artifacts.branch = plan.branch;
    auto ref = client_.call("GET", "/repos/" + fork + "/git/ref/heads/" + plan.branch,
                            "read the branch " + plan.branch + " of " + fork, std::nullopt, stop);
    if (!ref) return fail(ref.error());
    parentSha = refSha(ref->body);
    if (parentSha.empty()) return fail(badResponse("read the branch " + plan.branch));
    report(ContributionStep::Branch, State::Done,
           "Updating pull request #" + std::to_string(artifacts.pullRequestNumber) + " on " + plan.branch);
  } else {
    constexpr int kMaxVariants = 50;
    for (int attempt = 1; attempt <= kMaxVariants && !artifacts.branchCreated; ++attempt) {
      const std::string candidate = attempt == 1 ? plan.branch : plan.branch + "-" + std::to_string(attempt);
      auto created = client_.send("POST", "/repos/" + fork + "/git/refs",
                                  json{{"ref", "refs/heads/" + candidate}, {"sha", upstreamSha}}, stop);
      if (!created) return fail(created.error());
      if (created->ok()) {
        artifacts.branch = candidate;
        artifacts.branchCreated = true;
      } else if (created->status == 422 &&
                 stringField(created->body, "message").find("already exists") != std::string::npos) {
        report(ContributionStep::Branch, State::Note, "The branch " + candidate + " is taken");
      } else {
        return fail(errorFor(created.value(), "create the branch " + candidate + " in " + fork));
      }
    }
    if (!artifacts.branchCreated) {
      GitHubError error;
      error.kind = GitHubErrorKind::Validation;
      error.message = "cannot create a branch: " + plan.branch + " and its variants up to -" +
                      std::to_string(kMaxVariants) + " all exist in " + fork + "; pass another name";
      return fail(error);
    }
    plan.branch = artifacts.branch;
    report(ContributionStep::Branch, State::Done, "Created the branch " + artifacts.branch);
  }
  if (stop.stop_requested()) return fail(cancelled());

  // 4. One commit through the git data API: blobs, a tree on the parent's tree, the commit, the ref.
  report(ContributionStep::Commit, State::Started, "Committing " + std::to_string(plan.files.size()) + " files");
  auto parent = client_.call("GET", "/repos/" + fork + "/git/commits/" + parentSha,
                             "read the commit " + parentSha.substr(0, 12), std::nullopt, stop);
  if (!parent) return fail(parent.error());
  const std::string baseTree = parent->body.is_object() ? stringField(parent->body.value("tree", json::object()), "sha") : "";
  if (baseTree.empty()) return fail(badResponse("read the commit " + parentSha.substr(0, 12)));
  json entries = json::array();
  for (const auto& file : plan.files) {
    auto blob = client_.call("POST", "/repos/" + fork + "/git/blobs", "upload " + file.targetPath,
                             json{{"content", interpolation::base64Encode(file.content)}, {"encoding", "base64"}}, stop);
    if (!blob) return fail(blob.error());
    const std::string sha = stringField(blob->body, "sha");
    if (sha.empty()) return fail(badResponse("upload " + file.targetPath));
    entries.push_back(json{{"path", file.targetPath}, {"mode", "100644"}, {"type", "blob"}, {"sha", sha}});
    report(ContributionStep::Commit, State::Note, "Uploaded " + file.targetPath);
  }
  auto tree = client_.call("POST", "/repos/" + fork + "/git/trees", "create the tree",
                           json{{"base_tree", baseTree}, {"tree", entries}}, stop);
  if (!tree) return fail(tree.error());
  const std::string treeSha = stringField(tree->body, "sha");
  if (treeSha.empty()) return fail(badResponse("create the tree"));
  auto commit = client_.call("POST", "/repos/" + fork + "/git/commits", "create the commit",
                             json{{"message", plan.commitMessage}, {"tree", treeSha}, {"parents", json::array({parentSha})}}, stop);
  if (!commit) return fail(commit.error());
  const std::string commitSha = stringField(commit->body, "sha");
  if (commitSha.empty()) return fail(badResponse("create the commit"));
  auto updated = client_.call("PATCH", "/repos/" + fork + "/git/refs/heads/" + artifacts.branch,
                              "move the branch " + artifacts.branch + " to the new commit",
                              json{{"sha", commitSha}, {"force", false}}, stop);
  if (!updated) return fail(updated.error());
  artifacts.commitSha = commitSha;
  report(ContributionStep::Commit, State::Done, "Committed " + commitSha.substr(0, 12) + " on " + artifacts.branch);

  // 5. The pull request, unless an open one from this branch now carries the new commit.
  if (artifacts.pullRequestExisted) {
    report(ContributionStep::PullRequest, State::Done, "Updated " + artifacts.pullRequestUrl);
    return ContributionResult{std::move(plan), std::move(artifacts)};
  }
  if (stop.stop_requested()) return fail(cancelled());
  report(ContributionStep::PullRequest, State::Started, "Opening the pull request on " + upstream);
  const std::string headRef = headOwner + ":" + artifacts.branch;
  auto opened = client_.send("POST", "/repos/" + upstream + "/pulls",
                             json{{"title", plan.title}, {"head", headRef}, {"base", base},
                                  {"body", plan.body}, {"maintainer_can_modify", true}}, stop);
  if (!opened) return fail(opened.error());
  if (!opened->ok()) {
    GitHubError error = errorFor(opened.value(), "open the pull request");
    if (opened->status == 422 && error.message.find("already exists") != std::string::npos) {
      auto again = client_.call("GET", "/repos/" + upstream + "/pulls?state=open&head=" + queryEscape(headRef),
                                "list the open pull requests of " + upstream, std::nullopt, stop);
      if (again && again->body.is_array() && !again->body.empty()) {
        artifacts.pullRequestExisted = true;
        artifacts.pullRequestUrl = stringField(again->body.front(), "html_url");
        artifacts.pullRequestNumber = again->body.front().value("number", 0);
        report(ContributionStep::PullRequest, State::Done, "Updated " + artifacts.pullRequestUrl);
        return ContributionResult{std::move(plan), std::move(artifacts)};
      }
    }
    return fail(error);
  }
  artifacts.pullRequestUrl = stringField(opened->body, "html_url");
  artifacts.pullRequestNumber = opened->body.value("number", 0);
  if (artifacts.pullRequestUrl.empty()) return fail(badResponse("open the pull request"));
  report(ContributionStep::PullRequest, State::Done, "Opened " + artifacts.pullRequestUrl);
  return ContributionResult{std::move(plan), std::move(artifacts)};
}

}  // namespace manifold::github
