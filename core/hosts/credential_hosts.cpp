#include "core/hosts/credential_hosts.h"

#include "core/workspace/file_io.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace manifold::hosts {
namespace {

constexpr const char* kAcceptedFile = "accepted_credential_hosts.json";

std::filesystem::path acceptedPath(const std::filesystem::path& connectorDir) {
  return connectorDir / ".manifold" / kAcceptedFile;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

std::vector<CredentialHost> credentialHostsElsewhere(const std::vector<ManifestHost>& hosts) {
  std::vector<std::string> apiHosts;
  for (const auto& host : hosts) {
    if (host.source == HostSource::UrlBase && !host.host.empty() && !contains(apiHosts, host.host)) {
      apiHosts.push_back(host.host);
    }
  }
  std::vector<CredentialHost> out;
  for (const auto& host : hosts) {
    if (!isCredentialEndpoint(host.source) || host.host.empty() || contains(apiHosts, host.host)) continue;
    if (std::any_of(out.begin(), out.end(), [&](const CredentialHost& c) { return c.host == host.host; })) continue;
    out.push_back({host.host, host.source, host.field, apiHosts});
  }
  return out;
}

std::vector<std::string> acceptedCredentialHosts(const std::filesystem::path& connectorDir) {
  const auto text = workspace::readTextFile(acceptedPath(connectorDir));
  if (!text) return {};
  const auto json = nlohmann::json::parse(*text, nullptr, false);
  std::vector<std::string> out;
  if (!json.is_object() || !json.contains("hosts") || !json["hosts"].is_array()) return out;
  for (const auto& host : json["hosts"]) {
    if (host.is_string()) out.push_back(host.get<std::string>());
  }
  return out;
}

std::string acceptCredentialHosts(const std::filesystem::path& connectorDir, const std::vector<std::string>& hosts) {
  auto accepted = acceptedCredentialHosts(connectorDir);
  for (const auto& host : hosts) {
    if (!contains(accepted, host)) accepted.push_back(host);
  }
  const nlohmann::json json{{"hosts", accepted}};
  const auto written = workspace::writeFileAtomically(acceptedPath(connectorDir), json.dump(2) + "\n");
  return written ? std::string() : written.error().message;
}

std::vector<CredentialHost> notYetAccepted(const std::vector<CredentialHost>& found,
                                           const std::vector<std::string>& accepted) {
  std::vector<CredentialHost> out;
  for (const auto& host : found) {
    if (!contains(accepted, host.host)) out.push_back(host);
  }
  return out;
}

}  // namespace manifold::hosts
