// ContributionPlan: which files of a connector folder go where in the catalog, and the PR text.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/builder/test_read_record.h"
#include "core/github/github_error.h"

namespace manifold::github {

// Where a connector's files land in the catalog repository: a setting per catalog, these are
// Airbyte's. "{name}" is the connector name without the "source-" prefix; an empty path leaves
// that file out.
struct CatalogLayout {
  std::string manifestPath = "airbyte-integrations/connectors/source-{name}/manifest.yaml";
  std::string metadataPath = "airbyte-integrations/connectors/source-{name}/metadata.yaml";
  std::string iconPath = "airbyte-integrations/connectors/source-{name}/icon.svg";
  std::string acceptanceTestsPath = "airbyte-integrations/connectors/source-{name}/acceptance-test-config.yml";
  std::string docsPath = "docs/integrations/sources/{name}.md";  // from the folder's README.md
  // The catalog's developer README, generated for a new connector (the folder's README.md is
  // the user documentation above).
  std::string readmePath = "airbyte-integrations/connectors/source-{name}/README.md";
  // metadata.yaml's connectorBuildOptions.baseImage; "{version}" is the manifest's version.
  std::string baseImage = "docker.io/airbyte/source-declarative-manifest:{version}";
  std::string defaultBaseImageVersion = "6.7.0";  // when the manifest's version is not x.y.z
};

// The layout as JSON ({"manifestPath": ..., ...}) and back; missing keys keep the defaults, so a
// stored setting survives new fields.
nlohmann::json toJson(const CatalogLayout& layout);
CatalogLayout catalogLayoutFromJson(const nlohmann::json& json);

struct ContributionRequest {
  std::filesystem::path connectorDir{};  // manifest.yaml, metadata.yaml, README.md, icon.svg
  std::string upstream{};                // "owner/name" of the catalog repository
  std::string baseBranch{};              // empty: the upstream's default branch
  std::string branch{};                  // empty: manifold/source-<name>
  std::string title{};                   // empty: from the template
  std::string body{};                    // empty: from the template
  CatalogLayout layout{};
  // Secret values the user tested with (from the keychain or a config file). Secrets found in
  // .manifold/testing_values.json (fields the spec marks airbyte_secret) are added to these.
  std::vector<std::string> secretValues{};
  // The manifest the connector was forked from, for "streams added/changed"; when absent and
  // metadata.yaml has an origin, the flow fetches it from the origin repository.
  std::optional<std::string> originManifest{};
  // Generate the catalog files a new connector lacks (metadata.yaml, README.md, icon.svg,
  // acceptance-test-config.yml); saveGeneratedFiles() keeps them in the folder afterwards.
  bool generateMissing = true;
};

struct PlannedFile {
  std::string sourcePath;  // relative to the connector folder ("README.md"); empty: catalog-only
  std::string targetPath;  // in the catalog repository
  std::string content;
  bool generated = false;  // made by Manifold because the folder lacks it
};

// The last test read of each stream, as the IDE records it (.manifold/last_test_read.json).
using TestReadSummary = builder::TestReadRecord;

struct ContributionPlan {
  std::string name;          // connector name without "source-" ("demo")
  std::string branch;        // "manifold/source-demo"
  std::string title;
  std::string body;
  std::string commitMessage;
  std::vector<PlannedFile> files;  // never anything under .manifold/
  std::vector<std::string> streamsAdded;
  std::vector<std::string> streamsChanged;
  std::vector<std::string> streamsRemoved;
  nlohmann::json origin;     // metadata.yaml's origin: block, null when absent
  std::optional<TestReadSummary> lastTestRead;
  std::vector<std::string> warnings;  // things a reviewer would flag; the user may go on
};

// Reads the folder and builds the plan, without any network call and without writing: the dry
// run a dialog shows. Refused when manifest.yaml is missing, the name is not ^[a-z0-9-]+$ once
// prefixed, or a file to send contains a testing-values secret (the message names the file,
// never the secret). What a reviewer would flag becomes a warning: validation findings, streams
// without a passing test read since their definition last changed, files the catalog needs.
// A new connector (no origin) that lacks metadata.yaml, README.md, icon.svg or
// acceptance-test-config.yml gets them generated; a fork's missing files are left out, so the
// catalog's own stay.
Result<ContributionPlan> planContribution(const ContributionRequest& request);

// Writes the plan's generated folder files into the connector folder (never over an existing
// file), so they are generated once: the next plan reads them, with the same definitionId.
// Returns the files written (relative paths).
Result<std::vector<std::string>> saveGeneratedFiles(const std::filesystem::path& connectorDir,
                                                    const ContributionPlan& plan);

// Compares the streams of two manifests by name: added, changed (definition differs), removed.
void compareStreams(const std::string& originManifest, const std::string& currentManifest,
                    ContributionPlan& plan);

// Renders title (unless the request set one) and body from the plan's comparison and test read.
void applyTemplate(const ContributionRequest& request, ContributionPlan& plan);

}  // namespace manifold::github
