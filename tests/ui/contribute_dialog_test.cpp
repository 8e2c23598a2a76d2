// The Contribute dialog under offscreen Qt against a fake GitHub on 127.0.0.1: the files with
// their diffs against the catalog, the template in the fields, the flow's progress off the GUI
// thread through to the pull request link, and a rejected token asking to sign in again.
// With MANIFOLD_SCREENSHOT_DIR set it saves docs/screenshots/contribute.png:
//   MANIFOLD_SCREENSHOT_DIR=docs/screenshots QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1400x900x24"
//   build/tests/ui_tests --gtest_filter='ContributeDialog*'
#include "ui/contribute/contribute_dialog.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include "tests/core/github/connector_folder.h"
#include "tests/core/github/fake_github.h"
#include "ui/secrets/memory_secret_store.h"
#include "ui/settings/github_account.h"

namespace manifold::ui {
namespace {

using testing::ConnectorFolder;
using testing::FakeGitHub;

struct ContributeDialogTest : ::testing::Test {
  FakeGitHub fake;
  MemorySecretStore store;
  std::unique_ptr<GitHubAccount> account;
  ConnectorFolder folder{"example"};

  void SetUp() override {
    fake.forkNotReadyPolls = 0;  // the dialog's flow waits in real time; the backoff has its own test
    // The catalog has an older manifest of the connector, so one file shows a real diff.
    std::string older = testing::kTestManifest;
    older.replace(older.find("path: /orders"), 13, "path: /v1/orders");
    fake.commitFiles("airbytehq/airbyte", "master",
                     {{"airbyte-integrations/connectors/source-example/manifest.yaml", older}});
  }
  void signIn() {
    account = std::make_unique<GitHubAccount>(&store, QString::fromStdString(fake.baseUrl()));
    account->signInWithToken(QString::fromLatin1(FakeGitHub::kToken));
    ASSERT_TRUE(QTest::qWaitFor([&] { return account->isSignedIn(); }, 15000)) << account->statusText().toStdString();
  }
  ContributeSetup setup() const {
    ContributeSetup s;
    s.connectorDir = QString::fromStdString(folder.dir().string());
    s.repository = QStringLiteral("airbytehq/airbyte");
    s.secretValues = {"sk_live_VERYSECRET42"};
    return s;
  }
  static void waitLoaded(ContributeDialog& dialog) {
    ASSERT_TRUE(QTest::qWaitFor([&] { return !dialog.isLoading(); }, 20000));
    QCoreApplication::processEvents();
  }
  static QString rowText(QTreeWidget* tree, int row) {
    return tree->topLevelItem(row)->text(0) + QStringLiteral(" | ") + tree->topLevelItem(row)->text(1);
  }
};

void saveShot(QWidget* widget, const char* name) {
  const QString folder = qEnvironmentVariable("MANIFOLD_SCREENSHOT_DIR");
  if (folder.isEmpty()) return;
  QTest::qWait(300);
  ASSERT_TRUE(widget->grab().save(QDir(folder).filePath(QString::fromLatin1(name)))) << name;
}

TEST_F(ContributeDialogTest, ShowsTheFilesWithDiffsAndOpensThePullRequestThroughToTheLink) {
  fake.start();
  signIn();
  ContributeDialog dialog(setup(), account.get());
  dialog.show();
  waitLoaded(dialog);
  EXPECT_TRUE(dialog.accountLabel()->text().startsWith("Signed in as alice")) << dialog.accountLabel()->text().toStdString();

  // The template fills the fields; the files are listed with how they differ from the catalog.
  EXPECT_EQ(dialog.branchField()->text(), "manifold/source-example");
  EXPECT_EQ(dialog.titleField()->text(), "New source: source-example (low-code manifest)");
  EXPECT_TRUE(dialog.descriptionField()->toPlainText().contains("| `orders` | 3 | passed |"));
  QTreeWidget* files = dialog.fileList();
  ASSERT_EQ(files->topLevelItemCount(), 6);
  EXPECT_EQ(rowText(files, 0), "airbyte-integrations/connectors/source-example/manifest.yaml | changed");
  EXPECT_EQ(rowText(files, 1), "airbyte-integrations/connectors/source-example/metadata.yaml | new");
  EXPECT_EQ(rowText(files, 4), "airbyte-integrations/connectors/source-example/acceptance-test-config.yml | generated, new");
  const QString diff = dialog.diffView()->toPlainText();
  EXPECT_TRUE(diff.contains("--- upstream/airbyte-integrations/connectors/source-example/manifest.yaml")) << diff.toStdString();
  EXPECT_TRUE(diff.contains("-        path: /v1/orders")) << diff.toStdString();
  EXPECT_TRUE(diff.contains("+        path: /orders")) << diff.toStdString();
  files->setCurrentItem(files->topLevelItem(1));
  EXPECT_TRUE(dialog.diffView()->toPlainText().contains("+data:"));
  // The folder's own metadata.yaml lacks what the catalog needs: a reviewer would flag it.
  // Its allowedHosts also lacks the host the manifest reads from: Contribute adds it and says so.
  const QString warnings = dialog.warningsLabel()->text();
  EXPECT_TRUE(warnings.contains("⚠ metadata.yaml has no data.definitionId; the catalog needs one (a UUID)"))
      << warnings.toStdString();
  EXPECT_TRUE(warnings.contains("⚠ metadata.yaml's allowedHosts gets ")) << warnings.toStdString();
  EXPECT_TRUE(warnings.contains("check them in the diff")) << warnings.toStdString();

  // The user's own title goes out; the flow runs off the GUI thread and ends with the link.
  dialog.titleField()->clear();
  QTest::keyClicks(dialog.titleField(), "Add the Example source");
  ASSERT_TRUE(dialog.contributeButton()->isEnabled());
  QSignalSpy contributed(&dialog, &ContributeDialog::contributed);
  QTest::mouseClick(dialog.contributeButton(), Qt::LeftButton);
  EXPECT_TRUE(dialog.isRunning());
  EXPECT_EQ(dialog.cancelButton()->text(), "Cancel");
  EXPECT_FALSE(dialog.titleField()->isEnabled());
  ASSERT_TRUE(QTest::qWaitFor([&] { return contributed.count() == 1; }, 30000)) << dialog.resultLabel()->text().toStdString();
  saveShot(&dialog, "contribute.png");
  const QString url = QStringLiteral("https://github.com/airbytehq/airbyte/pull/100");
  EXPECT_EQ(contributed.at(0).at(0).toString(), url);
  EXPECT_EQ(dialog.pullRequestUrl(), url);
  EXPECT_TRUE(dialog.resultLabel()->isVisible());
  EXPECT_TRUE(dialog.resultLabel()->openExternalLinks());
  EXPECT_TRUE(dialog.resultLabel()->text().contains("<a href=\"" + url + "\">")) << dialog.resultLabel()->text().toStdString();
  EXPECT_TRUE(dialog.resultLabel()->text().contains("Opened pull request #100"));
  for (int i = 0; i < dialog.progressList()->count(); ++i) {
    EXPECT_TRUE(dialog.progressList()->item(i)->text().startsWith(QStringLiteral("✓ ")))
        << dialog.progressList()->item(i)->text().toStdString();
  }
  EXPECT_FALSE(dialog.contributeButton()->isEnabled());  // done; a second press would only update it
  ASSERT_EQ(fake.pulls.size(), 1u);
  EXPECT_EQ(fake.pulls[0].title, "Add the Example source");
  EXPECT_EQ(fake.pulls[0].head, "alice:manifold/source-example");
  // The generated acceptance-test config is kept in the folder; no secret went out.
  EXPECT_FALSE(folder.read("acceptance-test-config.yml").empty());
  for (const auto& r : fake.requests()) EXPECT_EQ(r.body.find("VERYSECRET"), std::string::npos);
}

TEST_F(ContributeDialogTest, ARejectedTokenSaysSignInAgainAndNothingWasCreated) {
  fake.overrides.push_back({"POST", "/repos/airbytehq/airbyte/forks", 401, {{"message", "Bad credentials"}}, {}});
  fake.start();
  signIn();
  ContributeDialog dialog(setup(), account.get());
  dialog.show();
  waitLoaded(dialog);
  QTest::mouseClick(dialog.contributeButton(), Qt::LeftButton);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !dialog.isRunning(); }, 30000));
  QCoreApplication::processEvents();
  const QString text = dialog.resultLabel()->text();
  EXPECT_TRUE(dialog.resultLabel()->isVisible());
  EXPECT_TRUE(text.contains("sign in again")) << text.toStdString();
  EXPECT_TRUE(text.contains("nothing was created on GitHub")) << text.toStdString();
  EXPECT_FALSE(text.contains(QString::fromLatin1(FakeGitHub::kToken)));
  EXPECT_TRUE(dialog.progressList()->item(3)->text().startsWith(QStringLiteral("✗ Fork"))) << dialog.progressList()->item(3)->text().toStdString();
  EXPECT_TRUE(dialog.contributeButton()->isEnabled());  // the user may sign in and try again
  EXPECT_TRUE(fake.pulls.empty());
}

