#include "ui/bridge/device_sign_in.h"

#include "core/github/device_flow.h"

namespace manifold::ui {

DeviceSignIn::DeviceSignIn(QObject* parent) : QObject(parent) {}

DeviceSignIn::~DeviceSignIn() {
  thread_.request_stop();
  if (thread_.joinable()) thread_.join();
}

void DeviceSignIn::start(const QString& loginUrl, const QString& clientId) {
  if (running_) return;
  if (thread_.joinable()) thread_.join();
  running_ = true;
  github::DeviceFlowOptions options;
  options.loginUrl = loginUrl.toStdString();
  options.clientId = clientId.trimmed().toStdString();
  thread_ = std::jthread([this, options = std::move(options)](std::stop_token stop) {
    github::DeviceFlow flow(options);
    const auto fail = [this](const std::string& message) {
      QMetaObject::invokeMethod(
          this,
          [this, text = QString::fromStdString(message)] {
            running_ = false;
            emit failed(text);
          },
          Qt::QueuedConnection);
    };
    const auto code = flow.requestCode(stop);
    if (!code) return fail(code.error().message);
    QMetaObject::invokeMethod(
        this,
        [this, user = QString::fromStdString(code->userCode), uri = QString::fromStdString(code->verificationUri)] {
          emit codeReady(user, uri);
        },
        Qt::QueuedConnection);
    const auto token = flow.waitForToken(code.value(), stop);
    if (!token) return fail(token.error().message);
    QMetaObject::invokeMethod(
        this,
        [this, value = QString::fromStdString(token->accessToken)] {
          running_ = false;
          emit succeeded(value);
        },
        Qt::QueuedConnection);
  });
}

void DeviceSignIn::cancel() {
  if (running_) thread_.request_stop();
}

}  // namespace manifold::ui
