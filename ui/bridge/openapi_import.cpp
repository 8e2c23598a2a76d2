// Bridge to core/openapi: std::string ↔ QString and nothing else.
#include "ui/bridge/openapi_import.h"

#include "core/openapi/import_report.h"
#include "core/openapi/manifest_writer.h"
#include "core/openapi/openapi_importer.h"

namespace manifold::ui {
namespace {

QString fromStd(const std::string& text) { return QString::fromStdString(text); }

}  // namespace

OpenApiImport importOpenApi(const QString& source, const QString& baseUrl, quint64 generation, std::stop_token stop) {
  OpenApiImport out;
  out.generation = generation;
  openapi::LoadOptions load;
  load.stop = std::move(stop);
  auto document = openapi::loadOpenApi(source.trimmed().toStdString(), load);
  if (!document) {
    out.error = fromStd(document.error().message);
    return out;
  }
  openapi::ImportOptions options;
  options.baseUrl = baseUrl.trimmed().toStdString();
  auto plan = openapi::planImport(document.value(), options);
  if (!plan) {
    out.error = fromStd(plan.error().message);
    return out;
  }
  auto shared = std::make_shared<const openapi::ImportPlan>(std::move(plan.value()));
  out.title = fromStd(shared->title);
  out.summary = fromStd(openapi::formatDocumentReport(*shared));
  for (const auto& s : shared->streams) {
    out.candidates.push_back({fromStd(s.name), fromStd(s.method), fromStd(s.path),
                              fromStd(std::string(openapi::paginationKindName(s.pagination.kind))),
                              s.parent ? fromStd(s.parent->parentName) : QString(), fromStd(openapi::formatStreamReport(s))});
  }
  out.plan = std::move(shared);
  return out;
}

QString openApiManifest(const OpenApiImport& import, const QStringList& streams, QString* error) {
  if (!import.plan) {
    if (error) *error = QStringLiteral("nothing imported yet");
    return {};
  }
  std::vector<std::string> names;
  for (const auto& s : streams) names.push_back(s.toStdString());
  if (names.empty()) {
    if (error) *error = QStringLiteral("choose at least one stream");
    return {};
  }
  auto manifest = openapi::writeManifest(*import.plan, names);
  if (!manifest) {
    if (error) *error = fromStd(manifest.error().message);
    return {};
  }
  return fromStd(manifest.value());
}

}  // namespace manifold::ui