TEST_F(ContributeDialogTest, WithoutSignInContributeWaitsAndSignInIsOffered) {
  fake.requireToken = false;  // a public catalog answers anonymous reads
  fake.start();
  account = std::make_unique<GitHubAccount>(&store, QString::fromStdString(fake.baseUrl()));
  ContributeDialog dialog(setup(), account.get());
  waitLoaded(dialog);
  EXPECT_EQ(dialog.accountLabel()->text(), "Not signed in to GitHub.");
  EXPECT_FALSE(dialog.contributeButton()->isEnabled());
  QSignalSpy asked(&dialog, &ContributeDialog::signInRequested);
  QTest::mouseClick(dialog.signInButton(), Qt::LeftButton);
  EXPECT_EQ(asked.count(), 1);
  // The public catalog is still compared anonymously.
  EXPECT_EQ(dialog.fileList()->topLevelItemCount(), 6);
  // Every control has a name for screen readers.
  for (auto* w : dialog.findChildren<QWidget*>()) {
    if (qobject_cast<QLineEdit*>(w) || qobject_cast<QPushButton*>(w) || qobject_cast<QPlainTextEdit*>(w) ||
        qobject_cast<QTreeWidget*>(w) || qobject_cast<QListWidget*>(w)) {
      EXPECT_FALSE(w->accessibleName().isEmpty()) << w->metaObject()->className();
    }
  }
}

TEST_F(ContributeDialogTest, AFileWithASecretIsRefusedBeforeAnythingIsSent) {
  fake.start();
  signIn();
  folder.write("README.md", "Use the key sk_live_VERYSECRET42\n");
  ContributeDialog dialog(setup(), account.get());
  waitLoaded(dialog);
  EXPECT_TRUE(dialog.warningsLabel()->text().contains("README.md contains the value of a secret"))
      << dialog.warningsLabel()->text().toStdString();
  EXPECT_FALSE(dialog.warningsLabel()->text().contains("VERYSECRET"));
  EXPECT_FALSE(dialog.contributeButton()->isEnabled());
  EXPECT_EQ(dialog.fileList()->topLevelItemCount(), 0);
}

}  // namespace
}  // namespace manifold::ui
