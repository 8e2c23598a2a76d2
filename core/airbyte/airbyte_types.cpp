#include "core/airbyte/airbyte_types.h"

namespace manifold::airbyte {

namespace {

using nlohmann::json;

std::string text(const json& body, const char* key) {
  if (body.is_object() && body.contains(key) && body[key].is_string()) return body[key].get<std::string>();
  return "";
}

std::optional<std::int64_t> integer(const json& body, const char* key) {
  if (!body.is_object() || !body.contains(key)) return std::nullopt;
  const json& value = body[key];
  if (value.is_number_integer()) return value.get<std::int64_t>();
  if (value.is_number_float()) return static_cast<std::int64_t>(value.get<double>());
  return std::nullopt;
}

}  // namespace

bool Job::finished() const { return status == "succeeded" || status == "failed" || status == "cancelled"; }

std::optional<Workspace> parseWorkspace(const json& body) {
  Workspace workspace{text(body, "workspaceId"), text(body, "name")};
  if (workspace.workspaceId.empty()) return std::nullopt;
  return workspace;
}

std::optional<DeclarativeSourceDefinition> parseDefinition(const json& body) {
  DeclarativeSourceDefinition definition;
  definition.id = text(body, "id");
  definition.name = text(body, "name");
  if (definition.id.empty()) return std::nullopt;
  definition.version = integer(body, "version").value_or(0);
  if (body.contains("manifest")) {
    definition.manifest = body["manifest"];
    // Some versions answer the manifest as JSON text; read it as the object it stands for.
    if (definition.manifest.is_string()) {
      auto parsed = json::parse(definition.manifest.get<std::string>(), nullptr, false);
      if (!parsed.is_discarded()) definition.manifest = std::move(parsed);
    }
  }
  return definition;
}

std::optional<Source> parseSource(const json& body) {
  Source source{text(body, "sourceId"), text(body, "name"), text(body, "definitionId"), text(body, "workspaceId")};
  if (source.sourceId.empty()) return std::nullopt;
  return source;
}

std::optional<Connection> parseConnection(const json& body) {
  Connection connection{text(body, "connectionId"), text(body, "name"), text(body, "sourceId"),
                        text(body, "destinationId"), text(body, "status")};
  if (connection.connectionId.empty()) return std::nullopt;
  return connection;
}

std::optional<Job> parseJob(const json& body) {
  const auto id = integer(body, "jobId");
  if (!id) return std::nullopt;
  Job job;
  job.jobId = *id;
  job.status = text(body, "status");
  if (job.status.empty()) return std::nullopt;
  job.jobType = text(body, "jobType");
  job.connectionId = text(body, "connectionId");
  job.startTime = text(body, "startTime");
  job.duration = text(body, "duration");
  job.rowsSynced = integer(body, "rowsSynced");
  job.bytesSynced = integer(body, "bytesSynced");
  return job;
}

std::string webAppUrl(std::string_view apiUrl) {
  std::string url(apiUrl);
  while (!url.empty() && url.back() == '/') url.pop_back();
  const std::string cloud = "https://api.airbyte.com";
  if (url.rfind(cloud, 0) == 0) return "https://cloud.airbyte.com";
  for (const std::string suffix : {"/api/public/v1", "/api/public", "/api/v1", "/v1"}) {
    if (url.size() >= suffix.size() && url.compare(url.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return url.substr(0, url.size() - suffix.size());
    }
  }
  return url;
}

std::string workspaceSourcesUrl(std::string_view apiUrl, std::string_view workspaceId) {
  return webAppUrl(apiUrl) + "/workspaces/" + std::string(workspaceId) + "/source";
}

std::string connectionJobsUrl(std::string_view apiUrl, std::string_view workspaceId, std::string_view connectionId) {
  return webAppUrl(apiUrl) + "/workspaces/" + std::string(workspaceId) + "/connections/" +
         std::string(connectionId) + "/timeline";
}

}  // namespace manifold::airbyte
