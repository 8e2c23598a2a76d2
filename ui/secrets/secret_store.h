// Where secret testing values live. An interface, so the app uses the OS keychain and tests memory.
#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace manifold::ui {

class SecretStore : public QObject {
  Q_OBJECT

 public:
  // Called on the GUI thread once the value is known; nullopt when nothing is stored.
  using ReadCallback = std::function<void(std::optional<QString> value)>;

  using QObject::QObject;

  // Asynchronous: `done` runs later from the event loop, never inside the call, and not at
  // all once `context` is destroyed.
  virtual void read(const QString& key, QObject* context, ReadCallback done) = 0;
  virtual void write(const QString& key, const QString& value) = 0;
  virtual void remove(const QString& key) = 0;
  // False while secrets are only kept in memory for this session.
  virtual bool isPersistent() const = 0;

 signals:
  // The keychain cannot be used (no D-Bus session, no Secret Service): emitted once, with a
  // sentence for the user; from then on secrets stay in memory for the session.
  void unavailable(const QString& reason);
};

}  // namespace manifold::ui
