// The allowedHosts entries a connector needs, as Contribute writes them into metadata.yaml: the
// hosts its manifest names and those its test reads saw, a templated host kept as its
// ${config field} placeholder so the entry holds for every user's configuration.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace manifold::hosts {

struct AllowedHostsEntries {
  // Entries in the manifest's order (url_base, token endpoints, logins), then the hosts only test
  // reads saw, sorted; distinct. "api.example.com", "${subdomain}.example.com".
  std::vector<std::string> entries;
  // URLs whose host is a template of something other than config look-ups
  // ("{{ 'eu' if config.eu else 'us' }}.x.com"): no entry can be written for them.
  std::vector<std::string> unlisted;
};

// `config` (the testing values) renders templated hosts, so that a host a test read saw which a
// templated host renders to is written as that template's placeholder, not as the user's value.
AllowedHostsEntries allowedHostsEntries(const nlohmann::ordered_json& resolvedManifest, const nlohmann::json& config,
                                        const std::vector<std::string>& seenHosts);

// Those of `entries` (hosts or ${field} placeholder hosts) that no pattern of `declared` stands
// for, in order, without repeats. A placeholder entry is declared by the same placeholder text
// ("${config.sub}.x.com" and "${sub}.x.com" are one); any entry is declared when, filled from
// `config` (or as its placeholder text when it cannot be), the engine's matcher
// (http::HostAllowlist) allows it under a declared pattern ("*.x.com" stands for "${sub}.x.com").
std::vector<std::string> undeclaredEntries(const std::vector<std::string>& declared,
                                           const std::vector<std::string>& entries, const nlohmann::json& config);

}  // namespace manifold::hosts
