#include "core/manifest/connector_metadata.h"

#include "core/manifest/document.h"

namespace manifold::manifest {

AllowedHosts allowedHostsFromMetadata(std::string_view metadataYaml) {
  AllowedHosts result;
  const auto document = Document::parse(metadataYaml);
  if (!document.loaded()) {
    if (document.diagnostics().empty()) {
      result.error = "metadata.yaml is not a YAML mapping";
    } else {
      const auto& first = document.diagnostics().front();
      result.error = "metadata.yaml line " + std::to_string(first.line) + ": " + first.message;
    }
    return result;
  }
  const auto& root = document.root();
  const auto data = root.find("data");
  if (data == root.end() || !data->is_object()) return result;
  const auto allowed = data->find("allowedHosts");
  if (allowed == data->end() || allowed->is_null()) return result;
  const auto where = [&](std::string_view pointer) {
    return "metadata.yaml line " + std::to_string(document.locate(pointer).line);
  };
  const auto hosts = allowed->is_object() ? allowed->find("hosts") : allowed->end();
  if (hosts == allowed->end() || !hosts->is_array()) {
    result.error = where("/data/allowedHosts") + ": allowedHosts must hold a list under 'hosts'";
    return result;
  }
  std::vector<std::string> patterns;
  for (std::size_t i = 0; i < hosts->size(); ++i) {
    const auto& host = (*hosts)[i];
    if (!host.is_string()) {
      result.error = where("/data/allowedHosts/hosts/" + std::to_string(i)) + ": each allowed host must be a string";
      return result;
    }
    patterns.push_back(host.get<std::string>());
  }
  result.hosts = std::move(patterns);
  return result;
}

}  // namespace manifold::manifest
