// The Hosts view's and the credential-host question's core calls, in Qt types. hostReportFor
// reads metadata.yaml and the test read record: run it off the GUI thread.
#pragma once

#include <nlohmann/json.hpp>

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace manifold::ui {

struct UiContactedHost {
  enum class Status { Declared, Undeclared, NoDeclaration, Unknown };
  QString host;
  bool resolved = true;
  QStringList sources;  // "url_base", "OAuth token endpoint", "session login", "test read"
  QString url;          // as the manifest writes it; empty for a host only test reads saw
  int line = 0;         // 1-based line of that field in the manifest; 0 = none
  Status status = Status::NoDeclaration;
  QString matchedBy;
  QString note;
};

struct UiDeclaredHost {
  QString pattern;
  QString resolved;
  QString problem;
  bool contacted = false;
  bool seen = false;
};

struct UiHostReport {
  quint64 generation = 0;
  bool hasMetadata = false;  // the manifest is a connector folder's with a metadata.yaml
  bool declares = false;
  QString metadataError;
  QList<UiContactedHost> contacted;
  QList<UiDeclaredHost> declared;
  QStringList warnings;
  QStringList notes;
};

// The hosts `manifestText` contacts (rendered with `config`) and those recorded test reads of
// its streams saw in `connectorDir` (may be empty), plus `sessionHosts` seen by reads of this
// session, against metadata.yaml's allowedHosts.
UiHostReport hostReportFor(const QString& connectorDir, const QString& manifestText, const nlohmann::json& config,
                           const QStringList& sessionHosts, quint64 generation = 0);

// The hosts the requests of a StreamRead went to.
QStringList hostsOfStreamRead(const nlohmann::json& streamRead);

struct UiCredentialHost {
  enum class Kind { OAuthTokenEndpoint, SessionLogin, SessionApi };
  QString host;
  Kind kind = Kind::OAuthTokenEndpoint;
  QString source;        // "OAuth token endpoint", "session login", "session API"
  QStringList apiHosts;  // the url_base hosts
};

// Credential endpoints of the manifest on another host than its url_base and not in `accepted`.
// CPU only (no I/O): safe on the GUI thread for the check before a read.
QList<UiCredentialHost> credentialHostsToConfirm(const QString& manifestText, const nlohmann::json& config,
                                                 const QStringList& accepted);
// The hosts accepted for `connectorDir` (.manifold/accepted_credential_hosts.json); disk I/O.
QStringList acceptedCredentialHosts(const QString& connectorDir);
// Adds `hosts` to that file; returns "" or why it could not be written. Disk I/O.
QString acceptCredentialHosts(const QString& connectorDir, const QStringList& hosts);

}  // namespace manifold::ui

Q_DECLARE_METATYPE(manifold::ui::UiHostReport)
