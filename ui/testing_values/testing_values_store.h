// Saves and loads a connector's testing values: the project file for non-secret values, a
// SecretStore (the keychain) for the airbyte_secret ones, keyed by connector path + field.
#pragma once

#include <QObject>
#include <QSet>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace manifold::ui {

class SecretStore;

class TestingValuesStore : public QObject {
  Q_OBJECT

 public:
  explicit TestingValuesStore(SecretStore* secrets, QObject* parent = nullptr);

  SecretStore* secrets() const { return secrets_; }

  struct Loaded {
    nlohmann::json values = nlohmann::json::object();  // without secrets
    QString error;                                     // names the file
  };
  // Reads <dir>/.manifold/testing_values.json (a small local file).
  Loaded loadValues(const QString& connectorDir) const;

  // Asks the secret store for every secret `spec` may hold in `values` that was not asked
  // for before; `found(pointer, value)` runs for each stored one, later, on this thread.
  void loadSecrets(const QString& connectorDir, const nlohmann::json& spec, const nlohmann::json& values,
                   QObject* context, std::function<void(const std::string&, const nlohmann::json&)> found);

  // Writes the values without secrets to the project file and each secret to the store;
  // removes stored secrets the user has cleared. Returns an error naming the file, or "".
  QString save(const QString& connectorDir, const nlohmann::json& spec, const nlohmann::json& values);

  static QString secretKey(const QString& connectorDir, const std::string& pointer);

 private:
  SecretStore* secrets_;
  QSet<QString> asked_;  // keys whose read has started
  QSet<QString> stored_;  // keys known to hold a value in the store (read back or written)
};

}  // namespace manifold::ui
