// What the engine reads from a connector's metadata.yaml (Airbyte's layout, fields under `data:`).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace manifold::manifest {

struct AllowedHosts {
  // data.allowedHosts.hosts as written (placeholders unresolved); nullopt when not declared.
  std::optional<std::vector<std::string>> hosts;
  std::string error;  // set when the file or the field is malformed: where and what
};

AllowedHosts allowedHostsFromMetadata(std::string_view metadataYaml);

}  // namespace manifold::manifest
