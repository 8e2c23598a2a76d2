// Rule "secrets at rest": after a full test read, saving the testing values, an autosave to the
// recovery store, a contribute dry run and a contribution to a fake GitHub, and a CLI read, no
// file written under the session's HOME, XDG folders or TMPDIR holds the testing secret — as
// written, base64-encoded (alone or in a Basic credential), URL-encoded or JSON-escaped.
#include "core/builder/test_read.h"
#include "core/github/contribution_flow.h"
#include "core/github/contribution_plan.h"
#include "core/github/github_client.h"
#include "core/interpolation/encoding.h"
#include "tests/core/github/fake_github.h"
#include "tests/support/local_http_server.h"
#include "tests/support/process_runner.h"
#include "tests/support/temp_dir.h"
#include "ui/common/recovery_store.h"
#include "ui/secrets/memory_secret_store.h"
#include "ui/testing_values/testing_values_store.h"

#include <gtest/gtest.h>

#include <QByteArray>
#include <QString>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace manifold::security {
namespace {

using manifold::testing::FakeGitHub;
using manifold::testing::LocalHttpServer;
using manifold::testing::TempDir;
namespace fs = std::filesystem;

// Characters that change under URL and JSON encoding, so each form differs from the plain one.
const std::string kSecret = "tv-S3cr3t/+ \"k\"&=x";
const std::string kListSecret = "tv-L1st-secret+42";
const std::string kUser = "scan-user";

const char* kManifest = R"(version: 6.4.0
type: DeclarativeSource
check: {type: CheckStream, stream_names: [items]}
streams:
  - type: DeclarativeStream
    name: items
    primary_key: [id]
    schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
    retriever:
      type: SimpleRetriever
      requester:
        type: HttpRequester
        url_base: "{{ config.base_url }}"
        path: /items
        authenticator:
          type: BasicHttpAuthenticator
          username: "{{ config.user }}"
          password: "{{ config.password }}"
        request_parameters:
          token: "{{ config.password }}"
          list_token: "{{ config.accounts[0].token }}"
      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
spec:
  type: Spec
  connection_specification:
    type: object
    required: [base_url, user, password]
    properties:
      base_url: {type: string}
      user: {type: string}
      password: {type: string, airbyte_secret: true}
      accounts:
        type: array
        items:
          type: object
          properties:
            name: {type: string}
            token: {type: string, airbyte_secret: true}
)";

std::string readBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every form in which a secret could sit in a file.
std::map<std::string, std::string> formsOf(const std::string& secret) {
  std::string plusForSpace = interpolation::percentEncode(secret, "");
  for (std::size_t at = 0; (at = plusForSpace.find("%20", at)) != std::string::npos;) plusForSpace.replace(at, 3, "+");
  std::string lowerHex = interpolation::percentEncode(secret, "");
  for (std::size_t i = 0; i + 2 < lowerHex.size(); ++i) {
    if (lowerHex[i] == '%') {
      lowerHex[i + 1] = static_cast<char>(std::tolower(static_cast<unsigned char>(lowerHex[i + 1])));
      lowerHex[i + 2] = static_cast<char>(std::tolower(static_cast<unsigned char>(lowerHex[i + 2])));
    }
  }
  const std::string json = nlohmann::json(secret).dump();
  return {
      {"plain", secret},
      {"JSON-escaped", json.substr(1, json.size() - 2)},
      {"URL-encoded", interpolation::percentEncode(secret, "")},
      {"URL-encoded (lower-case hex)", lowerHex},
      {"form-encoded", plusForSpace},
      {"base64", interpolation::base64Encode(secret)},
      {"base64 Basic credential", interpolation::base64Encode(kUser + ":" + secret)},
  };
}

// Files below `root` holding any form of any secret: "file: form".
std::vector<std::string> findSecrets(const fs::path& root, std::set<std::string>& scanned) {
  std::vector<std::string> found;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    scanned.insert(fs::relative(entry.path(), root).string());
    const std::string bytes = readBytes(entry.path());
    for (const auto& secret : {kSecret, kListSecret}) {
      for (const auto& [form, text] : formsOf(secret)) {
        if (bytes.find(text) != std::string::npos) {
          found.push_back(fs::relative(entry.path(), root).string() + ": " + form);
        }
      }
    }
  }
  return found;
}

