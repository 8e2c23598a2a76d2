// The UI's view of a manifest check: core's load/resolve/validate result in Qt types.
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

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

// A stream as the outline shows it: name and where it is written.
struct UiStreamSummary {
  QString name;
  int line = 0;  // 1-based
  QString paginator;
  QString authenticator;
  bool incremental = false;
};

struct ManifestCheck {
  quint64 generation = 0;  // which edit this result belongs to (stale ones are dropped)
  QList<UiDiagnostic> diagnostics;
  QList<UiStreamSummary> streams;
  int errorCount() const;
  int warningCount() const;
};

// Parses, resolves and validates `yamlText`. Pure CPU work on a snapshot: safe on any thread.
ManifestCheck checkManifest(const QString& yamlText, quint64 generation = 0);

}  // namespace manifold::ui

Q_DECLARE_METATYPE(manifold::ui::ManifestCheck)
