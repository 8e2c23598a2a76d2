// manifold-cli render: evaluates one template against a JSON context and prints the value.
#include "app/cli/cli_context.h"
#include "core/interpolation/render.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>

namespace manifold::cli {

namespace {

struct RenderArguments {
  std::string templateText;
  std::string contextPath;
};

}  // namespace

void addRenderCommand(CLI::App& app, CliContext& context) {
  auto options = std::make_shared<RenderArguments>();
  auto* sub = app.add_subcommand("render", "Evaluate one Jinja template against a JSON context");
  sub->add_option("template", options->templateText, "The template, e.g. \"{{ config['api_key'] }}\"")->required();
  sub->add_option("--context", options->contextPath,
                  "JSON file with the variables: {\"config\": {...}, \"record\": {...}, ...}");
  sub->callback([options, &context] {
    nlohmann::json variables = nlohmann::json::object();
    if (!options->contextPath.empty()) {
      std::ifstream file(options->contextPath);
      if (!file) {
        context.fail("cannot read context file '" + options->contextPath + "'", kExitUsage);
        return;
      }
      std::stringstream text;
      text << file.rdbuf();
      variables = nlohmann::json::parse(text.str(), nullptr, false);
      if (variables.is_discarded() || !variables.is_object()) {
        context.fail("context file '" + options->contextPath + "' must hold a JSON object", kExitUsage);
        return;
      }
    }
    const auto result = interpolation::renderTemplate(options->templateText, variables);
    if (!result) {
      context.fail("cannot render template: " + result.error().describe());
      return;
    }
    context.out << result.value().dump() << '\n';
  });
}

}  // namespace manifold::cli
