// Settings › GitHub: the API and sign-in URLs, the device flow's client id, and the account:
// sign in with a pasted token or through the device flow, see who is signed in, sign out.
#pragma once

#include "ui/settings/settings_page.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace manifold::ui {

class DeviceSignIn;
class GitHubAccount;

class GitHubSettingsPage : public SettingsPage {
  Q_OBJECT

 public:
  GitHubSettingsPage(GitHubAccount* account, QWidget* parent = nullptr);

  QString title() const override { return tr("GitHub"); }
  void apply() override;

  QLineEdit* apiUrlField() const { return apiUrl_; }
  QLineEdit* loginUrlField() const { return loginUrl_; }
  QLineEdit* clientIdField() const { return clientId_; }
  QLineEdit* tokenField() const { return token_; }
  QPushButton* tokenSignInButton() const { return tokenSignIn_; }
  QPushButton* deviceSignInButton() const { return deviceSignIn_; }
  QPushButton* cancelSignInButton() const { return cancelSignIn_; }
  QPushButton* signOutButton() const { return signOut_; }
  QLabel* accountLabel() const { return account_label_; }
  QLabel* deviceCodeLabel() const { return deviceCode_; }
  QLabel* deviceLinkLabel() const { return deviceLink_; }

 private:
  void refresh();
  void startDeviceSignIn();

  GitHubAccount* account_;
  DeviceSignIn* device_;
  QLineEdit* apiUrl_;
  QLineEdit* loginUrl_;
  QLineEdit* clientId_;
  QLineEdit* token_;
  QPushButton* tokenSignIn_;
  QPushButton* deviceSignIn_;
  QPushButton* cancelSignIn_;
  QPushButton* signOut_;
  QLabel* account_label_;
  QLabel* deviceCode_;
  QLabel* deviceLink_;
  QLabel* deviceStatus_;
};

}  // namespace manifold::ui
