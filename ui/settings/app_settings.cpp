// Typed application settings over QSettings, each entry with a changed signal.
#include "ui/settings/app_settings.h"

#include <QFileInfo>

namespace manifold::ui {

AppSettings& AppSettings::instance() {
  static AppSettings settings;
  return settings;
}

void AppSettings::addRecentFile(const QString& path) {
  const QString absolute = QFileInfo(path).absoluteFilePath();
  QStringList list = recentFiles.value();
  list.removeAll(absolute);
  list.prepend(absolute);
  while (list.size() > kMaxRecentFiles) list.removeLast();
  recentFiles.setValue(list);
}

}  // namespace manifold::ui
