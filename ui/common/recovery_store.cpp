// Autosave copies of unsaved editor buffers, to restore after a crash.
#include "ui/common/recovery_store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace manifold::ui {

RecoveryStore::RecoveryStore(QString directory) : directory_(std::move(directory)) {
  if (directory_.isEmpty()) {
    directory_ = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                 QStringLiteral("/recovery");
  }
}

QString RecoveryStore::fileFor(const QString& documentKey) const {
  const QByteArray hash =
      QCryptographicHash::hash(documentKey.toUtf8(), QCryptographicHash::Sha1).toHex();
  return directory_ + QLatin1Char('/') + QString::fromLatin1(hash.left(16)) +
         QStringLiteral(".json");
}

QString RecoveryStore::save(const QString& documentKey, const QString& originalPath,
                            const QString& text) const {
  if (!QDir().mkpath(directory_)) {
    return QStringLiteral("Cannot create the recovery folder %1").arg(directory_);
  }
  QSaveFile out(fileFor(documentKey));
  if (!out.open(QIODevice::WriteOnly)) {
    return QStringLiteral("Cannot write a recovery copy: %1").arg(out.errorString());
  }
  out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
  const QJsonObject object{
      {QStringLiteral("path"), originalPath},
      {QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
      {QStringLiteral("text"), text},
  };
  out.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
  if (!out.commit()) return QStringLiteral("Cannot write a recovery copy: %1").arg(out.errorString());
  return {};
}

void RecoveryStore::discard(const QString& documentKey) const { QFile::remove(fileFor(documentKey)); }

QList<RecoveryStore::Entry> RecoveryStore::entries() const {
  QList<Entry> result;
  const QDir dir(directory_);
  for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::ReadOnly)) continue;
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    if (!object.contains(QStringLiteral("text"))) continue;
    result.append(Entry{object.value(QStringLiteral("path")).toString(), file.fileName(),
                        QDateTime::fromString(object.value(QStringLiteral("savedAt")).toString(),
                                              Qt::ISODateWithMs),
                        object.value(QStringLiteral("text")).toString()});
  }
  std::sort(result.begin(), result.end(),
            [](const Entry& a, const Entry& b) { return a.savedAt > b.savedAt; });
  return result;
}

}  // namespace manifold::ui
