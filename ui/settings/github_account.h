// GitHubAccount: who Manifold is signed in to GitHub as. The token lives in a SecretStore (the
// OS keychain in the app), is held in memory for the session and never written anywhere else.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <stop_token>

#include "ui/bridge/github_bridge.h"

namespace manifold::ui {

class SecretStore;

class GitHubAccount : public QObject {
  Q_OBJECT

 public:
  enum class State { Loading, SignedOut, Verifying, SignedIn, Failed };

  // `apiUrl` answers GET /user (AppSettings' GitHub/ApiUrl in the app; a fake in tests).
  GitHubAccount(SecretStore* store, QString apiUrl, QObject* parent = nullptr);
  ~GitHubAccount() override;

  // Reads the stored token (asynchronously) and checks it with GitHub.
  void load();
  // Checks `token` with GitHub and stores it only if GitHub accepts it.
  void signInWithToken(const QString& token);
  // Forgets the token: removed from the keychain and from memory.
  void signOut();
  void setApiUrl(const QString& apiUrl);

  State state() const { return state_; }
  bool isSignedIn() const { return state_ == State::SignedIn; }
  QString login() const { return info_.login; }
  QString scopes() const { return info_.scopes; }
  QString apiUrl() const { return apiUrl_; }
  // For the Authorization header of this session's requests only.
  QString token() const { return token_; }
  // A sentence for the UI: "Signed in as alice (scopes: public_repo)", "Not signed in", the error.
  QString statusText() const;
  // False while the token is kept in memory only (no keychain on this system).
  bool isPersistent() const;

  static constexpr const char* kTokenKey = "github/token";

 signals:
  void changed();

 private:
  void verify(const QString& token, bool store);

  SecretStore* store_;
  QString apiUrl_;
  QString token_;
  GitHubAccountInfo info_;
  State state_ = State::SignedOut;
  QString error_;
  QFutureWatcher<GitHubAccountInfo>* watcher_;
  std::stop_source stop_;
  quint64 generation_ = 0;
};

}  // namespace manifold::ui
