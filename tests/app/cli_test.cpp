// Runs the built binaries the way a user does: help, version and bad arguments.
#include "core/version.h"
#include "tests/support/process_runner.h"

#include <gtest/gtest.h>

namespace {

// Environment of a session without any display.
[[maybe_unused]] manifold::testing::ProcessOptions withoutDisplay() {
  manifold::testing::ProcessOptions options;
  options.extraEnv = {"DISPLAY=", "WAYLAND_DISPLAY=", "QT_QPA_PLATFORM=xcb"};
  return options;
}

}  // namespace

using manifold::testing::binaryPath;
using manifold::testing::runProcess;

TEST(ManifoldCli, VersionPrintsTheProjectVersion) {
  const auto r = runProcess(binaryPath("manifold-cli"), {"--version"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find(std::string(manifold::kVersion)), std::string::npos) << r.out;
}

TEST(ManifoldCli, HelpListsEverySubcommand) {
  const auto r = runProcess(binaryPath("manifold-cli"), {"--help"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  for (const char* sub : {"validate", "render", "spec", "check", "discover", "read", "test-read",
                          "catalog", "fork", "contribute"}) {
    EXPECT_NE(r.out.find(sub), std::string::npos) << "missing subcommand " << sub << " in:\n"
                                                  << r.out;
  }
}

TEST(ManifoldCli, UnknownSubcommandExitsWithUsageError) {
  const auto r = runProcess(binaryPath("manifold-cli"), {"frobnicate"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("frobnicate"), std::string::npos) << r.err;
}

TEST(ManifoldCli, UnknownFlagExitsWithUsageError) {
  const auto r = runProcess(binaryPath("manifold-cli"), {"--no-such-flag"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("--no-such-flag"), std::string::npos) << r.err;
}

TEST(ManifoldCli, NoSubcommandExitsWithUsageError) {
  const auto r = runProcess(binaryPath("manifold-cli"), {});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_FALSE(r.err.empty());
}

#ifdef MANIFOLD_HAS_GUI
// --help and --version must work without a display (over SSH, in CI).
TEST(ManifoldGui, VersionNeedsNoDisplay) {
  const auto r = runProcess(binaryPath("manifold"), {"--version"},
withoutDisplay());
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find(std::string(manifold::kVersion)), std::string::npos) << r.out;
}

TEST(ManifoldGui, HelpNeedsNoDisplay) {
  const auto r = runProcess(binaryPath("manifold"), {"--help"},
withoutDisplay());
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("FILE.yaml"), std::string::npos) << r.out;
}

TEST(ManifoldGui, UnknownOptionExitsWithUsageError) {
  const auto r = runProcess(binaryPath("manifold"), {"--bogus"},
withoutDisplay());
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("bogus"), std::string::npos) << r.err;
}
#endif
