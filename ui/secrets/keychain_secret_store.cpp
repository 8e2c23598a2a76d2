// The OS keychain through QtKeychain (Secret Service, KWallet, macOS Keychain, Windows).
#include "ui/secrets/keychain_secret_store.h"

#include <qt6keychain/keychain.h>

#include <QPointer>

namespace manifold::ui {

KeychainSecretStore::KeychainSecretStore(QString service, QObject* parent)
    : SecretStore(parent), service_(std::move(service)) {}

namespace {

// Why the keychain cannot be used, in words a user can act on.
QString reasonOf(const QKeychain::Job& job) {
  switch (job.error()) {
    case QKeychain::NoBackendAvailable:
      return KeychainSecretStore::tr("no keychain service (GNOME Keyring, KWallet) is running");
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
      return KeychainSecretStore::tr("the keychain refused access");
    case QKeychain::NotImplemented:
      return KeychainSecretStore::tr("this system has no keychain Manifold can use");
    default:
      break;
  }
  const QString detail = job.errorString().trimmed();
  // With no D-Bus session at all QtKeychain reports only "Unknown error".
  if (detail.isEmpty() || detail.contains(QStringLiteral("Unknown error"), Qt::CaseInsensitive)) {
    return KeychainSecretStore::tr("no keychain service (GNOME Keyring, KWallet) could be reached");
  }
  return KeychainSecretStore::tr("the keychain reported “%1”").arg(detail);
}

}  // namespace

bool KeychainSecretStore::noKeychain(const QKeychain::Job& job) {
  if (job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound) return false;
  if (available_) {
    available_ = false;
    emit unavailable(tr("Secrets are kept for this session only: %1. Other testing values are saved "
                        "with the connector as usual.")
                         .arg(reasonOf(job)));
  }
  return true;
}

void KeychainSecretStore::read(const QString& key, QObject* context, ReadCallback done) {
  if (!available_ || session_.entries().contains(key)) {
    session_.read(key, context, std::move(done));
    return;
  }
  auto* job = new QKeychain::ReadPasswordJob(service_, this);  // deletes itself when finished
  job->setKey(key);
  QPointer<QObject> guard(context);
  connect(job, &QKeychain::Job::finished, this, [this, key, guard, done = std::move(done)](QKeychain::Job* j) {
    std::optional<QString> value;
    if (j->error() == QKeychain::NoError) {
      value = static_cast<QKeychain::ReadPasswordJob*>(j)->textData();
      if (!session_.entries().contains(key)) session_.write(key, *value);
    } else if (noKeychain(*j) && session_.entries().contains(key)) {
      value = session_.entries().value(key);
    }
    if (guard) done(value);
  });
  job->start();
}

void KeychainSecretStore::write(const QString& key, const QString& value) {
  session_.write(key, value);
  if (!available_) return;
  auto* job = new QKeychain::WritePasswordJob(service_, this);
  job->setKey(key);
  job->setTextData(value);
  connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job* j) { noKeychain(*j); });
  job->start();
}

void KeychainSecretStore::remove(const QString& key) {
  session_.remove(key);
  if (!available_) return;
  auto* job = new QKeychain::DeletePasswordJob(service_, this);
  job->setKey(key);
  connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job* j) { noKeychain(*j); });
  job->start();
}

}  // namespace manifold::ui
