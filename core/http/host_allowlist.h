// HostAllowlist: the hosts a connector declares it contacts (metadata.yaml's allowedHosts), so
// the engine can refuse a manifest that sends requests, and the user's secrets, anywhere else.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace manifold::http {

class HostAllowlist {
 public:
  // Builds the list from metadata patterns as Airbyte's platform writes them:
  //   "api.example.com"        the host itself (case-insensitive)
  //   "*.example.com", "*"     '*' matches any run of characters
  //   "10.0.0.0/8"             an IPv4 network in CIDR notation
  //   "${subdomain}.x.com"     a config value (a dotted path, "config." optional); a value that
  //                            is a URL contributes its host
  // Returns the error message when a placeholder names a config field that is missing or not a
  // string, or a pattern is malformed.
  static std::variant<HostAllowlist, std::string> fromPatterns(const std::vector<std::string>& patterns,
                                                               const nlohmann::json& config);

  bool allows(std::string_view host) const;
  // The resolved patterns, comma separated, for messages.
  std::string describe() const;
  const std::vector<std::string>& patterns() const { return patterns_; }

 private:
  std::vector<std::string> patterns_;  // lower-case, placeholders resolved
};

}  // namespace manifold::http
