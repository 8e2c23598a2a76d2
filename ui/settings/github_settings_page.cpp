#include "ui/settings/github_settings_page.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

#include "ui/bridge/device_sign_in.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/github_account.h"

namespace manifold::ui {

namespace {

QLineEdit* field(const QString& text, const QString& name, QWidget* parent) {
  auto* edit = new QLineEdit(text, parent);
  edit->setAccessibleName(name);
  return edit;
}

QPushButton* button(const QString& text, const QString& name, QWidget* parent) {
  auto* b = new QPushButton(text, parent);
  b->setAccessibleName(name);
  return b;
}

}  // namespace

GitHubSettingsPage::GitHubSettingsPage(GitHubAccount* account, QWidget* parent)
    : SettingsPage(parent), account_(account), device_(new DeviceSignIn(this)) {
  AppSettings& settings = AppSettings::instance();
  apiUrl_ = field(settings.githubApiUrl.value(), tr("GitHub API URL"), this);
  apiUrl_->setPlaceholderText(QStringLiteral("https://api.github.com"));
  apiUrl_->setToolTip(tr("GitHub Enterprise: https://HOST/api/v3"));
  loginUrl_ = field(settings.githubLoginUrl.value(), tr("GitHub sign-in URL"), this);
  loginUrl_->setPlaceholderText(QStringLiteral("https://github.com"));
  clientId_ = field(settings.githubClientId.value(), tr("OAuth client ID"), this);
  clientId_->setPlaceholderText(tr("client ID of the OAuth app (device flow enabled)"));

  auto* server = new QGroupBox(tr("Server"), this);
  auto* serverForm = new QFormLayout(server);
  serverForm->addRow(tr("&API URL:"), apiUrl_);
  serverForm->addRow(tr("Sign-in &URL:"), loginUrl_);
  serverForm->addRow(tr("OAuth &client ID:"), clientId_);

  auto* accountBox = new QGroupBox(tr("Account"), this);
  account_label_ = new QLabel(accountBox);
  account_label_->setWordWrap(true);
  account_label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  signOut_ = button(tr("Sign &Out"), tr("Sign out of GitHub"), accountBox);

  token_ = field({}, tr("Personal access token"), accountBox);
  token_->setEchoMode(QLineEdit::Password);
  token_->setPlaceholderText(QStringLiteral("ghp_…"));
  tokenSignIn_ = button(tr("Sign In with &Token"), tr("Sign in with the token"), accountBox);
  auto* tokenNote = new QLabel(
      tr("Use a <b>classic</b> personal access token with the <code>public_repo</code> scope. Fine-grained tokens "
         "cannot write to public repositories you do not own, so they cannot open a pull request on a catalog "
         "from your fork. The token is kept in the system keychain, never in a project file."),
      accountBox);
  tokenNote->setWordWrap(true);
  tokenNote->setAccessibleName(tr("Token requirements"));
  tokenNote->setAccessibleDescription(tokenNote->text().remove(QRegularExpression(QStringLiteral("<[^>]+>"))));

  deviceSignIn_ = button(tr("Sign In with &GitHub…"), tr("Sign in with GitHub in the browser"), accountBox);
  cancelSignIn_ = button(tr("Cancel Sign-In"), tr("Cancel the sign-in"), accountBox);
  cancelSignIn_->hide();
  deviceCode_ = new QLabel(accountBox);
  deviceCode_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  deviceCode_->setAccessibleName(tr("Sign-in code"));
  QFont big = deviceCode_->font();
  big.setPointSizeF(big.pointSizeF() * 1.6);
  big.setBold(true);
  deviceCode_->setFont(big);
  deviceCode_->hide();
  deviceLink_ = new QLabel(accountBox);
  deviceLink_->setOpenExternalLinks(true);
  deviceLink_->setTextInteractionFlags(Qt::TextBrowserInteraction);
  deviceLink_->setAccessibleName(tr("Sign-in page link"));
  deviceLink_->hide();
  deviceStatus_ = new QLabel(accountBox);
  deviceStatus_->setWordWrap(true);

  auto* statusRow = new QHBoxLayout;
  statusRow->addWidget(account_label_, 1);
  statusRow->addWidget(signOut_);
  auto* tokenRow = new QHBoxLayout;
  tokenRow->addWidget(token_, 1);
  tokenRow->addWidget(tokenSignIn_);
  auto* deviceRow = new QHBoxLayout;
  deviceRow->addWidget(deviceSignIn_);
  deviceRow->addWidget(cancelSignIn_);
  deviceRow->addStretch(1);
  auto* accountLayout = new QVBoxLayout(accountBox);
  accountLayout->addLayout(statusRow);
  accountLayout->addSpacing(6);
  accountLayout->addWidget(new QLabel(tr("Personal access token:"), accountBox));
  accountLayout->addLayout(tokenRow);
  accountLayout->addWidget(tokenNote);
  accountLayout->addSpacing(6);
  accountLayout->addWidget(new QLabel(tr("Or sign in through github.com (OAuth device flow):"), accountBox));
  accountLayout->addLayout(deviceRow);
  accountLayout->addWidget(deviceCode_);
  accountLayout->addWidget(deviceLink_);
  accountLayout->addWidget(deviceStatus_);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(server);
  layout->addWidget(accountBox);
  layout->addStretch(1);

  connect(account_, &GitHubAccount::changed, this, &GitHubSettingsPage::refresh);
  connect(tokenSignIn_, &QPushButton::clicked, this, [this] {
    account_->setApiUrl(apiUrl_->text().trimmed());
    account_->signInWithToken(token_->text());
    token_->clear();  // held by the account now, not by a widget
  });
  connect(token_, &QLineEdit::returnPressed, tokenSignIn_, &QPushButton::click);
  connect(signOut_, &QPushButton::clicked, account_, &GitHubAccount::signOut);
  connect(deviceSignIn_, &QPushButton::clicked, this, &GitHubSettingsPage::startDeviceSignIn);
  connect(cancelSignIn_, &QPushButton::clicked, device_, &DeviceSignIn::cancel);
  connect(device_, &DeviceSignIn::codeReady, this, [this](const QString& code, const QString& uri) {
    deviceCode_->setText(code);
    deviceCode_->show();
    deviceLink_->setText(tr("Open <a href=\"%1\">%1</a> and enter the code above.").arg(uri.toHtmlEscaped()));
    deviceLink_->show();
    deviceStatus_->setText(tr("Waiting for you to authorise Manifold on GitHub…"));
  });
  const auto endDevice = [this](const QString& status) {
    deviceCode_->hide();
    deviceLink_->hide();
    cancelSignIn_->hide();
    deviceSignIn_->setEnabled(true);
    deviceStatus_->setText(status);
  };
  connect(device_, &DeviceSignIn::succeeded, this, [this, endDevice](const QString& token) {
    endDevice(QString());
    account_->setApiUrl(apiUrl_->text().trimmed());
    account_->signInWithToken(token);
  });
  connect(device_, &DeviceSignIn::failed, this, endDevice);
  refresh();
}

void GitHubSettingsPage::startDeviceSignIn() {
  deviceSignIn_->setEnabled(false);
  cancelSignIn_->show();
  deviceStatus_->setText(tr("Asking GitHub for a sign-in code…"));
  device_->start(loginUrl_->text().trimmed(), clientId_->text().trimmed());
}

void GitHubSettingsPage::refresh() {
  account_label_->setText(account_->statusText());
  signOut_->setEnabled(account_->isSignedIn() || account_->state() == GitHubAccount::State::Failed);
}

void GitHubSettingsPage::apply() {
  AppSettings& settings = AppSettings::instance();
  const QString api = apiUrl_->text().trimmed();
  settings.githubApiUrl.setValue(api.isEmpty() ? settings.githubApiUrl.defaultValue() : api);
  const QString login = loginUrl_->text().trimmed();
  settings.githubLoginUrl.setValue(login.isEmpty() ? settings.githubLoginUrl.defaultValue() : login);
  settings.githubClientId.setValue(clientId_->text().trimmed());
  account_->setApiUrl(settings.githubApiUrl.value());
}

}  // namespace manifold::ui
