#include "core/github/contribution_plan.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "core/manifest/manifest_loader.h"
#include "core/workspace/file_io.h"
#include "core/protocol/secret_masker.h"
#include "core/protocol/spec_secrets.h"

namespace manifold::github {

namespace {

namespace fs = std::filesystem;

GitHubError refused(std::string message) {
  GitHubError error;
  error.kind = GitHubErrorKind::Refused;
  error.message = std::move(message);
  return error;
}

nlohmann::json yamlToJson(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      nlohmann::json object = nlohmann::json::object();
      for (const auto& item : node) object[item.first.as<std::string>()] = yamlToJson(item.second);
      return object;
    }
    case YAML::NodeType::Sequence: {
      nlohmann::json array = nlohmann::json::array();
      for (const auto& item : node) array.push_back(yamlToJson(item));
      return array;
    }
    case YAML::NodeType::Scalar:
      return node.as<std::string>();
    default:
      return nullptr;
  }
}

std::string substituteName(std::string pattern, const std::string& name) {
  const std::string key = "{name}";
  for (auto pos = pattern.find(key); pos != std::string::npos; pos = pattern.find(key, pos)) {
    pattern.replace(pos, key.size(), name);
    pos += name.size();
  }
  return pattern;
}

std::map<std::string, std::string> streamsByName(const std::string& manifestText) {
  std::map<std::string, std::string> streams;
  const auto loaded = manifest::loadManifest(manifestText);
  if (!loaded.resolved.is_object() || !loaded.resolved.contains("streams")) return streams;
  const auto& list = loaded.resolved["streams"];
  if (!list.is_array()) return streams;
  for (const auto& stream : list) {
    if (!stream.is_object() || !stream.contains("name") || !stream["name"].is_string()) continue;
    streams[stream["name"].get<std::string>()] = stream.dump();
  }
  return streams;
}

std::optional<TestReadSummary> readTestSummary(const fs::path& file) {
  const auto text = workspace::readTextFile(file);
  if (!text) return std::nullopt;
  const auto json = nlohmann::json::parse(*text, nullptr, false);
  if (!json.is_object()) return std::nullopt;
  TestReadSummary summary;
  summary.finishedAt = json.value("finishedAt", std::string());
  if (json.contains("streams") && json["streams"].is_array()) {
    for (const auto& s : json["streams"]) {
      if (!s.is_object()) continue;
      TestReadSummary::Stream stream;
      stream.name = s.value("name", std::string());
      if (s.contains("records") && s["records"].is_number_integer()) stream.records = s["records"].get<long long>();
      stream.passed = s.value("passed", false);
      summary.streams.push_back(std::move(stream));
    }
  }
  return summary;
}

std::string bulletList(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += "- `" + item + "`\n";
  return text;
}

}  // namespace

void compareStreams(const std::string& originManifest, const std::string& currentManifest,
                    ContributionPlan& plan) {
  const auto before = streamsByName(originManifest);
  const auto after = streamsByName(currentManifest);
  plan.streamsAdded.clear();
  plan.streamsChanged.clear();
  plan.streamsRemoved.clear();
  for (const auto& [name, definition] : after) {
    const auto it = before.find(name);
    if (it == before.end()) {
      plan.streamsAdded.push_back(name);
    } else if (it->second != definition) {
      plan.streamsChanged.push_back(name);
    }
  }
  for (const auto& [name, definition] : before) {
    if (!after.contains(name)) plan.streamsRemoved.push_back(name);
  }
}

void applyTemplate(const ContributionRequest& request, ContributionPlan& plan) {
  const std::string connector = "source-" + plan.name;
  const bool update = !plan.origin.is_null();
  plan.title = !request.title.empty() ? request.title
               : update               ? "Update " + connector + " (low-code manifest)"
                                      : "New source: " + connector + " (low-code manifest)";
  plan.commitMessage = plan.title;
  if (!request.body.empty()) {
    plan.body = request.body;
    return;
  }
  std::string body = "## What\n\n";
  body += update ? "Updates the manifest-only connector `" + connector + "`"
                 : "Adds the manifest-only connector `" + connector + "`";
  body += ", built with Manifold.\n\n";
  if (update && plan.origin.is_object()) {
    body += "Forked from `" + plan.origin.value("repository", std::string("?")) + "` at commit `" +
            plan.origin.value("commit", std::string("?")) + "`.\n\n";
  }
  body += "## Streams\n\n";
  if (!plan.streamsAdded.empty()) body += "Added:\n" + bulletList(plan.streamsAdded) + "\n";
  if (!plan.streamsChanged.empty()) body += "Changed:\n" + bulletList(plan.streamsChanged) + "\n";
  if (!plan.streamsRemoved.empty()) body += "Removed:\n" + bulletList(plan.streamsRemoved) + "\n";
  if (plan.streamsAdded.empty() && plan.streamsChanged.empty() && plan.streamsRemoved.empty()) {
    body += "No stream added, changed or removed.\n\n";
  }
  body += "## Testing\n\n";
  if (plan.lastTestRead) {
    body += "Last test read" +
            (plan.lastTestRead->finishedAt.empty() ? std::string() : " at " + plan.lastTestRead->finishedAt) +
            ":\n\n| Stream | Records | Result |\n|---|---|---|\n";
    for (const auto& s : plan.lastTestRead->streams) {
      body += "| `" + s.name + "` | " + std::to_string(s.records) + " | " + (s.passed ? "passed" : "failed") + " |\n";
    }
  } else {
    body += "No test read recorded.\n";
  }
  body += "\n## Files\n\n";
  for (const auto& file : plan.files) body += "- `" + file.targetPath + "`\n";
  plan.body = body;
}

