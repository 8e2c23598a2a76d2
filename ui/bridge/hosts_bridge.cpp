// The Hosts view's and the credential-host question's core calls, in Qt types.
#include "ui/bridge/hosts_bridge.h"

#include "core/builder/test_read_record.h"
#include "core/hosts/credential_hosts.h"
#include "core/hosts/host_report.h"
#include "core/manifest/connector_metadata.h"
#include "core/manifest/manifest_loader.h"
#include "core/workspace/file_io.h"

#include <filesystem>

namespace manifold::ui {

namespace {

QString q(std::string_view text) { return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())); }

std::filesystem::path pathOf(const QString& dir) { return std::filesystem::path(dir.toStdString()); }

UiContactedHost::Status uiStatus(hosts::ContactedHost::Status status) {
  using S = hosts::ContactedHost::Status;
  switch (status) {
    case S::Declared: return UiContactedHost::Status::Declared;
    case S::Undeclared: return UiContactedHost::Status::Undeclared;
    case S::NoDeclaration: return UiContactedHost::Status::NoDeclaration;
    case S::Unknown: return UiContactedHost::Status::Unknown;
  }
  return UiContactedHost::Status::Unknown;
}

QStringList toQt(const std::vector<std::string>& items) {
  QStringList out;
  for (const auto& item : items) out << q(item);
  return out;
}

std::vector<std::string> toStd(const QStringList& items) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(item.toStdString());
  return out;
}

}  // namespace

UiHostReport hostReportFor(const QString& connectorDir, const QString& manifestText, const nlohmann::json& config,
                           const QStringList& sessionHosts, quint64 generation) {
  UiHostReport out;
  out.generation = generation;
  const auto loaded = manifest::loadManifest(manifestText.toStdString());
  hosts::HostReportInput input;
  input.resolvedManifest = loaded.resolved;
  input.config = config.is_object() ? config : nlohmann::json::object();
  input.seenHosts = toStd(sessionHosts);
  if (!connectorDir.isEmpty()) {
    const auto dir = pathOf(connectorDir);
    if (const auto metadata = workspace::readTextFile(dir / "metadata.yaml")) {
      out.hasMetadata = true;
      auto declared = manifest::allowedHostsFromMetadata(*metadata);
      input.declared = std::move(declared.hosts);
      input.metadataError = declared.error;
    }
    // Only the streams the manifest still has: a deleted stream's hosts are history.
    if (const auto record = builder::readTestReadRecord(dir)) {
      std::vector<std::string> streams;
      for (const auto& [name, fingerprint] : builder::streamFingerprints(loaded.resolved)) streams.push_back(name);
      for (auto& host : record->hosts(&streams)) input.seenHosts.push_back(std::move(host));
    }
  }
  const auto report = hosts::analyzeHosts(input);
  out.declares = report.declares;
  out.metadataError = q(report.metadataError);
  for (const auto& host : report.contacted) {
    UiContactedHost view;
    view.host = q(host.host);
    view.resolved = host.resolved;
    for (const auto source : host.sources) view.sources << q(hosts::describe(source));
    view.url = q(host.url);
    if (!host.field.empty() && loaded.document.loaded()) view.line = loaded.document.locate(host.field).line;
    view.status = uiStatus(host.status);
    view.matchedBy = q(host.matchedBy);
    view.note = q(host.note);
    out.contacted << view;
  }
  for (const auto& declared : report.declared) {
    out.declared << UiDeclaredHost{q(declared.pattern), q(declared.resolved), q(declared.problem), declared.contacted,
                                   declared.seen};
  }
  out.warnings = toQt(report.warnings);
  out.notes = toQt(report.notes);
  return out;
}

QStringList hostsOfStreamRead(const nlohmann::json& streamRead) {
  return toQt(builder::hostsInStreamRead(streamRead));
}

QList<UiCredentialHost> credentialHostsToConfirm(const QString& manifestText, const nlohmann::json& config,
                                                 const QStringList& accepted) {
  const auto loaded = manifest::loadManifest(manifestText.toStdString());
  const auto found = hosts::credentialHostsElsewhere(
      hosts::manifestHosts(loaded.resolved, config.is_object() ? config : nlohmann::json::object()));
  QList<UiCredentialHost> out;
  for (const auto& host : hosts::notYetAccepted(found, toStd(accepted))) {
    const auto kind = host.source == hosts::HostSource::SessionLogin       ? UiCredentialHost::Kind::SessionLogin
                      : host.source == hosts::HostSource::LegacySessionApi ? UiCredentialHost::Kind::SessionApi
                                                                           : UiCredentialHost::Kind::OAuthTokenEndpoint;
    out << UiCredentialHost{q(host.host), kind, q(hosts::describe(host.source)), toQt(host.apiHosts)};
  }
  return out;
}

QStringList acceptedCredentialHosts(const QString& connectorDir) {
  if (connectorDir.isEmpty()) return {};
  return toQt(hosts::acceptedCredentialHosts(pathOf(connectorDir)));
}

QString acceptCredentialHosts(const QString& connectorDir, const QStringList& hosts) {
  if (connectorDir.isEmpty()) return {};
  return q(hosts::acceptCredentialHosts(pathOf(connectorDir), toStd(hosts)));
}

}  // namespace manifold::ui
