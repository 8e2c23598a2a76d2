#include "core/github/contribution_plan.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "core/github/allowed_hosts_edit.h"
#include "core/github/catalog_files.h"
#include "core/hosts/allowed_hosts_entries.h"
#include "core/interpolation/encoding.h"
#include "core/manifest/connector_metadata.h"
#include "core/manifest/manifest_loader.h"
#include "core/workspace/origin.h"
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

nlohmann::json toJson(const CatalogLayout& layout) {
  return {{"manifestPath", layout.manifestPath},       {"metadataPath", layout.metadataPath},
          {"iconPath", layout.iconPath},               {"acceptanceTestsPath", layout.acceptanceTestsPath},
          {"docsPath", layout.docsPath},               {"readmePath", layout.readmePath},
          {"baseImage", layout.baseImage},             {"defaultBaseImageVersion", layout.defaultBaseImageVersion}};
}

CatalogLayout catalogLayoutFromJson(const nlohmann::json& json) {
  CatalogLayout layout;
  if (!json.is_object()) return layout;
  const auto take = [&json](const char* key, std::string& field) {
    if (json.contains(key) && json[key].is_string()) field = json[key].get<std::string>();
  };
  take("manifestPath", layout.manifestPath);
  take("metadataPath", layout.metadataPath);
  take("iconPath", layout.iconPath);
  take("acceptanceTestsPath", layout.acceptanceTestsPath);
  take("docsPath", layout.docsPath);
  take("readmePath", layout.readmePath);
  take("baseImage", layout.baseImage);
  take("defaultBaseImageVersion", layout.defaultBaseImageVersion);
  return layout;
}

namespace {

// The connector's catalog name without "source-": metadata.yaml's dockerRepository
// ("airbyte/source-x"), else its data.name when that is an identifier (the bundled catalog's
// style), else the folder's name.
std::string connectorName(const YAML::Node& metadata, const fs::path& dir) {
  if (metadata && metadata["data"]) {
    const YAML::Node data = metadata["data"];
    if (data["dockerRepository"] && data["dockerRepository"].IsScalar()) {
      std::string repository = data["dockerRepository"].as<std::string>();
      repository = repository.substr(repository.rfind('/') == std::string::npos ? 0 : repository.rfind('/') + 1);
      if (repository.rfind("source-", 0) == 0) return repository.substr(7);
    }
    if (data["name"] && data["name"].IsScalar()) {
      const std::string name = data["name"].as<std::string>();
      if (name.find(' ') == std::string::npos) return name;
    }
  }
  std::string name = fs::absolute(dir).lexically_normal().filename().string();
  if (name.empty()) name = fs::absolute(dir).lexically_normal().parent_path().filename().string();
  return name;
}

std::string baseImageFor(const CatalogLayout& layout, const nlohmann::ordered_json& resolved) {
  static const std::regex kSemver("^[0-9]+\\.[0-9]+\\.[0-9]+$");
  std::string version = resolved.is_object() && resolved.contains("version") && resolved["version"].is_string()
                            ? resolved["version"].get<std::string>()
                            : std::string();
  if (!std::regex_match(version, kSemver)) version = layout.defaultBaseImageVersion;
  std::string image = layout.baseImage;
  const std::string key = "{version}";
  if (const auto pos = image.find(key); pos != std::string::npos) image.replace(pos, key.size(), version);
  return image;
}

std::string describeDiagnostic(const manifest::Diagnostic& d) {
  return (d.line > 0 ? "line " + std::to_string(d.line) + ": " : std::string()) + d.message;
}

void addValidationWarnings(const manifest::Diagnostics& diagnostics, ContributionPlan& plan) {
  for (const auto severity : {manifest::Severity::Error, manifest::Severity::Warning}) {
    std::vector<std::string> found;
    for (const auto& d : diagnostics) {
      if (d.severity == severity) found.push_back(describeDiagnostic(d));
    }
    if (found.empty()) continue;
    std::string text = "manifest.yaml does not validate cleanly: " + std::to_string(found.size()) + " " +
                       (severity == manifest::Severity::Error ? (found.size() == 1 ? "error" : "errors")
                                                              : (found.size() == 1 ? "warning" : "warnings")) +
                       " (";
    for (std::size_t i = 0; i < found.size() && i < 3; ++i) text += (i == 0 ? "" : "; ") + found[i];
    if (found.size() > 3) text += "; …";
    plan.warnings.push_back(text + ")");
  }
}

void addTestReadWarnings(const nlohmann::ordered_json& resolved, ContributionPlan& plan) {
  const auto fingerprints = builder::streamFingerprints(resolved);
  if (!plan.lastTestRead) {
    plan.warnings.push_back("no test read is recorded; reviewers expect every stream to have been read");
    return;
  }
  for (const auto& [stream, fingerprint] : fingerprints) {
    const auto* tested = plan.lastTestRead->find(stream);
    if (tested == nullptr) {
      plan.warnings.push_back("stream '" + stream + "' has no test read; test it before contributing");
    } else if (!tested->passed) {
      plan.warnings.push_back("the last test read of stream '" + stream + "' failed");
    } else if (!tested->fingerprint.empty() && tested->fingerprint != fingerprint) {
      plan.warnings.push_back("stream '" + stream + "' changed since its last passing test read" +
                              (tested->testedAt.empty() ? std::string() : " (" + tested->testedAt + ")") +
                              "; test it again");
    }
  }
}

}  // namespace

