// Runs the contribution flow on a worker thread and hands its progress to the GUI thread as
// signals; cancel() stops it at the next step (or inside a request) and it reports what exists.
#pragma once

#include <QObject>
#include <QString>

#include <thread>

#include "core/github/contribution_plan.h"

namespace manifold::ui {

class ContributionRunner : public QObject {
  Q_OBJECT

 public:
  explicit ContributionRunner(QObject* parent = nullptr);
  // Asks a running flow to stop and waits for it (core stops promptly).
  ~ContributionRunner() override;

  // Starts the flow; ignored while one runs. The token is used only for the Authorization header.
  void start(github::ContributionRequest request, const QString& apiUrl, const QString& token);
  void cancel();
  bool isRunning() const { return running_; }

 signals:
  // step: github::ContributionStep; state: github::ContributionProgress::State.
  void progress(int step, int state, const QString& message);
  void succeeded(const QString& pullRequestUrl, int number, bool existed);
  // The message says what failed and what was already created; unauthorized means sign in again.
  void failed(const QString& message, bool unauthorized, bool cancelled);

 private:
  std::jthread thread_;
  bool running_ = false;
};

}  // namespace manifold::ui