class SecretAtRest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* dir : {"home", "home/.config", "home/.local/share", "home/.cache", "home/.local/state", "tmp"}) {
      fs::create_directories(root_ / dir);
    }
    // Qt and std::filesystem read these at each call, so the session writes only below root_.
    setEnv("HOME", root_ / "home");
    setEnv("XDG_CONFIG_HOME", root_ / "home/.config");
    setEnv("XDG_DATA_HOME", root_ / "home/.local/share");
    setEnv("XDG_CACHE_HOME", root_ / "home/.cache");
    setEnv("XDG_STATE_HOME", root_ / "home/.local/state");
    setEnv("TMPDIR", root_ / "tmp");

    // An API that requires the secret and echoes it back in records and headers, as a
    // careless (or hostile) one would.
    api_.server().Get("/items", [](const httplib::Request& req, httplib::Response& res) {
      const std::string basic = "Basic " + interpolation::base64Encode(kUser + ":" + kSecret);
      if (req.get_header_value("Authorization") != basic || req.get_param_value("token") != kSecret) {
        res.status = 401;
        res.set_content(R"({"message": "bad credentials"})", "application/json");
        return;
      }
      res.set_header("X-Echo-Token", kSecret);
      nlohmann::json body{{"data", {{{"id", 1}, {"echo", kSecret}, {"list", req.get_param_value("list_token")}},
                                    {{"id", 2}, {"name", "plain"}}}}};
      res.set_content(body.dump(), "application/json");
    });
    api_.start();

    connector_ = root_ / "home/Manifold/connectors/scan-demo";
    fs::create_directories(connector_);
    std::ofstream(connector_ / "manifest.yaml") << kManifest;
    std::ofstream(connector_ / "metadata.yaml") << "data:\n  name: scan-demo\n  connectorType: source\n"
                                                   "  allowedHosts:\n    hosts: [127.0.0.1]\n";
    std::ofstream(connector_ / "README.md") << "# Scan demo\n\nReads items.\n";
    config_ = {{"base_url", api_.baseUrl()},
               {"user", kUser},
               {"password", kSecret},
               {"accounts", {{{"name", "first"}, {"token", kListSecret}}}}};
  }

  void TearDown() override {
    for (const auto& [name, value] : saved_) {
      if (value) {
        qputenv(name.c_str(), *value);
      } else {
        qunsetenv(name.c_str());
      }
    }
  }

  void setEnv(const std::string& name, const fs::path& value) {
    if (!saved_.count(name)) {
      saved_[name] = qEnvironmentVariableIsSet(name.c_str()) ? std::optional<QByteArray>(qgetenv(name.c_str())) : std::nullopt;
    }
    qputenv(name.c_str(), QByteArray::fromStdString(value.string()));
  }

  TempDir scratch_{"manifold-secret-scan"};
  fs::path root_ = scratch_.path() / "session";
  fs::path inputs_ = scratch_.path() / "inputs";  // files the test itself writes with the secret: not scanned
  LocalHttpServer api_;
  fs::path connector_;
  nlohmann::json config_;
  std::map<std::string, std::optional<QByteArray>> saved_;
};

