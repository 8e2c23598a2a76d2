// ContributionPlan: which files of a connector folder go where in the catalog, and the PR text.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/github/github_error.h"

namespace manifold::github {

// Where a connector's files land in the catalog repository; "{name}" is the connector name
// without the "source-" prefix. An empty path leaves that file out.
struct CatalogLayout {
  std::string manifestPath = "airbyte-integrations/connectors/source-{name}/manifest.yaml";
  std::string metadataPath = "airbyte-integrations/connectors/source-{name}/metadata.yaml";
  std::string iconPath = "airbyte-integrations/connectors/source-{name}/icon.svg";
  std::string docsPath = "docs/integrations/sources/{name}.md";  // from the folder's README.md
};

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
};

struct PlannedFile {
  std::string sourcePath;  // relative to the connector folder ("README.md")
  std::string targetPath;  // in the catalog repository
  std::string content;
};

// The last test read the IDE recorded in .manifold/last_test_read.json:
// {"finishedAt": "...", "streams": [{"name": "...", "records": 12, "passed": true}]}
struct TestReadSummary {
  std::string finishedAt;
  struct Stream {
    std::string name;
    long long records = 0;
    bool passed = false;
  };
  std::vector<Stream> streams;
};

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

// Reads the folder and builds the plan, without any network call: the dry run a dialog shows.
// Refused when manifest.yaml is missing, the name is not ^[a-z0-9-]+$, or a file to send
// contains a testing-values secret (the message names the file, never the secret).
Result<ContributionPlan> planContribution(const ContributionRequest& request);

// Compares the streams of two manifests by name: added, changed (definition differs), removed.
void compareStreams(const std::string& originManifest, const std::string& currentManifest,
                    ContributionPlan& plan);

// Renders title (unless the request set one) and body from the plan's comparison and test read.
void applyTemplate(const ContributionRequest& request, ContributionPlan& plan);

}  // namespace manifold::github
