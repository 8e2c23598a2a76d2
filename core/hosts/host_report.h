// HostReport: the hosts a connector contacts (what the manifest names and what test reads saw)
// against the hosts its metadata.yaml declares in allowedHosts, as the IDE shows them. The
// matching is the engine's own (http::HostAllowlist), so the view and the enforcement agree.
#pragma once

#include "core/hosts/manifest_hosts.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace manifold::hosts {

struct ContactedHost {
  enum class Status {
    Declared,       // an allowedHosts entry allows it
    Undeclared,     // allowedHosts exists and no entry allows it: the engine refuses it (a warning)
    NoDeclaration,  // metadata.yaml declares no allowedHosts: any host is contacted
    Unknown,        // the host cannot be told (a template without testing values), or the entries need config
  };
  std::string host;                  // lower-case; for an unrendered template, its placeholder form or the URL
  bool resolved = true;              // false when `host` is not a real host name
  std::vector<HostSource> sources;   // distinct, in the order found
  std::string field;                 // JSON pointer of the first manifest field naming it; "" for test reads only
  std::string url;                   // that field's URL as written
  Status status = Status::NoDeclaration;
  std::string matchedBy;             // the allowedHosts entry (as written) that allows it
  std::string note;                  // one line for the user: why this status

  bool hasSource(HostSource source) const;
};

struct DeclaredHost {
  std::string pattern;    // as written in metadata.yaml
  std::string resolved;   // with ${config} placeholders filled; empty when they cannot be
  std::string problem;    // why not resolved (the config field it needs)
  bool contacted = false; // a contacted host matches it
  bool seen = false;      // a host seen in a test read matches it
};

struct HostReportInput {
  nlohmann::ordered_json resolvedManifest;
  nlohmann::json config = nlohmann::json::object();  // the testing values
  // metadata.yaml's allowedHosts.hosts; nullopt when it declares none.
  std::optional<std::vector<std::string>> declared;
  std::string metadataError;               // metadata.yaml could not be read as such
  std::vector<std::string> seenHosts;      // hosts requests of test reads went to
};

struct HostReport {
  bool declares = false;
  std::string metadataError;
  std::vector<ContactedHost> contacted;
  std::vector<DeclaredHost> declared;
  std::vector<std::string> warnings;  // a contacted host the declaration does not allow
  std::vector<std::string> notes;     // informational: declared but not contacted, unknown hosts

  int warningCount() const { return static_cast<int>(warnings.size()); }
};

HostReport analyzeHosts(const HostReportInput& input);

}  // namespace manifold::hosts
