// manifold-cli render: one JSON value on stdout, errors on stderr, exit codes 0/1/2.
#include "tests/support/process_runner.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace manifold::interpolation {
namespace {

using manifold::testing::binaryPath;
using manifold::testing::runProcess;

std::filesystem::path writeTemp(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path;
}

TEST(RenderCommand, PrintsTheValueAsJson) {
  const auto context = writeTemp("manifold_render_ctx.json", R"({"config": {"ids": [1, 2], "key": "abc"}})");
  auto result = runProcess(binaryPath("manifold-cli"), {"render", "{{ config.ids }}", "--context", context.string()});
  EXPECT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out, "[1,2]\n");
  result = runProcess(binaryPath("manifold-cli"), {"render", "Bearer {{ config['key'] }}", "--context", context.string()});
  EXPECT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out, "\"Bearer abc\"\n");
  std::filesystem::remove(context);
}

TEST(RenderCommand, AppliesTheLiteralRuleWithoutAContext) {
  auto result = runProcess(binaryPath("manifold-cli"), {"render", "{{ 1 + 2 }}"});
  EXPECT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out, "3\n");
}

TEST(RenderCommand, ReportsEvaluationErrorsOnStderr) {
  auto result = runProcess(binaryPath("manifold-cli"), {"render", "{{ missing_variable }}"});
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_TRUE(result.out.empty());
  EXPECT_NE(result.err.find("missing_variable"), std::string::npos) << result.err;
  result = runProcess(binaryPath("manifold-cli"), {"render", "{{ 1 + }}"});
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_NE(result.err.find("offset"), std::string::npos) << result.err;
}

TEST(RenderCommand, RejectsUnreadableOrInvalidContextFiles) {
  auto result = runProcess(binaryPath("manifold-cli"), {"render", "{{ 1 }}", "--context", "/nonexistent/ctx.json"});
  EXPECT_EQ(result.exitCode, 2);
  const auto bad = writeTemp("manifold_render_bad.json", "[1, 2]");
  result = runProcess(binaryPath("manifold-cli"), {"render", "{{ 1 }}", "--context", bad.string()});
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_NE(result.err.find("JSON object"), std::string::npos) << result.err;
  std::filesystem::remove(bad);
  result = runProcess(binaryPath("manifold-cli"), {"render"});
  EXPECT_EQ(result.exitCode, 2);
}

}  // namespace
}  // namespace manifold::interpolation