Result<ContributionPlan> planContribution(const ContributionRequest& request) {
  const fs::path dir = request.connectorDir;
  const auto manifestText = workspace::readTextFile(dir / "manifest.yaml");
  if (!manifestText) {
    return refused("cannot contribute '" + dir.string() + "': it has no readable manifest.yaml");
  }
  ContributionPlan plan;

  // The name: metadata.yaml's data.name, else the folder's name; "source-" is the catalog's prefix.
  const auto metadataText = workspace::readTextFile(dir / "metadata.yaml");
  std::string name;
  if (metadataText) {
    try {
      const YAML::Node metadata = YAML::Load(*metadataText);
      if (metadata["data"] && metadata["data"]["name"]) name = metadata["data"]["name"].as<std::string>();
      if (metadata["origin"]) plan.origin = yamlToJson(metadata["origin"]);
    } catch (const YAML::Exception& e) {
      return refused("cannot contribute: metadata.yaml is not valid YAML: " + std::string(e.what()));
    }
  }
  if (name.empty()) name = fs::absolute(dir).lexically_normal().filename().string();
  if (name.empty()) name = fs::absolute(dir).lexically_normal().parent_path().filename().string();
  if (name.rfind("source-", 0) == 0) name = name.substr(7);
  static const std::regex kNamePattern("^[a-z0-9-]+$");
  if (!std::regex_match(name, kNamePattern)) {
    return refused("cannot contribute: the connector name 'source-" + name +
                   "' does not match ^source-[a-z0-9-]+$; rename it in metadata.yaml (data.name)");
  }
  plan.name = name;
  plan.branch = request.branch.empty() ? "manifold/source-" + name : request.branch;

  const auto add = [&](const std::string& source, const std::string& pattern,
                       const std::optional<std::string>& content) {
    if (!content || pattern.empty()) return;
    plan.files.push_back({source, substituteName(pattern, name), *content});
  };
  add("manifest.yaml", request.layout.manifestPath, manifestText);
  add("metadata.yaml", request.layout.metadataPath, metadataText);
  add("icon.svg", request.layout.iconPath, workspace::readTextFile(dir / "icon.svg"));
  add("README.md", request.layout.docsPath, workspace::readTextFile(dir / "README.md"));
  if (!metadataText) plan.warnings.push_back("metadata.yaml is missing; the catalog needs one");
  if (!workspace::readTextFile(dir / "README.md")) plan.warnings.push_back("README.md is missing; the catalog's docs page will be empty");

  // Secrets: what the caller passed, plus secret fields found in the local testing values.
  std::vector<std::string> secrets = request.secretValues;
  const auto loaded = manifest::loadManifest(*manifestText);
  if (!loaded.ok()) plan.warnings.push_back("manifest.yaml does not validate cleanly");
  if (const auto values = workspace::readTextFile(dir / ".manifold" / "testing_values.json")) {
    const auto config = nlohmann::json::parse(*values, nullptr, false);
    if (config.is_object() && loaded.resolved.is_object() && loaded.resolved.contains("spec")) {
      const nlohmann::json spec = nlohmann::json::parse(loaded.resolved["spec"].dump());
      if (spec.contains("connection_specification")) {
        for (auto& s : protocol::secretsFromConfig(spec["connection_specification"], config)) secrets.push_back(s);
      }
    }
  }
  protocol::SecretMasker masker;
  for (const auto& s : secrets) masker.add(s);
  for (const auto& file : plan.files) {
    for (const auto& form : masker.forms()) {
      if (file.content.find(form) != std::string::npos) {
        return refused("refusing to contribute: " + file.sourcePath +
                       " contains the value of a secret testing field; remove it and try again");
      }
    }
  }

  plan.lastTestRead = readTestSummary(dir / ".manifold" / "last_test_read.json");
  if (!plan.lastTestRead) {
    plan.warnings.push_back("no test read is recorded; reviewers expect every stream to have been read");
  } else {
    for (const auto& s : plan.lastTestRead->streams) {
      if (!s.passed) plan.warnings.push_back("the last test read of stream '" + s.name + "' failed");
    }
  }
  compareStreams(request.originManifest.value_or(std::string()), *manifestText, plan);
  applyTemplate(request, plan);
  return plan;
}

}  // namespace manifold::github
