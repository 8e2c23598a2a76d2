#include "ui/bridge/contribution_runner.h"

#include "core/github/contribution_flow.h"

namespace manifold::ui {

ContributionRunner::ContributionRunner(QObject* parent) : QObject(parent) {}

ContributionRunner::~ContributionRunner() {
  thread_.request_stop();
  if (thread_.joinable()) thread_.join();  // its queued signals die with this object
}

void ContributionRunner::start(github::ContributionRequest request, const QString& apiUrl, const QString& token) {
  if (running_) return;
  if (thread_.joinable()) thread_.join();  // the last run has posted its end already
  running_ = true;
  github::GitHubClientOptions options;
  options.apiUrl = apiUrl.toStdString();
  options.token = token.toStdString();
  options.userAgent = "Manifold";
  options.timeout = std::chrono::seconds(60);
  thread_ = std::jthread([this, request = std::move(request), options = std::move(options)](std::stop_token stop) {
    github::GitHubClient client(options);
    github::ContributionFlow flow(client);
    const auto outcome = flow.run(
        request,
        [this](const github::ContributionProgress& p) {
          QMetaObject::invokeMethod(
              this,
              [this, step = static_cast<int>(p.step), state = static_cast<int>(p.state),
               message = QString::fromStdString(p.message)] { emit progress(step, state, message); },
              Qt::QueuedConnection);
        },
        stop);
    if (const auto* failure = std::get_if<github::ContributionFailure>(&outcome)) {
      QMetaObject::invokeMethod(
          this,
          [this, message = QString::fromStdString(failure->describe()),
           unauthorized = failure->error.kind == github::GitHubErrorKind::Unauthorized,
           cancelled = failure->error.kind == github::GitHubErrorKind::Cancelled] {
            running_ = false;
            emit failed(message, unauthorized, cancelled);
          },
          Qt::QueuedConnection);
      return;
    }
    const auto& result = std::get<github::ContributionResult>(outcome);
    QMetaObject::invokeMethod(
        this,
        [this, url = QString::fromStdString(result.artifacts.pullRequestUrl), number = result.artifacts.pullRequestNumber,
         existed = result.artifacts.pullRequestExisted] {
          running_ = false;
          emit succeeded(url, number, existed);
        },
        Qt::QueuedConnection);
  });
}

void ContributionRunner::cancel() {
  if (running_) thread_.request_stop();
}

}  // namespace manifold::ui