Result<ContributionPlan> planContribution(const ContributionRequest& request) {
  const fs::path dir = request.connectorDir;
  const auto manifestText = workspace::readTextFile(dir / "manifest.yaml");
  if (!manifestText) {
    return refused("cannot contribute '" + dir.string() + "': it has no readable manifest.yaml");
  }
  ContributionPlan plan;

  const auto metadataText = workspace::readTextFile(dir / "metadata.yaml");
  YAML::Node metadata;
  if (metadataText) {
    try {
      metadata = YAML::Load(*metadataText);
      if (!metadata.IsMap() && !metadata.IsNull()) {
        return refused("cannot contribute: metadata.yaml is not a mapping (it should hold data: and its fields)");
      }
      if (metadata["origin"]) plan.origin = yamlToJson(metadata["origin"]);
    } catch (const YAML::Exception& e) {
      return refused("cannot contribute: metadata.yaml is not valid YAML: " + std::string(e.what()));
    }
  }
  std::string name;
  bool hasDefinitionId = false;
  try {
    name = connectorName(metadata, dir);
    hasDefinitionId = metadata["data"] && metadata["data"].IsMap() && metadata["data"]["definitionId"];
  } catch (const YAML::Exception& e) {
    return refused("cannot contribute: metadata.yaml's data: is not a mapping: " + std::string(e.what()));
  }
  if (name.rfind("source-", 0) == 0) name = name.substr(7);
  static const std::regex kNamePattern("^source-[a-z0-9-]+$");
  if (!std::regex_match("source-" + name, kNamePattern)) {
    return refused("cannot contribute: the connector name 'source-" + name +
                   "' does not match ^source-[a-z0-9-]+$; rename it in metadata.yaml (data.name)");
  }
  plan.name = name;
  plan.branch = request.branch.empty() ? "manifold/source-" + name : request.branch;

  const auto loaded = manifest::loadManifest(*manifestText);
  const bool isNew = plan.origin.is_null();
  CatalogFileInputs inputs;
  inputs.name = name;
  inputs.title = titleFromName(name);
  inputs.baseImage = baseImageFor(request.layout, loaded.resolved);
  inputs.definitionId = interpolation::uuid4();
  inputs.releaseDate = workspace::utcNowIso().substr(0, 10);
  inputs.resolvedManifest = loaded.resolved;
  // allowedHosts: what the manifest names (a templated host as its ${field} placeholder) and every
  // host a recorded test read of a stream the manifest still has contacted (token endpoints,
  // logins, next-page links on other hosts).
  const auto valuesText = workspace::readTextFile(dir / ".manifold" / "testing_values.json");
  const nlohmann::json testingConfig = valuesText ? nlohmann::json::parse(*valuesText, nullptr, false) : nlohmann::json();
  const nlohmann::json hostConfig = testingConfig.is_object() ? testingConfig : nlohmann::json::object();
  std::vector<std::string> seenHosts;
  if (const auto record = builder::readTestReadRecord(dir)) {
    std::vector<std::string> streams;
    for (const auto& [streamName, fingerprint] : builder::streamFingerprints(loaded.resolved)) streams.push_back(streamName);
    seenHosts = record->hosts(&streams);
  }
  const auto hostEntries = hosts::allowedHostsEntries(loaded.resolved, hostConfig, seenHosts);
  inputs.allowedHosts = hostEntries.entries;
  std::optional<std::string> metadataContent = metadataText;
  if (metadataText) {
    const auto declared = manifest::allowedHostsFromMetadata(*metadataText);
    const auto missing =
        declared.error.empty()
            ? hosts::undeclaredEntries(declared.hosts.value_or(std::vector<std::string>{}), hostEntries.entries, hostConfig)
            : std::vector<std::string>{};
    std::string list;
    for (const auto& host : missing) list += (list.empty() ? "" : ", ") + host;
    if (!missing.empty()) {
      if (auto edited = addAllowedHosts(*metadataText, missing)) {
        metadataContent = std::move(edited);
        plan.warnings.push_back("metadata.yaml's allowedHosts gets " + list +
                                ", which the manifest names or test reads contacted; check them in the diff");
      } else {
        plan.warnings.push_back("the manifest names or test reads contacted " + list +
                                ", which metadata.yaml's allowedHosts does not list; add them by hand");
      }
    }
  }

  // Each folder file, or the generated one a new connector lacks; a fork's missing file is left
  // out so the catalog's copy stays.
  const auto add = [&](const std::string& source, const std::string& pattern, std::optional<std::string> content,
                       std::string (*generate)(const CatalogFileInputs&)) {
    if (pattern.empty()) return;
    bool generated = false;
    if (!content && generate != nullptr && isNew && request.generateMissing) {
      content = generate(inputs);
      generated = true;
    }
    if (!content) return;
    plan.files.push_back({source, substituteName(pattern, name), *content, generated});
  };
  add("manifest.yaml", request.layout.manifestPath, manifestText, nullptr);
  add("metadata.yaml", request.layout.metadataPath, metadataContent, &generateMetadata);
  add("icon.svg", request.layout.iconPath, workspace::readTextFile(dir / "icon.svg"), &generateIcon);
  add("README.md", request.layout.docsPath, workspace::readTextFile(dir / "README.md"), &generateDocsPage);
  add("acceptance-test-config.yml", request.layout.acceptanceTestsPath,
      workspace::readTextFile(dir / "acceptance-test-config.yml"), &generateAcceptanceTestConfig);
  if (isNew && request.generateMissing && !request.layout.readmePath.empty()) {
    plan.files.push_back({"", substituteName(request.layout.readmePath, name),
                          generateDeveloperReadme(inputs, substituteName(request.layout.docsPath, name)), true});
  }

  // What a reviewer would flag.
  if (!metadataText && !(isNew && request.generateMissing)) {
    plan.warnings.push_back("metadata.yaml is missing; the catalog needs one");
  } else if (metadataText && !hasDefinitionId) {
    plan.warnings.push_back("metadata.yaml has no data.definitionId; the catalog needs one (a UUID)");
  }
  if (!workspace::readTextFile(dir / "README.md") && !(isNew && request.generateMissing)) {
    plan.warnings.push_back("README.md is missing; the catalog's docs page will not change");
  }
  for (const auto& url : hostEntries.unlisted) {
    plan.warnings.push_back("'" + url + "' has a host templated from more than config fields; list its hosts in "
                            "metadata.yaml's allowedHosts by hand");
  }
  addValidationWarnings(loaded.diagnostics, plan);

  // Secrets: what the caller passed, plus secret fields found in the local testing values.
  std::vector<std::string> secrets = request.secretValues;
  {
    const auto& config = testingConfig;
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
        return refused("refusing to contribute: " + (file.sourcePath.empty() ? file.targetPath : file.sourcePath) +
                       " contains the value of a secret testing field; remove it and try again");
      }
    }
  }

  plan.lastTestRead = builder::readTestReadRecord(dir);
  addTestReadWarnings(loaded.resolved, plan);
  compareStreams(request.originManifest.value_or(std::string()), *manifestText, plan);
  applyTemplate(request, plan);
  return plan;
}

Result<std::vector<std::string>> saveGeneratedFiles(const fs::path& connectorDir, const ContributionPlan& plan) {
  std::vector<std::string> written;
  for (const auto& file : plan.files) {
    if (!file.generated || file.sourcePath.empty()) continue;
    const fs::path target = connectorDir / file.sourcePath;
    std::error_code ec;
    if (fs::exists(target, ec)) continue;
    const auto saved = workspace::writeFileAtomically(target, file.content);
    if (!saved) {
      GitHubError error;
      error.kind = GitHubErrorKind::Refused;
      error.message = "cannot save the generated " + file.sourcePath + " in " + connectorDir.string() + ": " +
                      saved.error().message;
      return error;
    }
    written.push_back(file.sourcePath);
  }
  return written;
}

}  // namespace manifold::github
