// Where a connector folder was published on Airbyte: .manifold/airbyte_publication.json.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/airbyte/airbyte_error.h"

namespace manifold::airbyte {

inline constexpr const char* kPublicationFile = ".manifold/airbyte_publication.json";

// One definition the folder was published as. The file holds one entry per (apiUrl,
// workspaceId), so publishing to a second workspace does not forget the first:
// {"publications": [{"apiUrl", "workspaceId", "definitionId", "name", "version",
//                    "publishedAt" (UTC, ISO 8601), "sourceId" (when one was created)}]}
// Nothing secret is ever written here.
struct Publication {
  std::string apiUrl;
  std::string workspaceId;
  std::string definitionId;
  std::string name;
  std::int64_t version = 0;
  std::string publishedAt;
  std::string sourceId;
};

struct PublicationRecord {
  std::vector<Publication> publications;

  const Publication* find(std::string_view apiUrl, std::string_view workspaceId) const;
  // Replaces the entry of the same apiUrl and workspace, or appends it.
  void put(Publication publication);
  void remove(std::string_view apiUrl, std::string_view workspaceId);
};

std::filesystem::path publicationPath(const std::filesystem::path& connectorDir);

// An empty record when the file does not exist; an error naming the file when it is unreadable.
Result<PublicationRecord> readPublicationRecord(const std::filesystem::path& connectorDir);
// Atomically, through core/workspace (a temporary file beside it, then a rename).
Result<bool> writePublicationRecord(const std::filesystem::path& connectorDir, const PublicationRecord& record);

// API URLs compare without a trailing slash.
std::string normalizedApiUrl(std::string_view apiUrl);

}  // namespace manifold::airbyte
