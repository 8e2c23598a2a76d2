// The main window as a user meets it: opening a file, editing, saving, failing to save.
#include "ui/editor/yaml_editor.h"
#include "ui/mainwindow/main_window.h"

#include <gtest/gtest.h>

#include <QDockWidget>
#include <QFile>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTest>

using manifold::ui::MainWindow;

namespace {

QByteArray readAll(const QString& path) {
  QFile f(path);
  EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
  return f.readAll();
}

void writeAll(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(bytes);
}

}  // namespace

TEST(MainWindow, OpensWithEditorAndBothDocks) {
  MainWindow window;
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("Manifold")));
  ASSERT_NE(window.editor(), nullptr);
  EXPECT_TRUE(window.centralWidget()->isAncestorOf(window.editor()));
  EXPECT_TRUE(window.editor()->isVisible());
  auto* streams = window.findChild<QDockWidget*>(QStringLiteral("streamsDock"));
  auto* results = window.findChild<QDockWidget*>(QStringLiteral("testResultsDock"));
  ASSERT_NE(streams, nullptr);
  ASSERT_NE(results, nullptr);
  EXPECT_EQ(window.dockWidgetArea(streams), Qt::LeftDockWidgetArea);
  EXPECT_EQ(window.dockWidgetArea(results), Qt::BottomDockWidgetArea);
  EXPECT_NE(window.editor()->lexer(), nullptr);
}

TEST(MainWindow, ShowsTheFileItOpens) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("manifest.yaml"));
  writeAll(path, "version: 6.4.0\ntype: DeclarativeSource\n");
  MainWindow window;
  ASSERT_TRUE(window.openFile(path));
  EXPECT_EQ(window.editor()->text(), QStringLiteral("version: 6.4.0\ntype: DeclarativeSource\n"));
  EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("manifest.yaml")));
  EXPECT_FALSE(window.editor()->isModified());
}

TEST(MainWindow, SaveWritesTheFileBackByteExact) {
  // BOM, CRLF line breaks, non-ASCII text, tabs and no final newline must all survive.
  const QByteArray original =
      "\xEF\xBB\xBFversion: 6.4.0\r\n# caf\xC3\xA9 \xE2\x82\xAC\r\n\tkey: \"x\"\r\nlast: 1";
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("m.yaml"));
  writeAll(path, original);
  MainWindow window;
  ASSERT_TRUE(window.openFile(path));
  ASSERT_TRUE(window.save());
  EXPECT_EQ(readAll(path), original);
}

TEST(MainWindow, SaveWritesTypedEdits) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("m.yaml"));
  writeAll(path, "a: 1\n");
  MainWindow window;
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  ASSERT_TRUE(window.openFile(path));
  window.editor()->setFocus();
  window.editor()->setCursorPosition(1, 0);
  QTest::keyClicks(window.editor(), "b: 2");
  EXPECT_TRUE(window.editor()->isModified());
  EXPECT_TRUE(window.isWindowModified());
  QTest::keySequence(&window, QKeySequence::Save);
  EXPECT_EQ(readAll(path), QByteArray("a: 1\nb: 2"));
  EXPECT_FALSE(window.isWindowModified());
}

TEST(MainWindow, SavingToAnUnwritablePathShowsAnErrorAndKeepsTheBuffer) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("m.yaml"));
  writeAll(path, "a: 1\n");
  MainWindow window;
  window.show();
  ASSERT_TRUE(window.openFile(path));
  window.editor()->append(QStringLiteral("b: 2\n"));
  const QString unwritable = dir.filePath(QStringLiteral("missing-folder/sub/m.yaml"));

  EXPECT_FALSE(window.saveToFile(unwritable));

  auto* box = window.findChild<QMessageBox*>(QStringLiteral("errorMessage"));
  ASSERT_NE(box, nullptr);
  EXPECT_TRUE(box->isVisible());
  EXPECT_TRUE(box->text().contains(unwritable)) << box->text().toStdString();
  EXPECT_EQ(window.editor()->text(), QStringLiteral("a: 1\nb: 2\n"));
  EXPECT_TRUE(window.editor()->isModified());
  EXPECT_EQ(window.currentFile(), path);
  EXPECT_EQ(readAll(path), QByteArray("a: 1\n"));
}

TEST(MainWindow, OpeningAMissingFileShowsAnErrorAndKeepsTheBuffer) {
  MainWindow window;
  window.show();
  window.editor()->setText(QStringLiteral("keep: me\n"));
  EXPECT_FALSE(window.openFile(QStringLiteral("/nonexistent/manifest.yaml")));
  auto* box = window.findChild<QMessageBox*>(QStringLiteral("errorMessage"));
  ASSERT_NE(box, nullptr);
  EXPECT_TRUE(box->text().contains(QStringLiteral("/nonexistent/manifest.yaml")));
  EXPECT_EQ(window.editor()->text(), QStringLiteral("keep: me\n"));
}

TEST(MainWindow, RefusesAFileThatIsNotUtf8) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("latin1.yaml"));
  writeAll(path, "name: caf\xE9\n");
  MainWindow window;
  window.show();
  EXPECT_FALSE(window.openFile(path));
  auto* box = window.findChild<QMessageBox*>(QStringLiteral("errorMessage"));
  ASSERT_NE(box, nullptr);
  EXPECT_TRUE(box->text().contains(QStringLiteral("UTF-8")));
}
