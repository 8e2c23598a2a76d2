// manifold-cli diff-upstream / update-upstream: a forked connector folder against its catalog.
#include "app/cli/catalog_options.h"
#include "app/cli/cli_context.h"
#include "core/catalog/bundled_catalog.h"
#include "core/catalog/fork_upstream.h"

#include <memory>
#include <ostream>
#include <string>

namespace manifold::cli {

namespace {

struct UpstreamArguments {
  CatalogOptions catalog;  // only --api-url and --cache-dir apply: the origin names the rest
  std::string dir;
  std::string against = "origin";
};

void addConnectionOptions(CLI::App* sub, UpstreamArguments& args) {
  sub->add_option("dir", args.dir, "The forked connector's folder")->required()->check(CLI::ExistingDirectory);
  sub->add_option("--api-url", args.catalog.apiUrl,
                  "GitHub API base URL (default: $MANIFOLD_GITHUB_API_URL, else https://api.github.com)");
  sub->add_option("--cache-dir", args.catalog.cacheDir, "Cache of remote listings and files");
}

const char* statusWord(workspace::FileUpdate::Status status) {
  using S = workspace::FileUpdate::Status;
  switch (status) {
    case S::Unchanged: return "unchanged";
    case S::Updated: return "updated";
    case S::Added: return "added";
    case S::KeptOurs: return "kept yours";
    case S::Conflict: return "CONFLICT";
  }
  return "";
}

}  // namespace

void addUpstreamCommands(CLI::App& app, CliContext& context) {
  auto diffArgs = std::make_shared<UpstreamArguments>();
  auto* diff = app.add_subcommand("diff-upstream", "Show how a forked connector differs from its catalog");
  addConnectionOptions(diff, *diffArgs);
  diff->add_option("--against", diffArgs->against,
                   "origin: the version it was forked from (your changes); upstream: the catalog's version now")
      ->check(CLI::IsMember({"origin", "upstream"}))
      ->capture_default_str();
  diff->footer("Prints a unified diff (upstream/<file> → workspace/<file>); metadata.yaml is compared without "
               "its origin: block. Exit 0 when there is no difference too.");
  diff->callback([diffArgs, &context] {
    const auto against =
        diffArgs->against == "upstream" ? catalog::CompareAgainst::UpstreamNow : catalog::CompareAgainst::Origin;
    const auto comparison = catalog::compareForkWithUpstream(diffArgs->dir, against, catalog::findBundledCatalog(),
                                                             remoteOptions(diffArgs->catalog));
    if (!comparison) {
      context.fail(comparison.error().message);
      return;
    }
    if (comparison->diff.empty()) {
      context.err << "no difference from " << catalog::describeVersion(comparison->against) << '\n';
      return;
    }
    context.out << comparison->diff;
  });

  auto updateArgs = std::make_shared<UpstreamArguments>();
  auto* update = app.add_subcommand("update-upstream", "Merge the catalog's changes into a forked connector");
  addConnectionOptions(update, *updateArgs);
  update->footer("A three-way merge of every file (base: the version forked, yours, upstream now). When every "
                 "file merges cleanly the merge is written (old files in .manifold/backup/); when any "
                 "conflicts, nothing is changed, the merged texts with conflict markers are written to "
                 ".manifold/merge/ and the exit code is 1.");
  update->callback([updateArgs, &context] {
    const auto report =
        catalog::updateForkFromUpstream(updateArgs->dir, catalog::findBundledCatalog(), remoteOptions(updateArgs->catalog));
    if (!report) {
      context.fail(report.error().message);
      return;
    }
    for (const auto& file : report->files) {
      context.out << statusWord(file.status) << '\t' << file.file;
      if (file.conflicts > 0) context.out << " (" << file.conflicts << (file.conflicts == 1 ? " conflict" : " conflicts") << ")";
      if (!file.resultPath.empty() && file.status == workspace::FileUpdate::Status::Conflict) {
        context.out << "\t" << file.resultPath.string();
      }
      context.out << '\n';
    }
    if (report->applied()) {
      context.err << "updated; the previous files are in " << report->backupDir.string() << '\n';
    } else {
      context.fail("not updated: " + std::to_string(report->conflicts) +
                   (report->conflicts == 1 ? " conflict" : " conflicts") +
                   " where you and upstream changed the same lines; your files are unchanged, the merged texts "
                   "with conflict markers are in .manifold/merge/");
    }
  });
}

}  // namespace manifold::cli
