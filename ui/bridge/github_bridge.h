// The GitHub calls behind the sign-in and the Contribute dialog's preview. Each function does
// network I/O and runs on a worker thread; results are plain values for the GUI thread.
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <stop_token>

#include "core/github/contribution_plan.h"

namespace manifold::ui {

struct GitHubAccountInfo {
  QString login;         // empty when the token was not accepted
  QString name;
  QString scopes;        // X-OAuth-Scopes, as GitHub sent it ("public_repo, read:user")
  QString error;         // why not, for the user (never contains the token)
  bool unauthorized = false;  // 401: the token is wrong, expired or revoked
};

// GET /user with `token`.
GitHubAccountInfo fetchGitHubAccount(const QString& apiUrl, const QString& token, std::stop_token stop);

// One file of the contribution with its diff against the catalog's copy.
struct ContributionFileView {
  enum class Status { New, Changed, Unchanged, Unknown };
  QString source;  // in the connector folder; empty for a catalog-only generated file
  QString target;  // in the catalog repository
  bool generated = false;
  Status status = Status::Unknown;
  QString diff;    // unified diff upstream → connector ("" when unchanged)
};

struct ContributionPreview {
  QString error;            // the plan was refused (bad name, secret in a file, no manifest)
  QString upstreamError;    // the catalog could not be read: diffs are against nothing
  QString name, branch, title, body, baseBranch;
  QStringList warnings;
  QVector<ContributionFileView> files;
};

// The plan (with the origin's manifest fetched, so the template lists changed streams) and each
// file compared with the catalog's copy on `request.baseBranch` (or the default branch).
ContributionPreview loadContributionPreview(github::ContributionRequest request, const QString& apiUrl,
                                            const QString& token, std::stop_token stop);

// The catalog layout stored for `repository` in the settings (JSON by repository), or the default.
github::CatalogLayout catalogLayoutFor(const QString& storedLayouts, const QString& repository);

// The values of `config` that the manifest's spec marks airbyte_secret: a contribution refuses a
// file that contains one.
std::vector<std::string> secretTestingValues(const QString& manifestText, const nlohmann::json& config);

// Records a finished test read of `stream` in the connector folder, for the reviewer's check
// that every stream passed a read since its last change. Disk I/O: call it off the GUI thread.
// `streamRead` gives the hosts its requests went to.
void recordTestRead(const QString& connectorDir, const QString& manifestText, const QString& stream, int records,
                    bool passed, const nlohmann::json& streamRead = nlohmann::json());

}  // namespace manifold::ui
