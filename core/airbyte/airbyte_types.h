// The Airbyte public API v1 objects Manifold reads, parsed from the API's JSON field names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace manifold::airbyte {

// WorkspaceResponse: {"workspaceId", "name", "dataResidency"}
struct Workspace {
  std::string workspaceId;
  std::string name;
};

// DeclarativeSourceDefinitionResponse: {"id", "name", "manifest" (object), "version" (int64)}
struct DeclarativeSourceDefinition {
  std::string id;
  std::string name;
  std::int64_t version = 0;
  nlohmann::json manifest;  // null when the answer did not carry it
};

// SourceResponse: {"sourceId", "name", "sourceType", "definitionId", "workspaceId", "configuration"}
struct Source {
  std::string sourceId;
  std::string name;
  std::string definitionId;
  std::string workspaceId;
};

// ConnectionResponse: {"connectionId", "name", "sourceId", "destinationId", "workspaceId", "status"}
struct Connection {
  std::string connectionId;
  std::string name;
  std::string sourceId;
  std::string destinationId;
  std::string status;  // "active", "inactive", "deprecated"
};

// JobResponse: {"jobId" (int64), "status", "jobType", "connectionId", "startTime", "duration",
// "bytesSynced", "rowsSynced"}; status is one of JobStatusEnum: pending, running, incomplete,
// failed, succeeded, cancelled ("incomplete": an attempt failed and Airbyte retries).
struct Job {
  std::int64_t jobId = 0;
  std::string status;
  std::string jobType;
  std::string connectionId;
  std::string startTime;
  std::string duration;  // ISO 8601, when reported
  std::optional<std::int64_t> rowsSynced;
  std::optional<std::int64_t> bytesSynced;

  // succeeded, failed and cancelled end a job; pending, running and incomplete do not.
  bool finished() const;
};

// nullopt when a required field is missing or of the wrong type.
std::optional<Workspace> parseWorkspace(const nlohmann::json& body);
std::optional<DeclarativeSourceDefinition> parseDefinition(const nlohmann::json& body);
std::optional<Source> parseSource(const nlohmann::json& body);
std::optional<Connection> parseConnection(const nlohmann::json& body);
std::optional<Job> parseJob(const nlohmann::json& body);

// Where a user sees things in Airbyte's web app, from the API URL: Cloud's api.airbyte.com
// becomes cloud.airbyte.com; a self-managed ".../api/public/v1" becomes the same origin.
std::string webAppUrl(std::string_view apiUrl);
std::string workspaceSourcesUrl(std::string_view apiUrl, std::string_view workspaceId);
std::string connectionJobsUrl(std::string_view apiUrl, std::string_view workspaceId, std::string_view connectionId);

}  // namespace manifold::airbyte
