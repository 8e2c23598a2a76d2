#include "ui/settings/github_account.h"

#include <QtConcurrent/QtConcurrentRun>

#include "ui/secrets/secret_store.h"

namespace manifold::ui {

GitHubAccount::GitHubAccount(SecretStore* store, QString apiUrl, QObject* parent)
    : QObject(parent), store_(store), apiUrl_(std::move(apiUrl)), watcher_(new QFutureWatcher<GitHubAccountInfo>(this)) {}

GitHubAccount::~GitHubAccount() {
  stop_.request_stop();
  watcher_->waitForFinished();
}

void GitHubAccount::load() {
  state_ = State::Loading;
  emit changed();
  const quint64 generation = ++generation_;
  store_->read(QString::fromLatin1(kTokenKey), this, [this, generation](std::optional<QString> value) {
    if (generation != generation_) return;  // signed in or out meanwhile
    if (!value || value->isEmpty()) {
      state_ = State::SignedOut;
      emit changed();
      return;
    }
    verify(*value, false);
  });
}

void GitHubAccount::signInWithToken(const QString& token) {
  const QString trimmed = token.trimmed();
  if (trimmed.isEmpty()) {
    state_ = State::Failed;
    error_ = tr("Paste a token first.");
    emit changed();
    return;
  }
  verify(trimmed, true);
}

void GitHubAccount::verify(const QString& token, bool store) {
  stop_.request_stop();
  stop_ = std::stop_source();
  const quint64 generation = ++generation_;
  state_ = State::Verifying;
  emit changed();
  watcher_->disconnect(this);
  connect(watcher_, &QFutureWatcher<GitHubAccountInfo>::finished, this, [this, generation, token, store] {
    if (generation != generation_) return;
    const GitHubAccountInfo info = watcher_->result();
    if (info.login.isEmpty()) {
      state_ = State::Failed;
      error_ = info.unauthorized ? tr("GitHub did not accept the token (wrong, expired or revoked): sign in again.")
                                 : info.error;
      token_.clear();
      info_ = {};
      emit changed();
      return;
    }
    info_ = info;
    token_ = token;
    state_ = State::SignedIn;
    if (store) store_->write(QString::fromLatin1(kTokenKey), token);
    emit changed();
  });
  watcher_->setFuture(QtConcurrent::run(
      [apiUrl = apiUrl_, token, stop = stop_.get_token()] { return fetchGitHubAccount(apiUrl, token, stop); }));
}

void GitHubAccount::signOut() {
  stop_.request_stop();
  ++generation_;
  store_->remove(QString::fromLatin1(kTokenKey));
  token_.clear();
  info_ = {};
  error_.clear();
  state_ = State::SignedOut;
  emit changed();
}

void GitHubAccount::setApiUrl(const QString& apiUrl) {
  if (apiUrl == apiUrl_) return;
  apiUrl_ = apiUrl;
  if (!token_.isEmpty()) verify(token_, false);
}

bool GitHubAccount::isPersistent() const { return store_->isPersistent(); }

QString GitHubAccount::statusText() const {
  switch (state_) {
    case State::Loading: return tr("Reading the stored sign-in…");
    case State::SignedOut: return tr("Not signed in to GitHub.");
    case State::Verifying: return tr("Checking the token with GitHub…");
    case State::SignedIn: {
      QString text = tr("Signed in as %1").arg(info_.login);
      if (!info_.scopes.isEmpty()) {
        text += tr(" (scopes: %1)").arg(info_.scopes);
        const QStringList granted = info_.scopes.split(QLatin1Char(','), Qt::SkipEmptyParts);
        bool canWrite = false;
        for (const QString& scope : granted) {
          canWrite = canWrite || scope.trimmed() == QLatin1String("public_repo") || scope.trimmed() == QLatin1String("repo");
        }
        if (!canWrite) text += tr("; it lacks the public_repo scope a contribution needs");
      }
      if (!store_->isPersistent()) text += tr("; no keychain, so only for this session");
      return text + QLatin1Char('.');
    }
    case State::Failed: return error_;
  }
  return {};
}

}  // namespace manifold::ui
