#include "core/hosts/host_report.h"

#include "core/http/host_allowlist.h"

#include <algorithm>
#include <cctype>

namespace manifold::hosts {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// One declared entry with its own allowlist (the engine's matcher), when its placeholders resolve.
struct Entry {
  DeclaredHost declared;
  std::optional<http::HostAllowlist> list;
};

std::string sourcesText(const ContactedHost& host) {
  std::string out;
  for (const auto source : host.sources) {
    if (!out.empty()) out += ", ";
    out += describe(source);
  }
  return out;
}

ContactedHost& entryFor(std::vector<ContactedHost>& hosts, const std::string& key, bool resolved) {
  for (auto& host : hosts) {
    if (host.host == key && host.resolved == resolved) return host;
  }
  ContactedHost fresh;
  fresh.host = key;
  fresh.resolved = resolved;
  hosts.push_back(std::move(fresh));
  return hosts.back();
}

void addSource(ContactedHost& host, HostSource source) {
  if (!host.hasSource(source)) host.sources.push_back(source);
}

// "${sub}.example.org" as "*.example.org": whether any value of its placeholders could give `host`,
// matched by the engine's own matcher.
bool couldStandFor(const std::string& pattern, const std::string& host) {
  std::string wildcard;
  for (std::size_t at = 0; at < pattern.size();) {
    const auto close = pattern.compare(at, 2, "${") == 0 ? pattern.find('}', at) : std::string::npos;
    if (close != std::string::npos) {
      wildcard += '*';
      at = close + 1;
    } else {
      wildcard += pattern[at++];
    }
  }
  auto list = http::HostAllowlist::fromPatterns({wildcard}, nlohmann::json::object());
  const auto* built = std::get_if<http::HostAllowlist>(&list);
  return built == nullptr || built->allows(host);
}

void classify(ContactedHost& host, std::vector<Entry>& entries, bool declares) {
  if (!declares) {
    host.status = ContactedHost::Status::NoDeclaration;
    host.note = "metadata.yaml declares no allowedHosts, so nothing limits the hosts contacted";
    return;
  }
  std::string needsConfig;
  for (auto& entry : entries) {
    const bool matches = host.resolved ? entry.list && entry.list->allows(host.host)
                                       : normalizedPlaceholders(entry.declared.pattern) == host.host;
    if (matches) {
      host.status = ContactedHost::Status::Declared;
      host.matchedBy = entry.declared.pattern;
      host.note = "allowed by '" + entry.declared.pattern + "'";
      return;
    }
    // An entry waiting for a config value counts only if some value could make it this host.
    if (!entry.list && needsConfig.empty() && host.resolved && couldStandFor(entry.declared.pattern, host.host)) {
      needsConfig = entry.declared.pattern;
    }
  }
  if (!host.resolved) {
    host.status = ContactedHost::Status::Unknown;
    host.note = "the host depends on testing values that are not set, so it cannot be checked yet";
  } else if (!needsConfig.empty()) {
    host.status = ContactedHost::Status::Unknown;
    host.note = "cannot be checked against '" + needsConfig + "' until the testing values hold the field it names";
  } else {
    host.status = ContactedHost::Status::Undeclared;
    host.note = "not in metadata.yaml's allowedHosts: the engine refuses requests to it";
  }
}

}  // namespace

bool ContactedHost::hasSource(HostSource source) const {
  return std::find(sources.begin(), sources.end(), source) != sources.end();
}

HostReport analyzeHosts(const HostReportInput& input) {
  HostReport report;
  report.declares = input.declared.has_value();
  report.metadataError = input.metadataError;

  for (const auto& named : manifestHosts(input.resolvedManifest, input.config)) {
    const bool resolved = !named.host.empty();
    const std::string key = resolved ? named.host : !named.placeholderHost.empty() ? named.placeholderHost : named.url;
    ContactedHost& host = entryFor(report.contacted, key, resolved);
    addSource(host, named.source);
    if (host.field.empty()) {
      host.field = named.field;
      host.url = named.url;
    }
  }
  for (const auto& seen : input.seenHosts) {
    if (seen.empty()) continue;
    addSource(entryFor(report.contacted, lower(seen), true), HostSource::TestRead);
  }

  std::vector<Entry> entries;
  if (input.declared) {
    for (const auto& pattern : *input.declared) {
      Entry entry;
      entry.declared.pattern = pattern;
      auto list = http::HostAllowlist::fromPatterns({pattern}, input.config);
      if (auto* built = std::get_if<http::HostAllowlist>(&list)) {
        entry.declared.resolved = built->describe();
        entry.list = std::move(*built);
      } else {
        entry.declared.problem = std::get<std::string>(list);
      }
      entries.push_back(std::move(entry));
    }
  }

  for (auto& host : report.contacted) {
    classify(host, entries, report.declares);
    if (host.status == ContactedHost::Status::Undeclared) {
      report.warnings.push_back(host.host + " (" + sourcesText(host) + ") is contacted but metadata.yaml's allowedHosts "
                                "does not declare it");
    } else if (host.status == ContactedHost::Status::Unknown) {
      report.notes.push_back(host.host + " (" + sourcesText(host) + "): " + host.note);
    }
    for (auto& entry : entries) {
      const bool matches = host.matchedBy == entry.declared.pattern ||
                           (host.resolved && entry.list && entry.list->allows(host.host));
      if (!matches) continue;
      entry.declared.contacted = true;
      if (host.hasSource(HostSource::TestRead)) entry.declared.seen = true;
    }
  }
  if (report.declares && report.contacted.empty()) {
    report.notes.push_back("the manifest names no host yet");
  }
  for (auto& entry : entries) {
    if (!entry.declared.contacted) {
      report.notes.push_back("allowedHosts declares '" + entry.declared.pattern +
                             "', which neither the manifest nor a test read contacts");
    }
    report.declared.push_back(std::move(entry.declared));
  }
  if (!report.declares && !report.contacted.empty()) {
    report.notes.push_back("metadata.yaml declares no allowedHosts; Contribute fills them from the hosts listed here");
  }
  return report;
}

}  // namespace manifold::hosts
