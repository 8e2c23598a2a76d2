// The checks before a manifest goes to Airbyte: what refuses publishing and what only warns.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/airbyte/airbyte_error.h"

namespace manifold::airbyte {

struct PublishPreparation {
  std::string manifestText;
  // The manifest as written (refs and $parameters unresolved: Airbyte's engine resolves them),
  // YAML typed as the reference reads it: the "manifest" object sent to Airbyte.
  nlohmann::ordered_json manifest;
  std::string manifestVersion;   // the manifest's `version`
  std::string defaultName;       // metadata.yaml's data.name, else the folder's name
  std::vector<std::string> streams;
  nlohmann::json connectionSpecification;  // spec.connection_specification, null when absent
  std::vector<std::string> warnings;       // the user may go on
};

// Reads <dir>/manifest.yaml and checks it. Refused (kind Refused, message naming file and line):
// no readable manifest; custom Python components (class_name), which Airbyte's declarative
// source definitions cannot run; any validation error. Warnings: validation warnings, and
// every stream without a passing test read since manifest.yaml last changed, read from
// .manifold/last_test_read.json ({"finishedAt": ISO 8601 UTC, "streams": [{"name",
// "records", "passed"}]}, the file the IDE writes and the contribution plan reads).
Result<PublishPreparation> preparePublish(const std::filesystem::path& connectorDir);

// "2026-11-25T10:00:00Z" (fractions and offsets accepted) as a system-clock time; nullopt when unreadable.
std::optional<std::chrono::system_clock::time_point> parseUtcTimestamp(const std::string& text);
// Now, as "YYYY-MM-DDTHH:MM:SSZ".
std::string utcTimestampNow();

}  // namespace manifold::airbyte
