// Credential endpoints on another host than the API: an OAuth token endpoint, a session login
// or a legacy session API that receives the client secret, refresh token or password somewhere
// the connector's url_base does not point. Before the first test read of a forked connector the
// IDE names them and asks; an accepted answer is kept in the folder's .manifold/.
#pragma once

#include "core/hosts/manifest_hosts.h"

#include <filesystem>
#include <string>
#include <vector>

namespace manifold::hosts {

struct CredentialHost {
  std::string host;                  // where the credentials go
  HostSource source = HostSource::OAuthTokenEndpoint;
  std::string field;                 // JSON pointer of the field naming it
  std::vector<std::string> apiHosts; // the url_base hosts it differs from (empty when none resolves)
};

// The credential endpoints whose rendered host is none of the rendered url_base hosts, one per
// host; endpoints that cannot be rendered are left out (the read fails on them before sending).
std::vector<CredentialHost> credentialHostsElsewhere(const std::vector<ManifestHost>& hosts);

// The hosts the user accepted for the connector in `connectorDir`
// (.manifold/accepted_credential_hosts.json); empty when none or the file is unreadable.
std::vector<std::string> acceptedCredentialHosts(const std::filesystem::path& connectorDir);
// Adds `hosts` to that list and writes it atomically. Returns "" or why it could not be written.
std::string acceptCredentialHosts(const std::filesystem::path& connectorDir, const std::vector<std::string>& hosts);

// Those of `found` whose host is not in `accepted`.
std::vector<CredentialHost> notYetAccepted(const std::vector<CredentialHost>& found,
                                           const std::vector<std::string>& accepted);

}  // namespace manifold::hosts
