// `manifold-cli import-openapi SPEC_OR_URL [--streams a,b] [--out DIR]`: a new connector from an
// OpenAPI or Swagger document; the report goes to stderr, the manifest to stdout without --out.
#include "app/cli/cli_context.h"
#include "core/openapi/connector_folder.h"
#include "core/openapi/import_report.h"
#include "core/openapi/manifest_writer.h"
#include "core/openapi/openapi_importer.h"

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace manifold::cli {

namespace {

struct ImportArguments {
  std::string source;
  std::vector<std::string> streams;
  std::string outDir;
  std::string baseUrl;
  bool force = false;
  bool list = false;
};

void runImport(CliContext& context, const ImportArguments& args) {
  auto document = openapi::loadOpenApi(args.source);
  if (!document) {
    context.fail(document.error().message);
    return;
  }
  openapi::ImportOptions options;
  options.baseUrl = args.baseUrl;
  auto plan = openapi::planImport(document.value(), options);
  if (!plan) {
    context.fail(plan.error().message);
    return;
  }
  if (args.list) {
    for (const auto& s : plan->streams) {
      context.out << s.name << '\t' << s.method << ' ' << s.path << '\t' << openapi::paginationKindName(s.pagination.kind)
                  << '\t' << (s.parent ? s.parent->parentName : "-") << '\n';
    }
    return;
  }
  auto files = openapi::connectorFiles(plan.value(), args.streams);
  if (!files) {
    context.fail(files.error().message, kExitUsage);
    return;
  }
  const auto chosen = openapi::selectStreams(plan.value(), args.streams);
  context.err << openapi::formatReport(plan.value(), chosen ? chosen.value() : std::vector<std::string>{});
  if (args.outDir.empty()) {
    context.out << files->manifest;
    return;
  }
  auto written = openapi::writeConnectorFolder(args.outDir, files.value(), args.force);
  if (!written) {
    context.fail(written.error().message);
    return;
  }
  for (const auto& path : written.value()) context.err << "wrote " << path.string() << '\n';
}

}  // namespace

void addImportOpenApiCommand(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<ImportArguments>();
  auto* sub = app.add_subcommand("import-openapi", "Create a connector from an OpenAPI 3 or Swagger 2 document");
  sub->add_option("source", args->source, "OpenAPI/Swagger document: a YAML or JSON file, or an http(s) URL")->required();
  sub->add_option("--streams", args->streams, "Only these streams (comma-separated names; default: every candidate)")
      ->delimiter(',');
  sub->add_option("--out", args->outDir, "Write manifest.yaml, metadata.yaml and README.md into this folder "
                                         "(default: print the manifest)");
  sub->add_option("--base-url", args->baseUrl, "Use this API address instead of the document's servers");
  sub->add_flag("--force", args->force, "Replace an existing manifest.yaml in --out");
  sub->add_flag("--list", args->list, "Only list the candidate streams (name, method and path, pagination, parent)");
  sub->footer("The import report (what was inferred from where, and what was not) is printed on stderr.");
  sub->callback([args, &context] { runImport(context, *args); });
}

}  // namespace manifold::cli
