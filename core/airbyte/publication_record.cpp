#include "core/airbyte/publication_record.h"

#include <algorithm>
#include <system_error>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/workspace/file_io.h"

namespace manifold::airbyte {

namespace {

using nlohmann::json;

std::string text(const json& object, const char* key) {
  return object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : std::string();
}

}  // namespace

std::string normalizedApiUrl(std::string_view apiUrl) {
  std::string url(apiUrl);
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

const Publication* PublicationRecord::find(std::string_view apiUrl, std::string_view workspaceId) const {
  const std::string url = normalizedApiUrl(apiUrl);
  for (const auto& p : publications) {
    if (normalizedApiUrl(p.apiUrl) == url && p.workspaceId == workspaceId) return &p;
  }
  return nullptr;
}

void PublicationRecord::put(Publication publication) {
  publication.apiUrl = normalizedApiUrl(publication.apiUrl);
  for (auto& p : publications) {
    if (normalizedApiUrl(p.apiUrl) == publication.apiUrl && p.workspaceId == publication.workspaceId) {
      p = std::move(publication);
      return;
    }
  }
  publications.push_back(std::move(publication));
}

void PublicationRecord::remove(std::string_view apiUrl, std::string_view workspaceId) {
  const std::string url = normalizedApiUrl(apiUrl);
  std::erase_if(publications, [&](const Publication& p) {
    return normalizedApiUrl(p.apiUrl) == url && p.workspaceId == workspaceId;
  });
}

std::filesystem::path publicationPath(const std::filesystem::path& connectorDir) {
  return connectorDir / kPublicationFile;
}

Result<PublicationRecord> readPublicationRecord(const std::filesystem::path& connectorDir) {
  const auto path = publicationPath(connectorDir);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return PublicationRecord{};
  const auto content = workspace::readTextFile(path);
  if (!content) return makeError(AirbyteErrorKind::Refused, "cannot read " + path.string());
  const json body = json::parse(*content, nullptr, false);
  if (!body.is_object() || !body.contains("publications") || !body["publications"].is_array()) {
    return makeError(AirbyteErrorKind::Refused,
                     path.string() + " is not a publication record ({\"publications\": [...]}); fix or delete it");
  }
  PublicationRecord record;
  for (const auto& item : body["publications"]) {
    if (!item.is_object()) continue;
    Publication p;
    p.apiUrl = normalizedApiUrl(text(item, "apiUrl"));
    p.workspaceId = text(item, "workspaceId");
    p.definitionId = text(item, "definitionId");
    p.name = text(item, "name");
    if (item.contains("version") && item["version"].is_number_integer()) p.version = item["version"].get<std::int64_t>();
    p.publishedAt = text(item, "publishedAt");
    p.sourceId = text(item, "sourceId");
    if (p.workspaceId.empty() || p.definitionId.empty()) continue;
    record.publications.push_back(std::move(p));
  }
  return record;
}

Result<bool> writePublicationRecord(const std::filesystem::path& connectorDir, const PublicationRecord& record) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& p : record.publications) {
    nlohmann::ordered_json item;
    item["apiUrl"] = normalizedApiUrl(p.apiUrl);
    item["workspaceId"] = p.workspaceId;
    item["definitionId"] = p.definitionId;
    item["name"] = p.name;
    item["version"] = p.version;
    item["publishedAt"] = p.publishedAt;
    if (!p.sourceId.empty()) item["sourceId"] = p.sourceId;
    list.push_back(std::move(item));
  }
  nlohmann::ordered_json body;
  body["publications"] = std::move(list);
  auto written = workspace::writeFileAtomically(publicationPath(connectorDir), body.dump(2) + "\n");
  if (!written) return makeError(AirbyteErrorKind::Refused, written.error().message);
  return true;
}

}  // namespace manifold::airbyte
