// `manifold-cli validate MANIFEST [--json]`: prints a manifest's diagnostics like a compiler.
#include "app/cli/cli_context.h"
#include "core/manifest/manifest_loader.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>

namespace manifold::cli {

namespace {

struct ValidateOptions {
  std::string manifestPath;
  bool json = false;
};

void runValidate(CliContext& context, const ValidateOptions& options) {
  std::ifstream in(options.manifestPath, std::ios::binary);
  if (!in) {
    context.fail("cannot read manifest '" + options.manifestPath + "'", kExitUsage);
    return;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    context.fail("cannot read manifest '" + options.manifestPath + "'", kExitUsage);
    return;
  }

  const auto loaded = manifest::loadManifest(text.str());
  // Positions are 1-based; a finding about the whole file points at its first character.
  auto lineOf = [](const manifest::Diagnostic& d) { return d.line > 0 ? d.line : 1; };
  auto columnOf = [](const manifest::Diagnostic& d) { return d.column > 0 ? d.column : 1; };

  if (options.json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& d : loaded.diagnostics) {
      list.push_back({{"severity", std::string(manifest::severityName(d.severity))},
                      {"message", d.message},
                      {"line", lineOf(d)},
                      {"column", columnOf(d)},
                      {"path", d.path}});
    }
    nlohmann::ordered_json out;
    out["diagnostics"] = std::move(list);
    context.out << out.dump() << '\n';
  } else {
    for (const auto& d : loaded.diagnostics) {
      context.out << options.manifestPath << ':' << lineOf(d) << ':' << columnOf(d) << ": "
                  << manifest::severityName(d.severity) << ": " << d.message << '\n';
    }
  }
  context.exitCode = manifest::hasErrors(loaded.diagnostics) ? kExitFailure : kExitOk;
}

}  // namespace

void addValidateCommand(CLI::App& app, CliContext& context) {
  auto options = std::make_shared<ValidateOptions>();
  auto* sub = app.add_subcommand("validate", "Check a manifest and print its diagnostics");
  sub->add_option("MANIFEST", options->manifestPath, "Path of the manifest YAML file")->required();
  sub->add_flag("--json", options->json, "Print {\"diagnostics\": [...]} as JSON instead of file:line:column lines");
  sub->callback([&context, options] { runValidate(context, *options); });
}

}  // namespace manifold::cli
