// Every {{ }} and {% %} template in the real catalog manifests parses.
#include "core/interpolation/render.h"
#include "core/interpolation/syntax_check.h"
#include "tests/support/shared_corpus.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace manifold::interpolation {
namespace {

void collectTemplates(const YAML::Node& node, std::vector<std::string>& out) {
  if (node.IsScalar()) {
    const std::string text = node.Scalar();
    if (text.find("{{") != std::string::npos || text.find("{%") != std::string::npos) out.push_back(text);
  } else if (node.IsSequence()) {
    for (const auto& child : node) collectTemplates(child, out);
  } else if (node.IsMap()) {
    for (const auto& entry : node) {
      collectTemplates(entry.first, out);
      collectTemplates(entry.second, out);
    }
  }
}

TEST(CorpusTemplates, EveryTemplateInTheCorpusParses) {
  const auto manifests = manifold::testing::corpusManifests();
  if (manifests.empty()) GTEST_SKIP() << manifold::testing::corpusMissingReason();
  std::size_t checked = 0;
  for (const auto& path : manifests) {
    std::vector<std::string> templates;
    collectTemplates(YAML::LoadFile(path.string()), templates);
    for (const std::string& text : templates) {
      ++checked;
      const auto error = checkSyntax(text);
      EXPECT_FALSE(error) << path.filename().string() << ": " << (error ? error->message : "") << " at offset "
                          << (error ? error->offset : 0) << " in\n" << text;
    }
  }
  // The corpus holds about 3000 interpolated strings; far fewer means the walk is broken.
  EXPECT_GT(checked, 2000u);
}

// Evaluating each corpus template against sparse variables must end in a value or an error
// with a message, never a crash or an exception escaping the API.
TEST(CorpusTemplates, EveryTemplateEvaluatesOrFailsWithAMessage) {
  const auto manifests = manifold::testing::corpusManifests();
  if (manifests.empty()) GTEST_SKIP() << manifold::testing::corpusMissingReason();
  const nlohmann::json context = {
      {"config", {{"start_date", "2024-01-01T00:00:00Z"}, {"api_key", "k"}}},
      {"parameters", nlohmann::json::object()},
      {"response", {{"data", nlohmann::json::array()}}},
      {"headers", nlohmann::json::object()},
      {"last_record", nlohmann::json::object()},
      {"last_page_size", 0},
      {"next_page_token", {{"next_page_token", "t"}}},
      {"record", nlohmann::json::object()},
      {"stream_slice", {{"start_time", "2024-01-01T00:00:00Z"}, {"end_time", "2024-01-02T00:00:00Z"}}},
      {"components_values", nlohmann::json::object()},
  };
  std::size_t values = 0;
  std::size_t errors = 0;
  for (const auto& path : manifests) {
    std::vector<std::string> templates;
    collectTemplates(YAML::LoadFile(path.string()), templates);
    for (const std::string& text : templates) {
      auto result = renderTemplate(text, context);
      if (result.ok()) {
        ++values;
      } else {
        ++errors;
        EXPECT_FALSE(result.error().message.empty()) << text;
      }
    }
  }
  // Most corpus templates only need config, the slice or the response.
  EXPECT_GT(values, errors);
}

}  // namespace
}  // namespace manifold::interpolation
