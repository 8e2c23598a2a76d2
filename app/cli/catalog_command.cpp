// manifold-cli catalog list: the connectors of the bundled catalog or of a GitHub repository.
#include "app/cli/catalog_options.h"
#include "app/cli/cli_context.h"
#include "core/catalog/remote_catalog.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <ostream>
#include <string>

namespace manifold::cli {

namespace {

struct CatalogListArguments {
  CatalogOptions catalog;
  bool json = false;
  bool namesOnly = false;
};

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// Remote entries come with their names only: read each one's metadata and manifest (cached by
// SHA, so a second run sends one request). A rate limit or lost connection stops the reading
// and is reported; what was read is still printed.
void readDetails(CliContext& context, const CatalogOptions& options, catalog::CatalogListing& listing) {
  catalog::RemoteCatalog remote(remoteOptions(options));
  for (auto& entry : listing.entries) {
    if (entry.detailed) continue;
    auto detailed = remote.details(entry);
    if (detailed) {
      entry = std::move(detailed).value();
      continue;
    }
    const auto kind = detailed.error().kind;
    if (kind == catalog::CatalogErrorKind::RateLimited || kind == catalog::CatalogErrorKind::Offline ||
        kind == catalog::CatalogErrorKind::Cancelled) {
      context.fail("stopped reading connector details: " + detailed.error().message +
                   "; the connectors after it are listed by name only");
      return;
    }
    listing.warnings.push_back(entry.name + ": " + detailed.error().message);
  }
}

}  // namespace

void addCatalogCommand(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<CatalogListArguments>();
  auto* catalogCommand = app.add_subcommand("catalog", "List connectors of the bundled or a remote catalog");
  catalogCommand->require_subcommand(1);
  auto* list = catalogCommand->add_subcommand("list", "List the connectors: name, title, source, streams");
  addCatalogOptions(list, args->catalog);
  list->add_flag("--json", args->json, "Print one JSON object with every entry's metadata");
  list->add_flag("--names-only", args->namesOnly, "Remote: list names only, reading no connector files");
  list->footer("A token in GITHUB_TOKEN raises GitHub's rate limit from 60 to 5000 requests an hour.");
  list->callback([args, &context] {
    auto listing = loadListing(context, args->catalog);
    if (!listing) return;
    if (!args->catalog.remote.empty() && !args->namesOnly) readDetails(context, args->catalog, *listing);
    for (const auto& warning : listing->warnings) context.err << "warning: " << warning << '\n';
    if (args->json) {
      nlohmann::json out{{"source", listing->source.label()}, {"connectors", nlohmann::json::array()}};
      if (!listing->commit.empty()) out["commit"] = listing->commit;
      if (listing->fromCache) out["fromCache"] = true;
      for (const auto& entry : listing->entries) out["connectors"].push_back(catalog::toJson(entry));
      context.out << out.dump(2) << '\n';
      return;
    }
    for (const auto& entry : listing->entries) {
      context.out << entry.name << '\t' << entry.title << '\t' << entry.source.label() << '\t' << joined(entry.streams)
                  << '\n';
    }
  });
}

}  // namespace manifold::cli
