// Typed application settings over QSettings, each entry with a changed signal.
#pragma once

#include <QObject>
#include <QSettings>
#include <QStringList>
#include <QVariant>

namespace manifold::ui {

class SettingBase : public QObject {
  Q_OBJECT

 signals:
  void changed();

 protected:
  using QObject::QObject;
};

// One entry: `Setting<int> autosaveSeconds{"Editor/AutosaveSeconds", 30}`.
template <typename T>
class Setting : public SettingBase {
 public:
  Setting(QString key, T defaultValue, QObject* parent = nullptr)
      : SettingBase(parent), key_(std::move(key)), default_(std::move(defaultValue)) {}

  T value() const { return QSettings().value(key_, QVariant::fromValue(default_)).template value<T>(); }
  T defaultValue() const { return default_; }
  const QString& key() const { return key_; }

  void setValue(const T& v) {
    if (value() == v) return;
    QSettings().setValue(key_, QVariant::fromValue(v));
    emit changed();
  }

  void reset() {
    QSettings().remove(key_);
    emit changed();
  }

 private:
  QString key_;
  T default_;
};

// Every setting the application has, in one place (Tiled's Preferences, Qt Creator's structs).
class AppSettings : public QObject {
  Q_OBJECT

 public:
  static AppSettings& instance();

  Setting<QStringList> recentFiles{QStringLiteral("Files/Recent"), {}, this};
  Setting<int> autosaveSeconds{QStringLiteral("Editor/AutosaveSeconds"), 15, this};
  Setting<QByteArray> windowGeometry{QStringLiteral("Window/Geometry"), {}, this};
  Setting<QByteArray> windowState{QStringLiteral("Window/State"), {}, this};
  // The user's connectors (empty: ~/Manifold/connectors) and the GitHub catalog.
  Setting<QString> workspaceDir{QStringLiteral("Catalog/WorkspaceDir"), {}, this};
  Setting<QString> catalogRepository{QStringLiteral("Catalog/Repository"), QStringLiteral("airbytehq/airbyte"), this};
  Setting<QString> catalogBranch{QStringLiteral("Catalog/Branch"), QStringLiteral("master"), this};
  Setting<QString> catalogPathPattern{QStringLiteral("Catalog/PathPattern"),
                                      QStringLiteral("airbyte-integrations/connectors/source-*/manifest.yaml"), this};
  Setting<QString> githubApiUrl{QStringLiteral("GitHub/ApiUrl"), QStringLiteral("https://api.github.com"), this};
  // The OAuth device flow: where to sign in and the OAuth app's client id (empty: only tokens).
  Setting<QString> githubLoginUrl{QStringLiteral("GitHub/LoginUrl"), QStringLiteral("https://github.com"), this};
  Setting<QString> githubClientId{QStringLiteral("GitHub/ClientId"), {}, this};
  // Contribute: the catalog repository and base branch last used, and per repository a
  // catalog layout as JSON ({"owner/name": {"manifestPath": ...}}) when it is not Airbyte's.
  Setting<QString> contributeRepository{QStringLiteral("Contribute/Repository"), QStringLiteral("airbytehq/airbyte"), this};
  Setting<QString> contributeBaseBranch{QStringLiteral("Contribute/BaseBranch"), {}, this};
  Setting<QString> contributeLayouts{QStringLiteral("Contribute/Layouts"), {}, this};
  // Test read limits, as the test panel's spin boxes last had them.
  Setting<int> testRecordLimit{QStringLiteral("TestRead/RecordLimit"), 100, this};
  Setting<int> testPageLimit{QStringLiteral("TestRead/PageLimit"), 5, this};
  Setting<int> testSliceLimit{QStringLiteral("TestRead/SliceLimit"), 5, this};

  static constexpr int kMaxRecentFiles = 10;

  // Puts `path` first in the recent list, without duplicates, capped at kMaxRecentFiles.
  void addRecentFile(const QString& path);

 private:
  AppSettings() = default;
};

}  // namespace manifold::ui
