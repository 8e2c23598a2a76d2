// File > New Connector from OpenAPI…: the wizard loads off the GUI thread, lists the candidates
// with their reports, and hands a manifest that validates to the main window.
#include "core/demo/demo_api_server.h"
#include "core/manifest/manifest_loader.h"
#include "ui/editor/yaml_editor.h"
#include "ui/mainwindow/main_window.h"
#include "ui/openapi/openapi_wizard.h"

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using manifold::ui::MainWindow;
using manifold::ui::OpenApiWizard;

namespace {

QString fixture(const char* name) {
  return QStringLiteral(MANIFOLD_SOURCE_DIR "/tests/core/openapi/data/") + QString::fromLatin1(name);
}

bool loadAndWait(OpenApiWizard& wizard, const QString& source) {
  wizard.sourceEdit()->setText(source);
  wizard.load();
  return QTest::qWaitFor([&] { return !wizard.loading() && !wizard.progressBar()->isVisible(); }, 20000);
}

QStringList column(const QTreeWidget* tree, int c) {
  QStringList out;
  for (int i = 0; i < tree->topLevelItemCount(); ++i) out << tree->topLevelItem(i)->text(c);
  return out;
}

}  // namespace

TEST(OpenApiWizard, ListsTheCandidatesWithMethodPathPaginationAndParent) {
  OpenApiWizard wizard;
  wizard.show();
  ASSERT_TRUE(loadAndWait(wizard, fixture("repos_openapi30.yaml")));
  const auto* tree = wizard.streamList();
  EXPECT_EQ(column(tree, 0), (QStringList{"users", "repos", "issues", "comments"}));
  EXPECT_EQ(column(tree, 1), (QStringList{"GET", "GET", "GET", "GET"}));
  EXPECT_EQ(tree->topLevelItem(1)->text(2), QStringLiteral("/users/{login}/repos"));
  EXPECT_EQ(tree->topLevelItem(1)->text(3), QStringLiteral("CursorPagination (Link header)"));
  EXPECT_EQ(tree->topLevelItem(1)->text(4), QStringLiteral("users"));
  EXPECT_EQ(tree->topLevelItem(0)->checkState(0), Qt::Checked);
  EXPECT_TRUE(wizard.createButton()->isEnabled());
  EXPECT_TRUE(wizard.statusLabel()->text().contains(QStringLiteral("4 candidate streams in Code Host")));

  wizard.streamList()->setCurrentItem(tree->topLevelItem(1));
  EXPECT_TRUE(wizard.reportView()->toPlainText().contains(QStringLiteral("parent stream 'users': its 'login' fills {login}")));
}

TEST(OpenApiWizard, CreatesAManifestForTheCheckedStreamsThatValidates) {
  OpenApiWizard wizard;
  QSignalSpy created(&wizard, &OpenApiWizard::manifestCreated);
  wizard.show();
  ASSERT_TRUE(loadAndWait(wizard, fixture("shapes_openapi31.json")));
  auto* tree = wizard.streamList();
  for (auto* button : wizard.findChildren<QPushButton*>()) {
    if (button->accessibleName() == QStringLiteral("Select none")) button->click();
  }
  EXPECT_FALSE(wizard.createButton()->isEnabled());
  tree->topLevelItem(0)->setCheckState(0, Qt::Checked);  // circles
  EXPECT_TRUE(wizard.createButton()->isEnabled());
  wizard.createButton()->click();
  ASSERT_EQ(created.count(), 1);
  const QString yaml = created.at(0).at(0).toString();
  EXPECT_EQ(created.at(0).at(1).toString(), QStringLiteral("Shapes Store"));
  const auto loaded = manifold::manifest::loadManifest(yaml.toStdString());
  EXPECT_TRUE(loaded.ok());
  EXPECT_TRUE(loaded.diagnostics.empty());
  ASSERT_EQ(loaded.resolved["streams"].size(), 1u);
  EXPECT_EQ(loaded.resolved["streams"][0]["name"], "circles");
  EXPECT_FALSE(wizard.isVisible());
}

TEST(OpenApiWizard, LoadsTheDemoApiDocumentFromItsUrl) {
  manifold::demo::DemoApiServer server;
  ASSERT_TRUE(server.start(0).ok());
  OpenApiWizard wizard;
  wizard.show();
  wizard.baseUrlEdit()->setText(QString::fromStdString(server.baseUrl()));
  ASSERT_TRUE(loadAndWait(wizard, QString::fromStdString(server.baseUrl() + "/openapi.json")));
  EXPECT_EQ(column(wizard.streamList(), 0), (QStringList{"customers", "orders", "events", "invoices", "flaky"}));
  EXPECT_TRUE(wizard.reportView()->toPlainText().contains(QString::fromStdString("url_base: " + server.baseUrl())));
}

TEST(OpenApiWizard, UnreadableDocumentSaysWhyAndOffersNothing) {
  OpenApiWizard wizard;
  wizard.show();
  ASSERT_TRUE(loadAndWait(wizard, fixture("no_lists_openapi30.yaml")));
  EXPECT_TRUE(wizard.statusLabel()->text().startsWith(QStringLiteral("Cannot import: ")));
  EXPECT_TRUE(wizard.statusLabel()->text().contains(QStringLiteral("has no list endpoints")));
  EXPECT_EQ(wizard.streamList()->topLevelItemCount(), 0);
  EXPECT_FALSE(wizard.createButton()->isEnabled());
  ASSERT_TRUE(loadAndWait(wizard, QStringLiteral("/nonexistent/openapi.yaml")));
  EXPECT_EQ(wizard.statusLabel()->text(), QStringLiteral("Cannot import: cannot read /nonexistent/openapi.yaml: no such file"));
}

TEST(OpenApiWizard, EveryControlHasAnAccessibleName) {
  OpenApiWizard wizard;
  wizard.show();
  QStringList unnamed;
  for (auto* widget : wizard.findChildren<QWidget*>()) {
    const bool interactive = qobject_cast<QAbstractButton*>(widget) || qobject_cast<QLineEdit*>(widget) ||
                             qobject_cast<QTreeWidget*>(widget) || qobject_cast<QPlainTextEdit*>(widget) ||
                             qobject_cast<QProgressBar*>(widget);
    if (!interactive) continue;
    const auto* label = qobject_cast<QLabel*>(widget);
    if (!label && widget->accessibleName().isEmpty()) unnamed << widget->metaObject()->className();
  }
  EXPECT_TRUE(unnamed.isEmpty()) << unnamed.join(QStringLiteral(", ")).toStdString();
  EXPECT_EQ(wizard.accessibleName(), QStringLiteral("New Connector from OpenAPI"));
}

TEST(OpenApiWizard, MainWindowOffersItInTheFileMenuAndOpensTheResultUnsaved) {
  MainWindow window;
  QAction* action = nullptr;
  for (auto* menuAction : window.menuBar()->actions()) {
    if (!menuAction->menu()) continue;
    for (auto* a : menuAction->menu()->actions()) {
      if (a->text() == QStringLiteral("New Connector from Open&API…")) action = a;
    }
  }
  ASSERT_NE(action, nullptr);
  window.openGeneratedManifest(QStringLiteral("version: 6.4.0\ntype: DeclarativeSource\n"));
  EXPECT_EQ(window.editor()->text(), QStringLiteral("version: 6.4.0\ntype: DeclarativeSource\n"));
  EXPECT_TRUE(window.editor()->isModified());
  EXPECT_TRUE(window.currentFile().isEmpty());
}
