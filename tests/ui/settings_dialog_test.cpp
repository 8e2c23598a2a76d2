// Settings › GitHub under offscreen Qt: a pasted token is checked with a fake GitHub on 127.0.0.1
// before it is kept in the secret store, the device flow shows its code and signs in, sign-out
// forgets the token; the dialog is a page list any area can add to.
#include "ui/settings/settings_dialog.h"

#include <gtest/gtest.h>

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QDialogButtonBox>
#include <QTest>

#include "tests/core/github/fake_github.h"
#include "ui/secrets/memory_secret_store.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/github_account.h"
#include "ui/settings/github_settings_page.h"
#include "ui/settings/settings_page.h"

namespace manifold::ui {
namespace {

using testing::FakeGitHub;

class CountingPage : public SettingsPage {
 public:
  using SettingsPage::SettingsPage;
  QString title() const override { return QStringLiteral("Other"); }
  void apply() override { ++applied; }
  int applied = 0;
};

struct GitHubSettingsTest : ::testing::Test {
  FakeGitHub fake;
  MemorySecretStore store;
  std::unique_ptr<GitHubAccount> account;

  void SetUp() override {
    fake.device.interval = 1;  // the real DeviceSignIn waits in real time
    fake.device.pendingPolls = 0;
    fake.start();
    AppSettings::instance().githubApiUrl.setValue(QString::fromStdString(fake.baseUrl()));
    AppSettings::instance().githubLoginUrl.setValue(QString::fromStdString(fake.baseUrl()));
    AppSettings::instance().githubClientId.setValue(QString::fromLatin1(fake.device.clientId.c_str()));
    account = std::make_unique<GitHubAccount>(&store, QString::fromStdString(fake.baseUrl()));
  }
  void TearDown() override {
    AppSettings::instance().githubApiUrl.reset();
    AppSettings::instance().githubLoginUrl.reset();
    AppSettings::instance().githubClientId.reset();
  }
  bool waitSettled() {
    return QTest::qWaitFor(
        [&] {
          return account->state() != GitHubAccount::State::Verifying && account->state() != GitHubAccount::State::Loading;
        },
        15000);
  }
};

TEST(SettingsDialog, ListsThePagesAddedAndAppliesEachOnOk) {
  SettingsDialog dialog;
  auto* first = new CountingPage;
  auto* second = new CountingPage;
  dialog.addPage(first);
  dialog.addPage(second);
  EXPECT_EQ(dialog.pageCount(), 2);
  EXPECT_EQ(dialog.pageList()->accessibleName(), "Settings pages");
  EXPECT_EQ(dialog.currentPage(), first);
  EXPECT_TRUE(dialog.showPage(QStringLiteral("Other")));
  EXPECT_FALSE(dialog.showPage(QStringLiteral("Nothing")));
  dialog.pageList()->setCurrentRow(1);
  EXPECT_EQ(dialog.currentPage(), second);
  QTest::mouseClick(dialog.buttons()->button(QDialogButtonBox::Apply), Qt::LeftButton);
  EXPECT_EQ(first->applied, 1);
  EXPECT_EQ(second->applied, 1);
}

TEST_F(GitHubSettingsTest, APastedTokenIsCheckedKeptInTheKeychainAndForgottenOnSignOut) {
  GitHubSettingsPage page(account.get());
  EXPECT_EQ(page.accountLabel()->text(), "Not signed in to GitHub.");
  EXPECT_EQ(page.tokenField()->echoMode(), QLineEdit::Password);
  EXPECT_EQ(page.tokenField()->accessibleName(), "Personal access token");
  QTest::keyClicks(page.tokenField(), QString::fromLatin1(FakeGitHub::kToken));
  QTest::mouseClick(page.tokenSignInButton(), Qt::LeftButton);
  EXPECT_TRUE(page.tokenField()->text().isEmpty());  // the widget does not keep it
  ASSERT_TRUE(waitSettled());
  EXPECT_EQ(account->state(), GitHubAccount::State::SignedIn);
  // The in-memory store of the tests says that the sign-in lasts this session only.
  EXPECT_EQ(page.accountLabel()->text(),
            "Signed in as alice (scopes: public_repo, read:user); no keychain, so only for this session.");
  EXPECT_EQ(store.entries().value(QString::fromLatin1(GitHubAccount::kTokenKey)), QString::fromLatin1(FakeGitHub::kToken));
  ASSERT_FALSE(fake.requests().empty());
  EXPECT_EQ(fake.requests().back().path, "/user");

  // A new session reads it back from the store and checks it again.
  GitHubAccount again(&store, QString::fromStdString(fake.baseUrl()));
  again.load();
  ASSERT_TRUE(QTest::qWaitFor([&] { return again.isSignedIn(); }, 15000));
  EXPECT_EQ(again.login(), "alice");

  QTest::mouseClick(page.signOutButton(), Qt::LeftButton);
  EXPECT_EQ(account->state(), GitHubAccount::State::SignedOut);
  EXPECT_TRUE(account->token().isEmpty());
  EXPECT_FALSE(store.entries().contains(QString::fromLatin1(GitHubAccount::kTokenKey)));
  EXPECT_EQ(page.accountLabel()->text(), "Not signed in to GitHub.");
}

TEST_F(GitHubSettingsTest, ARejectedTokenIsNotKeptAndSaysSignInAgain) {
  GitHubSettingsPage page(account.get());
  page.tokenField()->setText(QStringLiteral("ghp_revoked"));
  QTest::mouseClick(page.tokenSignInButton(), Qt::LeftButton);
  ASSERT_TRUE(waitSettled());
  EXPECT_EQ(account->state(), GitHubAccount::State::Failed);
  EXPECT_TRUE(page.accountLabel()->text().contains("sign in again")) << page.accountLabel()->text().toStdString();
  EXPECT_FALSE(page.accountLabel()->text().contains("ghp_revoked"));
  EXPECT_TRUE(store.entries().isEmpty());
}

TEST_F(GitHubSettingsTest, TheDeviceFlowShowsTheCodeAndLinkThenSignsIn) {
  fake.device.pendingPolls = 1;
  GitHubSettingsPage page(account.get());
  EXPECT_EQ(page.clientIdField()->text(), QString::fromLatin1(fake.device.clientId.c_str()));
  QTest::mouseClick(page.deviceSignInButton(), Qt::LeftButton);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !page.deviceCodeLabel()->isHidden(); }, 15000));
  EXPECT_EQ(page.deviceCodeLabel()->text(), "WDJB-MJHT");
  EXPECT_TRUE(page.deviceLinkLabel()->text().contains(QString::fromStdString(fake.baseUrl() + "/login/device")));
  EXPECT_TRUE(page.deviceLinkLabel()->openExternalLinks());
  ASSERT_TRUE(QTest::qWaitFor([&] { return account->isSignedIn(); }, 20000)) << account->statusText().toStdString();
  EXPECT_TRUE(page.deviceCodeLabel()->isHidden());
  EXPECT_EQ(store.entries().value(QString::fromLatin1(GitHubAccount::kTokenKey)), QString::fromLatin1(FakeGitHub::kToken));
  EXPECT_EQ(fake.device.polls, 2);
}

