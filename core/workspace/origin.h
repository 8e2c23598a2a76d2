// Origin: where a forked connector came from, kept in its metadata.yaml under `origin:`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace manifold::workspace {

struct Origin {
  std::string catalog;     // "bundled" or "github"
  std::string repository;  // "airbytehq/airbyte"; empty for the bundled catalog
  std::string branch;      // the branch listed when forking; empty for the bundled catalog
  std::string path;        // the connector's folder in the catalog ("manifests/demo")
  std::string commit;      // the commit SHA the files came from; empty for the bundled catalog
  std::string version;     // the bundled catalog's Manifold version; empty for GitHub
  std::string date;        // when it was forked, ISO 8601 UTC
};

// The `origin:` mapping of a metadata.yaml text, or nullopt when it has none or is not YAML.
std::optional<Origin> readOrigin(std::string_view metadataText);

// The text with its top-level `origin:` block replaced by (or appended as) this one. Only that
// block's lines change: other keys, comments and formatting stay as the user wrote them.
std::string writeOrigin(std::string_view metadataText, const Origin& origin);

// The text without its top-level `origin:` block.
std::string removeOrigin(std::string_view metadataText);

// Now, as "2026-11-25T14:03:07Z".
std::string utcNowIso();

}  // namespace manifold::workspace
