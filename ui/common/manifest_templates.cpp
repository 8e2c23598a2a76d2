// The manifests File › New from Template starts from: an empty one and minimal working connectors.
#include "ui/common/manifest_templates.h"

#include <QCoreApplication>
#include <QFile>

namespace manifold::ui {

QString ManifestTemplate::text() const {
  QFile file(resource);
  if (!file.open(QIODevice::ReadOnly)) return {};  // compiled in: only a broken build lacks it
  return QString::fromUtf8(file.readAll());
}

QList<ManifestTemplate> manifestTemplates() {
  const auto tr = [](const char* text) { return QCoreApplication::translate("ManifestTemplates", text); };
  return {
      {QStringLiteral("empty"), tr("&Empty Manifest"),
       tr("A manifest with no streams yet: the skeleton every connector has"),
       QStringLiteral(":/templates/empty.yaml")},
      {QStringLiteral("public_api"), tr("Minimal Connector for a &Public API (no key)"),
       tr("One stream reading JSONPlaceholder's posts, which needs no key"),
       QStringLiteral(":/templates/public_api.yaml")},
      {QStringLiteral("demo_api"), tr("Minimal Connector for the &Demo API (API key, pages)"),
       tr("One paginated stream of Manifold's built-in demo API, with an API key in a header"),
       QStringLiteral(":/templates/demo_api.yaml")},
  };
}

}  // namespace manifold::ui
