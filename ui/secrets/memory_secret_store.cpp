// A SecretStore in memory: for tests, and the session-only fallback when no keychain exists.
#include "ui/secrets/memory_secret_store.h"

#include <QTimer>

namespace manifold::ui {

void MemorySecretStore::read(const QString& key, QObject* context, ReadCallback done) {
  std::optional<QString> value;
  if (auto it = values_.constFind(key); it != values_.constEnd()) value = *it;
  // Deliver later, as the keychain does, so callers never depend on a synchronous answer.
  QTimer::singleShot(0, context, [done = std::move(done), value] { done(value); });
}

void MemorySecretStore::write(const QString& key, const QString& value) { values_.insert(key, value); }

void MemorySecretStore::remove(const QString& key) { values_.remove(key); }

}  // namespace manifold::ui
