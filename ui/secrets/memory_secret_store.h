// A SecretStore in memory: for tests, and the session-only fallback when no keychain exists.
#pragma once

#include "ui/secrets/secret_store.h"

#include <QHash>

namespace manifold::ui {

class MemorySecretStore : public SecretStore {
  Q_OBJECT

 public:
  using SecretStore::SecretStore;

  void read(const QString& key, QObject* context, ReadCallback done) override;
  void write(const QString& key, const QString& value) override;
  void remove(const QString& key) override;
  bool isPersistent() const override { return false; }

  const QHash<QString, QString>& entries() const { return values_; }

 private:
  QHash<QString, QString> values_;
};

}  // namespace manifold::ui
