// Autosave copies of unsaved editor buffers, to restore after a crash.
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace manifold::ui {

class RecoveryStore {
 public:
  struct Entry {
    QString originalPath;  // empty for a buffer never saved
    QString recoveryFile;
    QDateTime savedAt;
    QString text;
  };

  // `directory` defaults to <AppDataLocation>/recovery.
  explicit RecoveryStore(QString directory = {});

  // Writes the buffer's copy atomically (owner-only permissions). Returns an error, empty on success.
  QString save(const QString& documentKey, const QString& originalPath, const QString& text) const;
  // Forgets the copy once the buffer is saved or deliberately discarded.
  void discard(const QString& documentKey) const;
  // Copies left behind by earlier sessions, newest first. Unreadable files are skipped.
  QList<Entry> entries() const;

  const QString& directory() const { return directory_; }

 private:
  QString fileFor(const QString& documentKey) const;

  QString directory_;
};

}  // namespace manifold::ui
