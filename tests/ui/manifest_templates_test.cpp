// File › New and New from Template: every template validates clean, opens as a new unsaved
// buffer, and the minimal connectors read records from the test panel.
#include "ui/common/manifest_templates.h"

#include "core/demo/demo_api_server.h"
#include "tests/support/local_http_server.h"
#include "ui/bridge/manifest_check.h"
#include "ui/editor/live_validator.h"
#include "ui/editor/yaml_editor.h"
#include "ui/mainwindow/main_window.h"
#include "ui/testpanel/http_message_view.h"
#include "ui/testpanel/records_model.h"
#include "ui/testpanel/records_view.h"
#include "ui/testpanel/test_panel.h"

#include <gtest/gtest.h>

#include <QAbstractItemModel>
#include <QComboBox>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using manifold::ui::MainWindow;
using manifold::ui::ManifestTemplate;
using manifold::ui::RecoveryStore;
using manifold::ui::TestPanel;

namespace {

struct Templates : ::testing::Test {
  QTemporaryDir dir;
  MainWindow window{RecoveryStore(dir.filePath(QStringLiteral("recovery")))};

  void SetUp() override {
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  }

  // Presses Test on `stream` and waits for the read to end.
  void readStream(const QString& stream) {
    TestPanel* panel = window.testPanel();
    QTRY_VERIFY(panel->streamPicker()->count() >= 1);
    panel->setCurrentStream(stream);
    QTRY_VERIFY(panel->testButton()->isEnabled());
    QTest::mouseClick(panel->testButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(panel->isRunning(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), 30000);
  }
};

}  // namespace

TEST_F(Templates, EveryTemplateValidatesWithoutAFinding) {
  const QList<ManifestTemplate> all = manifold::ui::manifestTemplates();
  ASSERT_EQ(all.size(), 3);
  for (const ManifestTemplate& t : all) {
    const QString text = t.text();
    ASSERT_FALSE(text.isEmpty()) << t.id.toStdString() << " is not in the resources";
    const manifold::ui::ManifestCheck check = manifold::ui::checkManifest(text);
    EXPECT_EQ(check.diagnostics.size(), 0) << t.id.toStdString() << ": "
                                           << (check.diagnostics.isEmpty() ? std::string()
                                                                           : check.diagnostics.first().message.toStdString());
    if (t.id != QLatin1String("empty")) {
      EXPECT_EQ(check.streams.size(), 1) << t.id.toStdString();
    }
  }
}

TEST_F(Templates, FileNewOpensTheEmptyTemplateAsAnUnsavedBuffer) {
  QTest::keySequence(&window, QKeySequence::New);
  EXPECT_TRUE(window.editor()->text().contains(QStringLiteral("type: DeclarativeSource")));
  EXPECT_TRUE(window.editor()->isModified());
  EXPECT_TRUE(window.currentFile().isEmpty());
  EXPECT_TRUE(window.windowTitle().startsWith(QStringLiteral("untitled")));

  // The submenu lists each template by its title.
  QMenu* fileMenu = window.menuBar()->actions().first()->menu();
  ASSERT_NE(fileMenu, nullptr);
  QStringList titles;
  for (QAction* a : fileMenu->actions()) {
    if (a->menu() && a->text() == QStringLiteral("New from &Template")) {
      for (QAction* entry : a->menu()->actions()) titles << entry->text();
    }
  }
  ASSERT_EQ(titles.size(), 3);
  EXPECT_TRUE(titles.at(1).contains(QStringLiteral("Public API")));
}

TEST_F(Templates, ThePublicApiTemplateReadsItsPostsFromTheBaseUrlGiven) {
  manifold::testing::LocalHttpServer api;
  api.server().Get("/posts", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"([{"userId":1,"id":1,"title":"a","body":"x"},{"userId":1,"id":2,"title":"b","body":"y"}])",
                    "application/json");
  });
  api.start();
  ASSERT_TRUE(window.newFromTemplate(QStringLiteral("public_api")));
  window.setTestingValues(nlohmann::json{{"base_url", api.baseUrl()}});
  readStream(QStringLiteral("posts"));
  EXPECT_EQ(window.testPanel()->recordsView()->model()->rowCount(), 2);
  ASSERT_EQ(api.requestCount(), 1u);
  EXPECT_EQ(api.requests().front().path, "/posts");
}

TEST_F(Templates, TheDemoApiTemplateReadsEveryPageOfCustomersWithTheKey) {
  manifold::demo::DemoApiServer demo;
  ASSERT_TRUE(demo.start(0).ok());
  ASSERT_TRUE(window.newFromTemplate(QStringLiteral("demo_api")));
  window.setTestingValues(nlohmann::json{{"base_url", demo.baseUrl()}, {"api_key", "manifold-demo-key"}});
  readStream(QStringLiteral("customers"));
  TestPanel* panel = window.testPanel();
  EXPECT_GT(panel->recordsView()->model()->rowCount(), 20) << "more than one page of 20";
  EXPECT_TRUE(panel->requestView()->summary().contains(QStringLiteral("/v1/customers?")))
      << panel->requestView()->summary().toStdString();
  EXPECT_TRUE(panel->responseView()->summary().contains(QStringLiteral("Status 200")));
}
