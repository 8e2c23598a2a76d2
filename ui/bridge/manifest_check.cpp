// The UI's view of a manifest check: core's load/resolve/validate result in Qt types.
#include "ui/bridge/manifest_check.h"

#include "core/manifest/json_pointer.h"
#include "core/manifest/manifest_loader.h"

#include <QCryptographicHash>

#include <algorithm>

namespace manifold::ui {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

QString componentType(const manifest::Json& node) {
  if (!node.is_object()) return {};
  auto it = node.find("type");
  return it != node.end() && it->is_string() ? qs(it->get<std::string>()) : QString();
}

const manifest::Json* child(const manifest::Json& node, const char* key) {
  if (!node.is_object()) return nullptr;
  auto it = node.find(key);
  return it == node.end() ? nullptr : &*it;
}

UiStreamSummary summarizeStream(const manifest::Json& stream, int line) {
  UiStreamSummary s;
  s.line = line;
  if (const auto* name = child(stream, "name"); name && name->is_string()) s.name = qs(name->get<std::string>());
  if (const auto* retriever = child(stream, "retriever")) {
    if (const auto* paginator = child(*retriever, "paginator")) {
      s.paginator = componentType(*paginator);
      if (const auto* strategy = child(*paginator, "pagination_strategy")) {
        const QString strategyType = componentType(*strategy);
        if (!strategyType.isEmpty()) s.paginator = strategyType;
      }
    }
    if (const auto* requester = child(*retriever, "requester")) {
      if (const auto* auth = child(*requester, "authenticator")) s.authenticator = componentType(*auth);
    }
  }
  s.incremental = child(stream, "incremental_sync") != nullptr;
  s.definition = nlohmann::json(stream);
  s.fingerprint = QCryptographicHash::hash(QByteArray::fromStdString(stream.dump()), QCryptographicHash::Sha1);
  return s;
}

}  // namespace

int ManifestCheck::errorCount() const {
  return static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                        [](const UiDiagnostic& d) { return d.isError(); }));
}

int ManifestCheck::warningCount() const {
  return static_cast<int>(diagnostics.size()) - errorCount();
}

ManifestCheck checkManifest(const QString& yamlText, quint64 generation) {
  const QByteArray utf8 = yamlText.toUtf8();
  const manifest::LoadedManifest loaded =
      manifest::loadManifest(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));

  ManifestCheck result;
  result.generation = generation;
  for (const auto& d : loaded.diagnostics) {
    result.diagnostics.append(UiDiagnostic{
        d.severity == manifest::Severity::Error ? UiDiagnostic::Severity::Error
                                                : UiDiagnostic::Severity::Warning,
        qs(d.message), d.line, d.column, qs(d.path), qs(d.suggestion)});
  }

  const manifest::Json& root = loaded.resolved.is_object() ? loaded.resolved : loaded.document.root();
  if (const auto* streams = child(root, "streams"); streams && streams->is_array()) {
    for (std::size_t i = 0; i < streams->size(); ++i) {
      const std::string pointer = "/streams/" + std::to_string(i);
      const int line = loaded.document.locate(pointer).line;
      result.streams.append(summarizeStream((*streams)[i], line));
    }
    // A stream's entry ends where the next one starts; the last one where the next top-level
    // key after `streams` starts (or at the end of the file).
    int streamsEnd = 0;
    const int streamsLine = loaded.document.locate("/streams").line;
    if (const auto& top = loaded.document.root(); top.is_object()) {
      for (auto it = top.begin(); it != top.end(); ++it) {
        const int keyLine = loaded.document.locate(manifest::childPointer("", it.key())).line;
        if (keyLine > streamsLine && (streamsEnd == 0 || keyLine - 1 < streamsEnd)) streamsEnd = keyLine - 1;
      }
    }
    for (qsizetype i = 0; i < result.streams.size(); ++i) {
      result.streams[i].endLine = i + 1 < result.streams.size() ? result.streams[i + 1].line - 1 : streamsEnd;
    }
  }
  if (const auto* spec = child(root, "spec")) {
    if (const auto* connection = child(*spec, "connection_specification")) result.connectionSpecification = *connection;
  }
  return result;
}

}  // namespace manifold::ui
