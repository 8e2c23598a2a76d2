#include "ui/bridge/github_bridge.h"

#include "core/builder/test_read_record.h"
#include "core/github/github_client.h"
#include "core/github/repository_file.h"
#include "core/manifest/manifest_loader.h"
#include "core/protocol/spec_secrets.h"
#include "core/workspace/line_diff.h"
#include "core/workspace/origin.h"

namespace manifold::ui {

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

github::GitHubClient clientFor(const QString& apiUrl, const QString& token) {
  return github::GitHubClient(
      {.apiUrl = apiUrl.toStdString(), .token = token.toStdString(), .userAgent = "Manifold", .timeout = std::chrono::seconds(30)});
}

}  // namespace

GitHubAccountInfo fetchGitHubAccount(const QString& apiUrl, const QString& token, std::stop_token stop) {
  GitHubAccountInfo info;
  auto client = clientFor(apiUrl, token);
  const auto user = client.call("GET", "/user", "read the signed-in GitHub account", std::nullopt, stop);
  if (!user) {
    info.error = q(user.error().message);
    info.unauthorized = user.error().kind == github::GitHubErrorKind::Unauthorized;
    return info;
  }
  info.login = q(user->body.value("login", std::string()));
  if (user->body.contains("name") && user->body["name"].is_string()) info.name = q(user->body["name"].get<std::string>());
  if (const std::string* scopes = user->header("X-OAuth-Scopes")) info.scopes = q(*scopes);
  if (info.login.isEmpty()) info.error = QStringLiteral("GitHub's answer to GET /user has no login");
  return info;
}

ContributionPreview loadContributionPreview(github::ContributionRequest request, const QString& apiUrl,
                                            const QString& token, std::stop_token stop) {
  ContributionPreview preview;
  auto plan = github::planContribution(request);
  if (!plan) {
    preview.error = q(plan.error().message);
    return preview;
  }
  auto client = clientFor(apiUrl, token);
  std::string base = request.baseBranch;
  std::string owner;
  std::string name;
  if (!github::splitRepository(request.upstream, owner, name)) {
    preview.upstreamError = QStringLiteral("The repository must be given as OWNER/NAME.");
  } else if (base.empty()) {
    const auto repo = client.call("GET", "/repos/" + request.upstream, "read the repository " + request.upstream,
                                  std::nullopt, stop);
    if (repo) {
      base = repo->body.value("default_branch", std::string());
    } else {
      preview.upstreamError = q(repo.error().message);
    }
  }
  // A fork lists changed streams against the manifest it came from.
  if (preview.upstreamError.isEmpty() && plan->origin.is_object() && !request.originManifest) {
    const std::string originRepo = plan->origin.value("repository", std::string());
    std::string originPath = plan->origin.value("path", std::string());
    if (!originRepo.empty() && !originPath.empty()) {
      if (originPath.back() != '/') originPath += '/';
      const auto original = github::fetchRepositoryFile(client, originRepo, originPath + "manifest.yaml",
                                                        plan->origin.value("commit", std::string()), stop);
      if (original && original.value()) {
        request.originManifest = *original.value();
        if (auto again = github::planContribution(request)) plan = std::move(again);
      }
    }
  }
  preview.name = q(plan->name);
  preview.branch = q(plan->branch);
  preview.title = q(plan->title);
  preview.body = q(plan->body);
  preview.baseBranch = q(base);
  for (const auto& w : plan->warnings) preview.warnings << q(w);
  for (const auto& file : plan->files) {
    ContributionFileView view;
    view.source = q(file.sourcePath);
    view.target = q(file.targetPath);
    view.generated = file.generated;
    std::optional<std::string> upstream;
    if (preview.upstreamError.isEmpty() && !stop.stop_requested()) {
      const auto fetched = github::fetchRepositoryFile(client, request.upstream, file.targetPath, base, stop);
      if (fetched) {
        upstream = fetched.value();
        view.status = !upstream                   ? ContributionFileView::Status::New
                      : *upstream == file.content ? ContributionFileView::Status::Unchanged
                                                  : ContributionFileView::Status::Changed;
      } else {
        preview.upstreamError = q(fetched.error().message);
      }
    }
    view.diff = q(workspace::unifiedDiff(upstream.value_or(std::string()), file.content, "upstream/" + file.targetPath,
                                         "connector/" + file.targetPath));
    preview.files.push_back(std::move(view));
  }
  return preview;
}

github::CatalogLayout catalogLayoutFor(const QString& storedLayouts, const QString& repository) {
  const auto json = nlohmann::json::parse(storedLayouts.toStdString(), nullptr, false);
  const std::string key = repository.toStdString();
  if (json.is_object() && json.contains(key)) return github::catalogLayoutFromJson(json[key]);
  return {};
}

std::vector<std::string> secretTestingValues(const QString& manifestText, const nlohmann::json& config) {
  const auto loaded = manifest::loadManifest(manifestText.toStdString());
  if (!loaded.resolved.is_object() || !loaded.resolved.contains("spec") || !config.is_object()) return {};
  const nlohmann::json spec = nlohmann::json::parse(loaded.resolved["spec"].dump());
  if (!spec.contains("connection_specification")) return {};
  return protocol::secretsFromConfig(spec["connection_specification"], config);
}

void recordTestRead(const QString& connectorDir, const QString& manifestText, const QString& stream, int records,
                    bool passed, const nlohmann::json& streamRead) {
  if (connectorDir.isEmpty()) return;
  const auto loaded = manifest::loadManifest(manifestText.toStdString());
  builder::TestReadRecord::Stream entry;
  entry.name = stream.toStdString();
  entry.records = records;
  entry.passed = passed;
  entry.testedAt = workspace::utcNowIso();
  entry.fingerprint = builder::streamFingerprint(loaded.resolved, entry.name);
  entry.hosts = builder::hostsInStreamRead(streamRead);
  builder::recordStreamTestRead(connectorDir.toStdString(), std::move(entry));
}

}  // namespace manifold::ui