TEST_F(SecretAtRest, NoFileTheSessionWritesHoldsTheTestingSecret) {
  // 1. A full test read through core/builder; its StreamRead is what the IDE shows and exports.
  builder::TestReadRequest request;
  request.manifestYaml = kManifest;
  request.manifestDir = connector_;
  request.config = config_;
  request.stream = "items";
  const auto read = builder::runTestRead(request, {});
  ASSERT_FALSE(read.error) << *read.error;
  ASSERT_EQ(read.recordCount, 2u);
  ASSERT_EQ(api_.requestCount(), 1u);
  // Export as the IDE's "copy JSON" would write it, and record the summary Contribute reads.
  fs::create_directories(connector_ / ".manifold");
  std::ofstream(connector_ / ".manifold/stream_read_export.json") << read.streamRead.dump(2);
  std::ofstream(connector_ / ".manifold/last_test_read.json")
      << R"({"finishedAt": "2026-12-07T12:00:00Z", "streams": [{"name": "items", "records": 2, "passed": true}]})";

  // 2. The testing values saved as the IDE saves them: secrets to the (session) secret store.
  ui::MemorySecretStore secrets;
  ui::TestingValuesStore store(&secrets);
  const nlohmann::json spec = nlohmann::json::parse(R"({"type": "object", "properties": {
      "base_url": {"type": "string"}, "user": {"type": "string"},
      "password": {"type": "string", "airbyte_secret": true},
      "accounts": {"type": "array", "items": {"type": "object", "properties": {
          "name": {"type": "string"}, "token": {"type": "string", "airbyte_secret": true}}}}}})");
  ASSERT_EQ(store.save(QString::fromStdString(connector_.string()), spec, config_), QString());
  ASSERT_TRUE(fs::exists(connector_ / ".manifold/testing_values.json"));
  // Connector config, secrets or not: readable by its owner only.
  EXPECT_EQ(fs::status(connector_ / ".manifold/testing_values.json").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  ASSERT_EQ(secrets.entries().size(), 2) << "both secrets, the list's one too, belong in the secret store";

  // 3. The editor's autosave of the open manifest.
  const ui::RecoveryStore recovery;
  ASSERT_EQ(recovery.save(QStringLiteral("scan-demo/manifest.yaml"),
                          QString::fromStdString((connector_ / "manifest.yaml").string()), QString::fromUtf8(kManifest)),
            QString());

  // 4. Contribute: the dry run, then the contribution to a fake GitHub.
  github::ContributionRequest contribution;
  contribution.connectorDir = connector_;
  contribution.upstream = "airbytehq/airbyte";
  contribution.secretValues = {kSecret, kListSecret};
  auto plan = github::planContribution(contribution);
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  FakeGitHub fake;
  fake.forkNotReadyPolls = 0;
  fake.start();
  github::GitHubClient client({.apiUrl = fake.baseUrl(), .token = FakeGitHub::kToken});
  github::ForkWaitPolicy quick;
  quick.sleep = [](std::chrono::milliseconds, std::stop_token) {};
  github::ContributionFlow flow(client, quick);
  const auto outcome = flow.run(contribution);
  ASSERT_TRUE(std::holds_alternative<github::ContributionResult>(outcome))
      << std::get<github::ContributionFailure>(outcome).describe();
  // What went to GitHub holds no secret either.
  for (const auto& [sha, blob] : fake.blobs) {
    for (const auto& secret : {kSecret, kListSecret}) {
      for (const auto& [form, text] : formsOf(secret)) EXPECT_EQ(blob.find(text), std::string::npos) << form << " in a blob";
    }
  }
  for (const auto& pull : fake.pulls) EXPECT_EQ(pull.body.find(kSecret), std::string::npos);

  // 5. manifold-cli as a user runs it in that session, with a config file of theirs. Records
  // are the API's data and stay as sent (the echo included); every other message is masked,
  // and whatever files the CLI writes are scanned below.
  fs::create_directories(inputs_);
  std::ofstream(inputs_ / "config.json") << config_.dump();
  std::vector<std::string> env;
  for (const auto& name : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "TMPDIR"}) {
    env.push_back(std::string(name) + "=" + qgetenv(name).toStdString());
  }
  manifold::testing::ProcessOptions options;
  options.extraEnv = env;
  const auto cli = manifold::testing::runProcess(
      manifold::testing::binaryPath("manifold-cli"),
      {"read", "--manifest", (connector_ / "manifest.yaml").string(), "--config", (inputs_ / "config.json").string()},
      options);
  ASSERT_EQ(cli.exitCode, 0) << cli.err << cli.out;
  std::istringstream lines(cli.out);
  for (std::string line; std::getline(lines, line);) {
    if (nlohmann::json::parse(line)["type"] == "RECORD") continue;
    EXPECT_EQ(line.find(kSecret), std::string::npos) << line;
  }

  // The scan: every file below the session's folders.
  std::set<std::string> scanned;
  const auto found = findSecrets(root_, scanned);
  EXPECT_TRUE(found.empty()) << [&] {
    std::string all;
    for (const auto& f : found) all += "\n  " + f;
    return "secrets found in files:" + all;
  }();
  // The scan looked at what each step wrote (or it proves nothing).
  for (const auto& expected : {"home/Manifold/connectors/scan-demo/.manifold/testing_values.json",
                               "home/Manifold/connectors/scan-demo/.manifold/stream_read_export.json"}) {
    EXPECT_TRUE(scanned.count(expected)) << expected << " was not scanned";
  }
  bool recoveryScanned = false;
  for (const auto& file : scanned) recoveryScanned = recoveryScanned || file.find("/recovery/") != std::string::npos;
  EXPECT_TRUE(recoveryScanned) << "no recovery copy below the session's data folder";
  // And the scanner finds a secret where one is: the user's own config file.
  std::set<std::string> ignored;
  EXPECT_FALSE(findSecrets(inputs_, ignored).empty());
  // The records the API echoed the secret into were masked, not dropped.
  EXPECT_NE(read.streamRead.dump().find("\"echo\""), std::string::npos);
}

}  // namespace
}  // namespace manifold::security
