// The catalog browser under offscreen Qt: search filters the list, Fork creates the folder and
// asks to open it, a second fork never overwrites, a GitHub catalog lists off the GUI thread.
#include "ui/catalog/catalog_browser.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "core/workspace/origin.h"
#include "tests/core/github/fake_github.h"
#include "tests/support/temp_dir.h"

namespace manifold::ui {
namespace {

using testing::TempDir;

struct BrowserTest : ::testing::Test {
  TempDir workspace{"manifold-ui-workspace"};
  TempDir cache{"manifold-ui-cache"};
  testing::FakeGitHub fake;

  CatalogSettings settings() const {
    CatalogSettings s;
    s.workspaceDir = QString::fromStdString(workspace.path().string());
    s.repository = QStringLiteral("airbytehq/airbyte");
    s.branch = QStringLiteral("master");
    s.pathPattern = QStringLiteral("airbyte-integrations/connectors/source-*/manifest.yaml");
    s.apiUrl = QString::fromStdString(fake.baseUrl());
    s.cacheDir = QString::fromStdString(cache.path().string());
    return s;
  }
  static void waitIdle(CatalogBrowser& browser) {
    ASSERT_TRUE(QTest::qWaitFor([&] { return !browser.isBusy(); }, 20000));
    QCoreApplication::processEvents();
  }
  static int rows(CatalogBrowser& browser) { return browser.connectorList()->model()->rowCount(); }
};

TEST_F(BrowserTest, SearchFiltersTheBundledCatalogByNameAndCategory) {
  CatalogBrowser browser(settings());
  waitIdle(browser);
  const int all = rows(browser);
  ASSERT_GE(all, 15);
  EXPECT_EQ(browser.searchField()->accessibleName(), "Search connectors");
  QTest::keyClicks(browser.searchField(), "poke");
  ASSERT_EQ(rows(browser), 1);
  EXPECT_TRUE(browser.connectorList()->model()->index(0, 0).data().toString().startsWith("PokeAPI"));
  browser.searchField()->setText("payments");  // a category
  EXPECT_GE(rows(browser), 1);
  browser.searchField()->setText("no such connector");
  EXPECT_EQ(rows(browser), 0);
  browser.searchField()->clear();
  EXPECT_EQ(rows(browser), all);
  const int demoCategory = browser.categoryBox()->findText("demo");
  ASSERT_GT(demoCategory, 0);
  browser.categoryBox()->setCurrentIndex(demoCategory);
  EXPECT_EQ(rows(browser), 1);
}

TEST_F(BrowserTest, ForkCreatesTheFolderListsItAndAsksToOpenIt) {
  CatalogBrowser browser(settings());
  waitIdle(browser);
  EXPECT_EQ(browser.workspaceList()->count(), 0);
  ASSERT_TRUE(browser.selectEntry("demo"));
  QSignalSpy opened(&browser, &CatalogBrowser::openConnectorRequested);
  ASSERT_TRUE(browser.forkButton()->isEnabled());
  QTest::mouseClick(browser.forkButton(), Qt::LeftButton);
  ASSERT_TRUE(QTest::qWaitFor([&] { return opened.count() == 1; }, 20000));
  const QString dir = opened.at(0).at(0).toString();
  EXPECT_EQ(dir.toStdString(), (workspace.path() / "demo").string());
  const auto origin = workspace::readOrigin(workspace.read("demo/metadata.yaml"));
  ASSERT_TRUE(origin);
  EXPECT_EQ(origin->catalog, "bundled");
  ASSERT_EQ(browser.workspaceList()->count(), 1);
  EXPECT_TRUE(browser.workspaceList()->item(0)->text().startsWith("Manifold Demo API"));
  EXPECT_TRUE(browser.openButton()->isEnabled());

  // Forking again never overwrites: the status names a free name.
  browser.forkSelected({}, false);
  waitIdle(browser);
  EXPECT_TRUE(browser.statusLabel()->text().contains("demo-2")) << browser.statusLabel()->text().toStdString();
  EXPECT_EQ(browser.workspaceList()->count(), 1);
  EXPECT_EQ(opened.count(), 1);

  QTest::mouseClick(browser.openButton(), Qt::LeftButton);
  ASSERT_EQ(opened.count(), 2);
  EXPECT_EQ(opened.at(1).at(0).toString(), dir);
}

TEST_F(BrowserTest, ListsAGitHubCatalogAndReadsDetailsOnSelection) {
  fake.requireToken = false;
  const std::string dir = "airbyte-integrations/connectors/source-alpha/";
  fake.commitFiles(fake.upstream, "master",
                   {{dir + "manifest.yaml",
                     "version: 6.7.0\nstreams:\n  - type: DeclarativeStream\n    name: pets\n"},
                    {dir + "metadata.yaml", "data:\n  name: Alpha Pets\n  supportLevel: community\n"}});
  fake.start();
  CatalogBrowser browser(settings());
  waitIdle(browser);
  browser.catalogBox()->setCurrentIndex(1);
  waitIdle(browser);
  ASSERT_EQ(rows(browser), 1) << browser.statusLabel()->text().toStdString();
  ASSERT_TRUE(browser.selectEntry("source-alpha"));
  waitIdle(browser);
  EXPECT_TRUE(browser.connectorList()->model()->index(0, 0).data().toString().startsWith("Alpha Pets"));
  const auto labels = browser.findChildren<QLabel*>();
  const auto streams = std::find_if(labels.begin(), labels.end(), [](QLabel* l) { return l->accessibleName() == "Streams"; });
  ASSERT_NE(streams, labels.end());
  EXPECT_EQ((*streams)->text(), "pets");
}

}  // namespace
}  // namespace manifold::ui
