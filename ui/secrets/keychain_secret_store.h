// The OS keychain through QtKeychain (Secret Service, KWallet, macOS Keychain, Windows).
#pragma once

#include "ui/secrets/memory_secret_store.h"
#include "ui/secrets/secret_store.h"

namespace QKeychain {
class Job;
}

namespace manifold::ui {

// Every call starts an asynchronous QtKeychain job; the GUI thread never waits. Values are
// also kept in a session cache, so a read right after a write sees the new value. When the
// keychain reports that it has no backend, the store says so once (unavailable()) and
// keeps secrets in memory for the rest of the session.
class KeychainSecretStore : public SecretStore {
  Q_OBJECT

 public:
  explicit KeychainSecretStore(QString service, QObject* parent = nullptr);

  void read(const QString& key, QObject* context, ReadCallback done) override;
  void write(const QString& key, const QString& value) override;
  void remove(const QString& key) override;
  bool isPersistent() const override { return available_; }

 private:
  // True when the job failed because there is no keychain at all (not a missing entry).
  bool noKeychain(const QKeychain::Job& job);

  QString service_;
  MemorySecretStore session_;  // what this session read or wrote
  bool available_ = true;
};

}  // namespace manifold::ui
