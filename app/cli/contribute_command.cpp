// manifold-cli contribute: opens (or updates) a catalog pull request with a connector folder.
#include "app/cli/cli_context.h"
#include "core/github/contribution_flow.h"

#include <cstdlib>
#include <fstream>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>

namespace manifold::cli {

namespace {

struct ContributeArguments {
  std::string connectorDir;
  std::string repository;
  std::string base;
  std::string apiUrl = "https://api.github.com";
  std::string title;
  std::string bodyFile;
  std::string branch;
  bool dryRun = false;
};

void printPlan(std::ostream& out, const github::ContributionPlan& plan, const std::string& repository) {
  out << "Repository: " << repository << "\nBranch: " << plan.branch << "\nTitle: " << plan.title << "\nFiles:\n";
  for (const auto& file : plan.files) {
    out << "  " << (file.sourcePath.empty() ? std::string("(generated)") : file.sourcePath) << " -> " << file.targetPath
        << (file.generated && !file.sourcePath.empty() ? "  (generated, saved in the folder when sent)" : "") << '\n';
  }
  out << "Body:\n" << plan.body << '\n';
}

}  // namespace

void addContributeCommand(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<ContributeArguments>();
  auto* sub = app.add_subcommand("contribute", "Open a pull request with a connector on GitHub");
  sub->add_option("--connector", args->connectorDir, "Connector folder (manifest.yaml, metadata.yaml, ...)")->required();
  sub->add_option("--repo", args->repository, "Catalog repository, OWNER/NAME (e.g. airbytehq/airbyte)")->required();
  sub->add_option("--base", args->base, "Base branch (default: the repository's default branch)");
  sub->add_option("--api-url", args->apiUrl, "GitHub API base URL (GitHub Enterprise: https://HOST/api/v3)");
  sub->add_option("--title", args->title, "Pull request title (default: from the template)");
  sub->add_option("--body-file", args->bodyFile, "File with the pull request description (default: from the template)");
  sub->add_option("--branch", args->branch, "Branch name (default: manifold/source-<name>)");
  sub->add_flag("--dry-run", args->dryRun, "Print the files, their target paths and the pull request text; send nothing");
  sub->footer("The token is read from GITHUB_TOKEN (a classic token with the public_repo scope).");
  sub->callback([args, &context] {
    github::ContributionRequest request;
    request.connectorDir = args->connectorDir;
    request.upstream = args->repository;
    request.baseBranch = args->base;
    request.branch = args->branch;
    request.title = args->title;
    if (!args->bodyFile.empty()) {
      std::ifstream file(args->bodyFile, std::ios::binary);
      if (!file) {
        context.fail("cannot read body file '" + args->bodyFile + "'", kExitUsage);
        return;
      }
      std::stringstream text;
      text << file.rdbuf();
      request.body = text.str();
      if (request.body.empty()) request.body = "\n";
    }
    if (args->dryRun) {
      const auto plan = github::planContribution(request);
      if (!plan) {
        context.fail(plan.error().message);
        return;
      }
      for (const auto& warning : plan->warnings) context.err << "warning: " << warning << '\n';
      printPlan(context.out, plan.value(), args->repository);
      return;
    }
    const char* token = std::getenv("GITHUB_TOKEN");
    if (token == nullptr || *token == '\0') {
      context.fail("GITHUB_TOKEN is not set; create a classic token with the public_repo scope and export it",
                   kExitUsage);
      return;
    }
    github::GitHubClient client({.apiUrl = args->apiUrl, .token = token, .userAgent = "Manifold-CLI"});
    github::ContributionFlow flow(client);
    const auto outcome = flow.run(request, [&context](const github::ContributionProgress& progress) {
      if (progress.state == github::ContributionProgress::State::Started) return;
      context.err << "[" << github::contributionStepName(progress.step) << "] " << progress.message << '\n';
    });
    if (const auto* failure = std::get_if<github::ContributionFailure>(&outcome)) {
      context.fail(failure->describe());
      return;
    }
    const auto& result = std::get<github::ContributionResult>(outcome);
    if (result.artifacts.pullRequestExisted) {
      context.err << "Updated the open pull request #" << result.artifacts.pullRequestNumber << '\n';
    }
    context.out << result.artifacts.pullRequestUrl << '\n';
  });
}

}  // namespace manifold::cli
