// GitHub's device flow on a worker thread: the code to show, then the token once the user
// authorised Manifold on github.com. cancel() ends the wait.
#pragma once

#include <QObject>
#include <QString>

#include <thread>

namespace manifold::ui {

class DeviceSignIn : public QObject {
  Q_OBJECT

 public:
  explicit DeviceSignIn(QObject* parent = nullptr);
  ~DeviceSignIn() override;

  void start(const QString& loginUrl, const QString& clientId);
  void cancel();
  bool isRunning() const { return running_; }

 signals:
  void codeReady(const QString& userCode, const QString& verificationUri);
  void succeeded(const QString& token);
  void failed(const QString& message);

 private:
  std::jthread thread_;
  bool running_ = false;
};

}  // namespace manifold::ui
