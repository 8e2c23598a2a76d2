#include "core/hosts/allowed_hosts_entries.h"

#include "core/hosts/manifest_hosts.h"
#include "core/http/host_allowlist.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace manifold::hosts {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

void addOnce(std::vector<std::string>& list, std::string item) {
  if (!item.empty() && std::find(list.begin(), list.end(), item) == list.end()) list.push_back(std::move(item));
}

// The host `entry` stands for with `config`, or "" when a placeholder cannot be filled.
std::string filled(const std::string& entry, const nlohmann::json& config) {
  auto list = http::HostAllowlist::fromPatterns({entry}, config);
  const auto* built = std::get_if<http::HostAllowlist>(&list);
  return built != nullptr && built->patterns().size() == 1 ? built->patterns().front() : std::string();
}

}  // namespace

AllowedHostsEntries allowedHostsEntries(const nlohmann::ordered_json& resolvedManifest, const nlohmann::json& config,
                                        const std::vector<std::string>& seenHosts) {
  const nlohmann::json values = config.is_object() ? config : nlohmann::json::object();
  AllowedHostsEntries out;
  std::set<std::string> covered;  // rendered hosts an entry already stands for
  for (const auto& named : manifestHosts(resolvedManifest, values)) {
    if (!named.templated) {
      if (named.host.empty()) continue;  // not an http(s) URL: the read fails on it
      addOnce(out.entries, named.host);
      covered.insert(named.host);
    } else if (!named.placeholderHost.empty()) {
      addOnce(out.entries, named.placeholderHost);
      if (!named.host.empty()) covered.insert(named.host);
    } else {
      // A template of something else: its rendering with these testing values is one user's host.
      addOnce(out.unlisted, named.url);
      if (!named.host.empty()) covered.insert(named.host);
    }
  }
  std::set<std::string> seen;
  for (const auto& host : seenHosts) {
    if (!host.empty()) seen.insert(lower(host));
  }
  for (const auto& host : seen) {
    if (!covered.contains(host)) addOnce(out.entries, host);
  }
  return out;
}

std::vector<std::string> undeclaredEntries(const std::vector<std::string>& declared,
                                           const std::vector<std::string>& entries, const nlohmann::json& config) {
  const nlohmann::json values = config.is_object() ? config : nlohmann::json::object();
  std::vector<std::string> texts;
  std::vector<http::HostAllowlist> lists;
  for (const auto& pattern : declared) {
    texts.push_back(normalizedPlaceholders(pattern));
    auto list = http::HostAllowlist::fromPatterns({pattern}, values);
    if (auto* built = std::get_if<http::HostAllowlist>(&list)) lists.push_back(std::move(*built));
  }
  std::vector<std::string> out;
  for (const auto& entry : entries) {
    const std::string text = normalizedPlaceholders(entry);
    if (text.empty() || std::find(out.begin(), out.end(), text) != out.end()) continue;
    if (std::find(texts.begin(), texts.end(), text) != texts.end()) continue;
    // Unfilled, the placeholder text itself is matched: "*.example.com" stands for "${sub}.example.com".
    std::string host = filled(text, values);
    if (host.empty()) host = text;
    const bool allowed = std::any_of(lists.begin(), lists.end(), [&](const http::HostAllowlist& list) {
      return list.allows(host);
    });
    if (!allowed) out.push_back(text);
  }
  return out;
}

}  // namespace manifold::hosts
