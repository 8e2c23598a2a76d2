// The testing-values project file and the split between saved values and keychain secrets.
#include "core/config/testing_values.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include <sys/stat.h>

using namespace manifold::config;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("manifold-config-" + std::to_string(rd()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

const json kSpec = json::parse(R"({
  "type": "object",
  "properties": {
    "api_key": {"type": "string", "airbyte_secret": true},
    "base": {"type": "string"},
    "credentials": {"type": "object", "oneOf": [
      {"properties": {"auth_type": {"const": "token"}, "token": {"type": "string", "airbyte_secret": true}}}
    ]},
    "accounts": {"type": "array", "items": {"type": "object", "properties": {
      "name": {"type": "string"}, "password": {"type": "string", "airbyte_secret": true}}}},
    "tokens": {"type": "array", "items": {"type": "string", "airbyte_secret": true}}
  }
})");

}  // namespace

TEST(TestingValues, MissingFileGivesEmptyValues) {
  TempDir dir;
  const auto loaded = loadTestingValues(dir.path());
  EXPECT_EQ(loaded.error, "");
  EXPECT_EQ(loaded.values, json::object());
}

TEST(TestingValues, SavesAndLoadsBackUnderDotManifold) {
  TempDir dir;
  const json values = {{"base", "https://x"}, {"n", 3}};
  ASSERT_EQ(saveTestingValues(dir.path(), values), "");
  EXPECT_TRUE(fs::exists(dir.path() / ".manifold" / "testing_values.json"));
  EXPECT_FALSE(fs::exists(dir.path() / ".manifold" / "testing_values.json.tmp"));
  EXPECT_EQ(loadTestingValues(dir.path()).values, values);
}

TEST(TestingValues, SavedFileIsReadableByItsOwnerOnly) {
  TempDir dir;
  const auto file = dir.path() / ".manifold" / "testing_values.json";
  // An older file that others could read is replaced by a private one, whatever the umask.
  fs::create_directories(file.parent_path());
  std::ofstream(file) << "{}";
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
  const mode_t previous = ::umask(0);
  const auto error = saveTestingValues(dir.path(), json{{"base", "https://x"}});
  ::umask(previous);
  ASSERT_EQ(error, "");
  EXPECT_EQ(fs::status(file).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(loadTestingValues(dir.path()).values, (json{{"base", "https://x"}}));
}

TEST(TestingValues, CorruptFileIsReportedWithItsPath) {
  TempDir dir;
  fs::create_directories(dir.path() / ".manifold");
  std::ofstream(dir.path() / ".manifold" / "testing_values.json") << "{ not json";
  const auto loaded = loadTestingValues(dir.path());
  EXPECT_NE(loaded.error.find("testing_values.json: not valid JSON"), std::string::npos) << loaded.error;
  EXPECT_EQ(loaded.values, json::object());
  std::ofstream(dir.path() / ".manifold" / "testing_values.json") << "[1]";
  EXPECT_NE(loadTestingValues(dir.path()).error.find("expected a JSON object"), std::string::npos);
}

TEST(TestingValues, UnwritableFolderIsReported) {
  TempDir dir;
  std::ofstream(dir.path() / ".manifold") << "a file where the folder should be";
  EXPECT_NE(saveTestingValues(dir.path(), json::object()).find("cannot create the folder"), std::string::npos);
}

TEST(TestingValues, TakeSecretsLeavesOnlyNonSecretValues) {
  json config = {{"api_key", "s1"}, {"base", "b"}, {"credentials", {{"auth_type", "token"}, {"token", "s2"}}},
                 {"accounts", {{{"name", "a"}, {"password", "s3"}}, {{"name", "b"}}}}, {"tokens", {"t1", "t2"}}};
  const json original = config;
  const auto secrets = takeSecrets(kSpec, config);
  EXPECT_EQ(config, json::parse(R"({"base": "b", "credentials": {"auth_type": "token"},
                                    "accounts": [{"name": "a"}, {"name": "b"}]})"));
  ASSERT_EQ(secrets.size(), 4u);
  // In the spec's key order (a plain json object sorts them).
  EXPECT_EQ(secrets[0].pointer, "/accounts/0/password");
  EXPECT_EQ(secrets[0].value, "s3");
  EXPECT_EQ(secrets[1].pointer, "/api_key");
  EXPECT_EQ(secrets[2].pointer, "/credentials/token");
  EXPECT_EQ(secrets[3].pointer, "/tokens");
  for (const auto& s : secrets) putSecret(config, s);
  EXPECT_EQ(config, original);
}

TEST(TestingValues, PutSecretSurvivesAChangedShape) {
  json config = {{"credentials", "now a string"}};
  putSecret(config, {"/credentials/token", "s"});
  EXPECT_EQ(config, (json{{"credentials", "now a string"}}));
  json empty;
  putSecret(empty, {"/a/b", "s"});
  EXPECT_EQ(empty, json::parse(R"({"a": {"b": "s"}})"));
}

TEST(TestingValues, SecretPointersFollowTheSavedConfig) {
  const json saved = json::parse(R"({"credentials": {"auth_type": "token"}, "accounts": [{"name": "a"}, {}]})");
  EXPECT_EQ(secretPointers(kSpec, saved), (std::vector<std::string>{"/accounts/0/password", "/accounts/1/password",
                                                                  "/api_key", "/credentials/token", "/tokens"}));
  EXPECT_EQ(secretPointers(kSpec, json::object()), (std::vector<std::string>{"/api_key", "/tokens"}));
}