TEST_F(GitHubSettingsTest, TheDeviceFlowCanBeCancelledAndSaysWhyItFailed) {
  fake.device.pendingPolls = 1'000'000;
  GitHubSettingsPage page(account.get());
  QTest::mouseClick(page.deviceSignInButton(), Qt::LeftButton);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !page.deviceCodeLabel()->isHidden(); }, 15000));
  QTest::mouseClick(page.cancelSignInButton(), Qt::LeftButton);
  ASSERT_TRUE(QTest::qWaitFor([&] { return page.deviceSignInButton()->isEnabled(); }, 15000));
  EXPECT_FALSE(account->isSignedIn());
  EXPECT_TRUE(store.entries().isEmpty());
  // A wrong client id is named in the page.
  page.clientIdField()->setText(QStringLiteral("Iv1.nope"));
  QTest::mouseClick(page.deviceSignInButton(), Qt::LeftButton);
  ASSERT_TRUE(QTest::qWaitFor([&] { return page.deviceSignInButton()->isEnabled(); }, 15000));
  bool named = false;
  for (auto* label : page.findChildren<QLabel*>()) named = named || label->text().contains("incorrect_client_credentials");
  EXPECT_TRUE(named);
}

TEST_F(GitHubSettingsTest, SaysAClassicTokenWithPublicRepoIsNeededAndApplySavesTheUrls) {
  GitHubSettingsPage page(account.get());
  bool explained = false;
  for (auto* label : page.findChildren<QLabel*>()) {
    const QString text = label->text();
    explained = explained || (text.contains("classic") && text.contains("public_repo") && text.contains("Fine-grained"));
  }
  EXPECT_TRUE(explained);
  page.apiUrlField()->setText(QStringLiteral("https://ghe.example.com/api/v3"));
  page.apply();
  EXPECT_EQ(AppSettings::instance().githubApiUrl.value(), "https://ghe.example.com/api/v3");
  EXPECT_EQ(account->apiUrl(), "https://ghe.example.com/api/v3");
  // Every control of the page has a name.
  for (auto* w : page.findChildren<QWidget*>()) {
    if (qobject_cast<QLineEdit*>(w) || qobject_cast<QPushButton*>(w)) {
      EXPECT_FALSE(w->accessibleName().isEmpty()) << w->metaObject()->className();
    }
  }
}

}  // namespace
}  // namespace manifold::ui
