// The UI's view of a manifest check: core's load/resolve/validate result in Qt types.
#pragma once

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <nlohmann/json.hpp>

namespace manifold::ui {

struct UiDiagnostic {
  enum class Severity { Error, Warning };
  Severity severity = Severity::Error;
  QString message;
  int line = 0;    // 1-based; 0 = the file as a whole
  int column = 0;  // 1-based; 0 = unknown
  QString path;    // JSON pointer in the resolved manifest
  QString suggestion;

  bool isError() const { return severity == Severity::Error; }
};

// A stream as the outline and the test panel see it: name, where it is written, its definition.
struct UiStreamSummary {
  QString name;
  int line = 0;     // 1-based
  int endLine = 0;  // 1-based last line of its entry in `streams`; 0 = unknown
  QString paginator;
  QString authenticator;
  bool incremental = false;
  nlohmann::json definition;  // the resolved stream, as the engine reads it
  QByteArray fingerprint;     // changes whenever the resolved definition changes
};

struct ManifestCheck {
  quint64 generation = 0;  // which edit this result belongs to (stale ones are dropped)
  QList<UiDiagnostic> diagnostics;
  QList<UiStreamSummary> streams;
  // spec.connection_specification of the resolved manifest (null when there is none), for
  // the testing-values form.
  nlohmann::ordered_json connectionSpecification;
  int errorCount() const;
  int warningCount() const;
};

// Parses, resolves and validates `yamlText`. Pure CPU work on a snapshot: safe on any thread.
ManifestCheck checkManifest(const QString& yamlText, quint64 generation = 0);

}  // namespace manifold::ui

Q_DECLARE_METATYPE(manifold::ui::ManifestCheck)
