// Saves and loads a connector's testing values: project file plus SecretStore.
#include "ui/testing_values/testing_values_store.h"

#include "core/config/testing_values.h"
#include "ui/secrets/secret_store.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>

namespace manifold::ui {

namespace {

std::filesystem::path toPath(const QString& dir) { return std::filesystem::path(dir.toStdString()); }

}  // namespace

TestingValuesStore::TestingValuesStore(SecretStore* secrets, QObject* parent) : QObject(parent), secrets_(secrets) {}

QString TestingValuesStore::secretKey(const QString& connectorDir, const std::string& pointer) {
  return QFileInfo(connectorDir).absoluteFilePath() + QLatin1Char('#') + QString::fromStdString(pointer);
}

TestingValuesStore::Loaded TestingValuesStore::loadValues(const QString& connectorDir) const {
  const auto loaded = config::loadTestingValues(toPath(connectorDir));
  return {loaded.values, QString::fromStdString(loaded.error)};
}

void TestingValuesStore::loadSecrets(const QString& connectorDir, const nlohmann::json& spec,
                                     const nlohmann::json& values, QObject* context,
                                     std::function<void(const std::string&, const nlohmann::json&)> found) {
  for (const std::string& pointer : config::secretPointers(spec, values)) {
    const QString key = secretKey(connectorDir, pointer);
    if (asked_.contains(key)) continue;
    asked_.insert(key);
    secrets_->read(key, context, [this, key, pointer, found](std::optional<QString> text) {
      if (!text) return;
      stored_.insert(key);
      const QByteArray utf8 = text->toUtf8();
      auto value = nlohmann::json::parse(utf8.constData(), utf8.constData() + utf8.size(), nullptr, false);
      if (!value.is_discarded()) found(pointer, value);
    });
  }
}

QString TestingValuesStore::save(const QString& connectorDir, const nlohmann::json& spec,
                                 const nlohmann::json& values) {
  nlohmann::json plain = values.is_object() ? values : nlohmann::json::object();
  const auto secrets = config::takeSecrets(spec, plain);
  QSet<QString> written;
  for (const auto& s : secrets) {
    const QString key = secretKey(connectorDir, s.pointer);
    secrets_->write(key, QString::fromStdString(s.value.dump()));
    asked_.insert(key);
    stored_.insert(key);
    written.insert(key);
  }
  // A secret the form no longer holds was cleared; one still being read is left alone.
  for (const std::string& pointer : config::secretPointers(spec, plain)) {
    const QString key = secretKey(connectorDir, pointer);
    if (!written.contains(key) && stored_.contains(key)) {
      secrets_->remove(key);
      stored_.remove(key);
    }
  }
  return QString::fromStdString(config::saveTestingValues(toPath(connectorDir), plain));
}

}  // namespace manifold::ui
