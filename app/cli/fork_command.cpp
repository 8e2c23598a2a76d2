// manifold-cli fork: copies a catalog connector into a workspace folder with its provenance.
#include "app/cli/catalog_options.h"
#include "app/cli/cli_context.h"
#include "core/catalog/bundled_catalog.h"
#include "core/catalog/catalog_fork.h"

#include <memory>
#include <ostream>
#include <string>

namespace manifold::cli {

namespace {

struct ForkArguments {
  CatalogOptions catalog;
  std::string name;
  std::string into;
  std::string as;
};

}  // namespace

void addForkCommand(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<ForkArguments>();
  auto* sub = app.add_subcommand("fork", "Copy a catalog connector into a workspace");
  sub->add_option("name", args->name, "The connector's name in the catalog")->required();
  sub->add_option("--into", args->into, "The workspace folder (the connector becomes a folder in it)")->required();
  sub->add_option("--as", args->as, "The new folder's name (default: the connector's name)");
  addCatalogOptions(sub, args->catalog);
  sub->footer("An existing folder is never overwritten. Provenance is written to metadata.yaml under origin:.");
  sub->callback([args, &context] {
    auto listing = loadListing(context, args->catalog);
    if (!listing) return;
    for (const auto& warning : listing->warnings) context.err << "warning: " << warning << '\n';
    const catalog::CatalogEntry* entry = catalog::findEntry(*listing, args->name);
    if (entry == nullptr) {
      context.fail("the catalog " + listing->source.label() + " has no connector '" + args->name +
                   "'; 'manifold-cli catalog list' shows the names");
      return;
    }
    workspace::ConnectorFiles files;
    if (entry->source.kind == catalog::CatalogKind::Bundled) {
      files = catalog::bundledFiles(*entry);
    } else {
      catalog::RemoteCatalog remote(remoteOptions(args->catalog));
      auto fetched = remote.files(*entry);
      if (!fetched) {
        context.fail(fetched.error().message);
        return;
      }
      files = std::move(fetched).value();
    }
    const auto forked = catalog::forkEntry(*entry, files, args->into, args->as);
    if (!forked) {
      context.fail(forked.error().message);
      return;
    }
    context.out << forked.value().string() << '\n';
  });
}

}  // namespace manifold::cli
