// `manifold-cli validate`: compiler-style lines, the --json shape and the exit codes.
#include "tests/support/process_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;
using manifold::testing::binaryPath;
using manifold::testing::runProcess;

const char* kManifest =
    "version: 6.4.0\n"
    "check:\n"
    "  type: CheckStream\n"
    "  stream_names: [users]\n"
    "streams:\n"
    "  - type: DeclarativeStream\n"
    "    name: users\n"
    "    retriever:\n"
    "      type: SimpleRetriever\n"
    "      requester:\n"
    "        type: HttpRequester\n"
    "        url_base: https://api.example.com\n"
    "        http_method: GET\n"
    "      record_selector:\n"
    "        type: RecordSelector\n"
    "        extractor:\n"
    "          type: DpathExtractor\n"
    "          field_path: []\n";

class ValidateCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("manifold-validate-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                        "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  fs::path dir_;
};

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST_F(ValidateCli, PrintsNothingAndExitsZeroForAValidManifest) {
  const auto r = runProcess(binaryPath("manifold-cli"), {"validate", write("ok.yaml", kManifest)});
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(ValidateCli, PrintsCompilerStyleLinesAndExitsOneOnErrors) {
  const std::string path = write("bad.yaml", replaced(kManifest, "http_method: GET", "http_method: GTE"));
  const auto r = runProcess(binaryPath("manifold-cli"), {"validate", path});
  EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
  EXPECT_EQ(r.out.rfind(path + ":13:9: error: 'GTE' is not a valid value for 'http_method'", 0), 0u) << r.out;
}

TEST_F(ValidateCli, ExitsZeroWhenThereAreOnlyWarnings) {
  const auto r = runProcess(binaryPath("manifold-cli"),
                            {"validate", write("warn.yaml", replaced(kManifest, "http_method: GET", "http_methd: GET"))});
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_NE(r.out.find(":13:9: warning: unknown field 'http_methd'"), std::string::npos) << r.out;
}

TEST_F(ValidateCli, PrintsTheExactJsonShape) {
  const std::string path = write("bad.yaml", replaced(kManifest, "http_method: GET", "http_method: [GET]"));
  const auto r = runProcess(binaryPath("manifold-cli"), {"validate", path, "--json"});
  EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
  const auto json = nlohmann::json::parse(r.out);
  ASSERT_EQ(json.size(), 1u);
  ASSERT_EQ(json["diagnostics"].size(), 1u);
  const auto& d = json["diagnostics"][0];
  EXPECT_EQ(d.size(), 5u);
  EXPECT_EQ(d["severity"], "error");
  EXPECT_EQ(d["line"], 13);
  EXPECT_EQ(d["column"], 9);
  EXPECT_EQ(d["path"], "/streams/0/retriever/requester/http_method");
  EXPECT_TRUE(d["message"].is_string());
}

TEST_F(ValidateCli, PrintsAnEmptyListForAValidManifestInJson) {
  const auto r = runProcess(binaryPath("manifold-cli"), {"validate", "--json", write("ok.yaml", kManifest)});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(nlohmann::json::parse(r.out), nlohmann::json::parse(R"({"diagnostics": []})"));
}

TEST_F(ValidateCli, ReportsYamlErrorsAsDiagnostics) {
  const auto r = runProcess(binaryPath("manifold-cli"), {"validate", write("broken.yaml", "version: 1\nstreams: [a\n")});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.out.find("error: YAML syntax error"), std::string::npos) << r.out;
}

TEST_F(ValidateCli, ExitsTwoForAnUnreadableFileOrMissingArgument) {
  const auto missing = runProcess(binaryPath("manifold-cli"), {"validate", (dir_ / "nope.yaml").string()});
  EXPECT_EQ(missing.exitCode, 2);
  EXPECT_NE(missing.err.find("cannot read manifest"), std::string::npos) << missing.err;
  const auto usage = runProcess(binaryPath("manifold-cli"), {"validate"});
  EXPECT_EQ(usage.exitCode, 2);
}

}  // namespace
