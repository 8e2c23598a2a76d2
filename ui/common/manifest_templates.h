// The manifests File › New from Template starts from: an empty one and minimal working connectors.
#pragma once

#include <QList>
#include <QString>

namespace manifold::ui {

struct ManifestTemplate {
  QString id;           // "empty", "public_api", "demo_api"
  QString title;        // the menu entry
  QString description;  // its tooltip and status tip
  QString resource;     // ":/templates/<id>.yaml"

  QString text() const;  // the YAML, read from the application's resources
};

QList<ManifestTemplate> manifestTemplates();

}  // namespace manifold::ui
