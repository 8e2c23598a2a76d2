// The UI's view of an OpenAPI import: core's plan and report in Qt types, and the manifest.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <stop_token>

namespace manifold::openapi {
struct ImportPlan;
}

namespace manifold::ui {

struct UiOpenApiCandidate {
  QString name;
  QString method;
  QString path;
  QString pagination;  // "PageIncrement", "CursorPagination (next URL)", ...
  QString parent;      // the parent stream's name, empty for none
  QString report;      // what was inferred from where, and what was not
};

struct OpenApiImport {
  quint64 generation = 0;  // which load this result belongs to (stale ones are dropped)
  QString error;           // why the document could not be imported; empty on success
  QString summary;         // the document-wide report: url_base, auth, notes
  QString title;
  QList<UiOpenApiCandidate> candidates;
  std::shared_ptr<const openapi::ImportPlan> plan;

  bool ok() const { return error.isEmpty() && plan != nullptr; }
};

// Reads `source` (a file or an http(s) URL) and infers the candidate streams. Does file and
// network I/O: call it on a worker thread. `baseUrl` (optional) replaces the document's servers.
OpenApiImport importOpenApi(const QString& source, const QString& baseUrl, quint64 generation, std::stop_token stop);

// The manifest for the chosen streams; on failure returns an empty string and sets *error.
QString openApiManifest(const OpenApiImport& import, const QStringList& streams, QString* error);

}  // namespace manifold::ui
