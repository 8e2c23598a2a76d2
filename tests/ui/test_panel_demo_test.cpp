// The bundled demo connector read end to end from the test panel against the built-in demo API,
// with the key masked. With MANIFOLD_SCREENSHOT_DIR set it also saves the README's screenshots:
//   MANIFOLD_SCREENSHOT_DIR=docs/screenshots QT_QPA_PLATFORM=xcb xvfb-run -s "-screen 0 1600x1000x24"
//   build/tests/ui_tests --gtest_filter='TestPanelDemo.*'
#include "core/demo/demo_api_server.h"
#include "ui/editor/live_validator.h"
#include "ui/editor/yaml_editor.h"
#include "ui/mainwindow/main_window.h"
#include "ui/testpanel/http_message_view.h"
#include "ui/testpanel/page_navigator.h"
#include "ui/testpanel/records_model.h"
#include "ui/testpanel/records_view.h"
#include "ui/testpanel/schema_view.h"
#include "ui/testpanel/test_panel.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using manifold::ui::MainWindow;
using manifold::ui::TestPanel;

namespace {

void writeFile(const QString& path, const QByteArray& bytes) {
  QDir().mkpath(QFileInfo(path).absolutePath());
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly)) << path.toStdString();
  f.write(bytes);
}

QByteArray readFile(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void saveShot(QWidget* widget, const char* name) {
  const QString folder = qEnvironmentVariable("MANIFOLD_SCREENSHOT_DIR");
  if (folder.isEmpty()) return;
  QTest::qWait(200);  // let the views finish painting
  ASSERT_TRUE(widget->grab().save(QDir(folder).filePath(QString::fromLatin1(name)))) << name;
}

}  // namespace

TEST(TestPanelDemo, ReadsTheDemoConnectorWithTheKeyMasked) {
  const QByteArray manifest = readFile(QStringLiteral(MANIFOLD_SOURCE_DIR "/manifests/demo/manifest.yaml"));
  ASSERT_FALSE(manifest.isEmpty());
  manifold::demo::DemoApiServer demo;
  const auto port = demo.start(0);
  ASSERT_TRUE(port.ok());
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("demo/manifest.yaml"));
  writeFile(path, manifest);
  writeFile(dir.filePath(QStringLiteral("demo/.manifold/testing_values.json")),
            QByteArray::fromStdString(nlohmann::json{{"base_url", demo.baseUrl()}, {"api_key", "manifold-demo-key"}}.dump()));

  MainWindow window;
  window.resize(1500, 940);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  ASSERT_TRUE(window.openFile(path));
  TestPanel* panel = window.testPanel();
  QTRY_VERIFY(panel->streamPicker()->count() >= 1);
  panel->setCurrentStream(QStringLiteral("customers"));
  if (auto* dock = window.findChild<QDockWidget*>(QStringLiteral("testResultsDock"))) {
    window.resizeDocks({dock}, {520}, Qt::Vertical);
  }
  panel->pageLimit()->setValue(3);
  QTest::mouseClick(panel->testButton(), Qt::LeftButton);
  QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), 30000);

  EXPECT_EQ(panel->navigator()->totalPageCount(), 3);
  const int records = panel->recordsView()->model()->rowCount();
  EXPECT_GT(records, 40);  // the demo's customers, 20 a page
  EXPECT_TRUE(panel->requestView()->summary().contains(QString::fromStdString(demo.baseUrl() + "/v1/customers?")))
      << panel->requestView()->summary().toStdString();
  EXPECT_TRUE(panel->responseView()->summary().contains(QStringLiteral("Status 200")));
  EXPECT_TRUE(window.testStatus()->text().startsWith(QStringLiteral("Read %1 records from 3 pages in ").arg(records)))
      << window.testStatus()->text().toStdString();
  // The key travels in X-Api-Key; the panel shows the header, never the key.
  QTreeWidget* headers = panel->requestView()->headers();
  bool sawKeyHeader = false;
  for (int i = 0; i < headers->topLevelItemCount(); ++i) {
    EXPECT_FALSE(headers->topLevelItem(i)->text(1).contains(QStringLiteral("manifold-demo-key")));
    sawKeyHeader |= headers->topLevelItem(i)->text(0).compare(QStringLiteral("X-Api-Key"), Qt::CaseInsensitive) == 0;
  }
  EXPECT_TRUE(sawKeyHeader);
  EXPECT_FALSE(QString::fromStdString(panel->streamRead().dump()).contains(QStringLiteral("manifold-demo-key")));

  panel->tabs()->setCurrentWidget(panel->recordsView());
  saveShot(&window, "test-panel-records.png");
  panel->navigator()->selectPage(0, 1);
  panel->tabs()->setCurrentWidget(panel->responseView());
  saveShot(&window, "test-panel-response.png");

  // Declare a schema that no longer matches the API: the Schema tab lists the differences.
  QString text = window.editor()->text();
  text.replace(QStringLiteral("      email:\n        type: [string, \"null\"]\n"),
               QStringLiteral("      legacy_id:\n        type: integer\n"));
  text.replace(QStringLiteral("      plan:\n        type: [string, \"null\"]\n"), QStringLiteral("      plan:\n        type: integer\n"));
  window.editor()->setText(text);
  window.liveValidator()->validateNow();
  QTRY_COMPARE(panel->schemaView()->differenceCount(), 3);
  panel->tabs()->setCurrentWidget(panel->schemaView());
  saveShot(&window, "schema-diff.png");
}
