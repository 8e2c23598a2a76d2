// The README's views of the testing values, a dark palette and a scaled screen, checked for what
// a user must see there. With MANIFOLD_SCREENSHOT_DIR set they are also saved:
//   MANIFOLD_SCREENSHOT_DIR=docs/screenshots QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24"
//   build/tests/ui_tests --gtest_filter='Screenshots.*'
// and once more with QT_SCALE_FACTOR=1.5 for the scaled main window (…-scale-1.5.png).
#include "ui/editor/live_validator.h"
#include "ui/editor/yaml_editor.h"
#include "ui/mainwindow/main_window.h"
#include "ui/testing_values/testing_values_form.h"

#include <gtest/gtest.h>

#include <Qsci/qscilexer.h>

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>

using manifold::ui::MainWindow;

namespace {

QByteArray readFile(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& bytes) {
  QDir().mkpath(QFileInfo(path).absolutePath());
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly)) << path.toStdString();
  f.write(bytes);
}

// docs/screenshots/<name>.png, with "-scale-1.5" when QT_SCALE_FACTOR is set.
void saveShot(QWidget* widget, const QString& name) {
  const QString folder = qEnvironmentVariable("MANIFOLD_SCREENSHOT_DIR");
  if (folder.isEmpty()) return;
  QTest::qWait(300);  // let the views finish painting
  const QString scale = qEnvironmentVariable("QT_SCALE_FACTOR");
  const QString file = name + (scale.isEmpty() ? QString() : QStringLiteral("-scale-") + scale) + QStringLiteral(".png");
  ASSERT_TRUE(widget->grab().save(QDir(folder).filePath(file))) << file.toStdString();
}

QPalette darkPalette() {
  QPalette p;
  const QColor window(0x2b, 0x2d, 0x30);
  const QColor base(0x1e, 0x1f, 0x22);
  const QColor text(0xdf, 0xe1, 0xe5);
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, window);
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, window);
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::ToolTipBase, base);
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x96));
  p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Mid, QColor(0x45, 0x48, 0x4d));
  p.setColor(QPalette::Light, QColor(0x3c, 0x3f, 0x44));
  p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
  p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6f, 0x73, 0x7a));
  p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6f, 0x73, 0x7a));
  return p;
}

// The bundled GitHub connector in a folder of its own (a secret token, a list, a date), with
// its non-secret testing values.
struct Screenshots : ::testing::Test {
  QTemporaryDir dir;
  QString manifest;

  void SetUp() override {
    manifest = dir.filePath(QStringLiteral("github/manifest.yaml"));
    writeFile(manifest, readFile(QStringLiteral(MANIFOLD_SOURCE_DIR "/manifests/github/manifest.yaml")));
    writeFile(dir.filePath(QStringLiteral("github/.manifold/testing_values.json")),
              R"({"repositories": ["airbytehq/airbyte", "octocat/Hello-World"], "start_date": "2024-01-01"})");
  }
};

}  // namespace

TEST_F(Screenshots, TheTestingValuesFormHasRoomAndItsKeychainNoticeIsASentence) {
  qunsetenv("DBUS_SESSION_BUS_ADDRESS");  // no keychain service, as in a bare Xvfb session
  MainWindow window;
  window.resize(1500, 940);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  ASSERT_TRUE(window.openFile(manifest));
  auto* dock = window.findChild<QDockWidget*>(QStringLiteral("testingValuesDock"));
  ASSERT_NE(dock, nullptr);
  dock->raise();
  window.resizeDocks({dock}, {560}, Qt::Horizontal);
  QTRY_VERIFY_WITH_TIMEOUT(window.testingValuesForm()->findChildren<QLineEdit*>().size() >= 3, 10000);
  auto* notice = window.findChild<QLabel*>(QStringLiteral("secretsNotice"));
  ASSERT_NE(notice, nullptr);
  QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), 10000);
  EXPECT_TRUE(notice->text().contains(QStringLiteral("for this session only"))) << notice->text().toStdString();
  EXPECT_FALSE(notice->text().contains(QStringLiteral("Unknown error"))) << notice->text().toStdString();
  // Every field's editor is wide enough to show a typical value whole.
  for (QLineEdit* edit : window.testingValuesForm()->findChildren<QLineEdit*>()) {
    if (!edit->isVisible()) continue;
    EXPECT_GE(edit->width(), edit->fontMetrics().horizontalAdvance(QStringLiteral("https://api.github.com")))
        << edit->accessibleName().toStdString();
  }
  saveShot(&window, QStringLiteral("testing-values"));
}

TEST_F(Screenshots, TheMainWindowFollowsADarkPalette) {
  const QPalette light = QApplication::palette();
  QApplication::setPalette(darkPalette());
  {
    MainWindow window;
    window.resize(1400, 880);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(window.openFile(manifest));
    QTRY_VERIFY_WITH_TIMEOUT(!window.liveValidator()->isBusy(), 10000);
    EXPECT_LT(window.editor()->paper().lightness(), 80) << "the editor's background follows the palette";
    EXPECT_GT(window.editor()->color().lightness(), 180) << "and so does its text";
    // Each YAML token colour stays readable on the dark background.
    QsciLexer* lexer = window.editor()->lexer();
    ASSERT_NE(lexer, nullptr);
    for (int style = 0; style < 32; ++style) {
      if (lexer->description(style).isEmpty()) continue;
      EXPECT_GE(lexer->color(style).lightness(), 90) << lexer->description(style).toStdString();
    }
    saveShot(&window, QStringLiteral("main-window-dark"));
  }
  QApplication::setPalette(light);
}

TEST_F(Screenshots, TheMainWindowFitsItsDocksAndMenus) {
  MainWindow window;
  window.resize(1400, 880);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  ASSERT_TRUE(window.openFile(manifest));
  QTRY_VERIFY_WITH_TIMEOUT(!window.liveValidator()->isBusy(), 10000);
  // Docks and menus fit a 1366×768 laptop screen scaled by 1.5 (910×512 logical pixels).
  EXPECT_LE(window.minimumSizeHint().width(), 910);
  EXPECT_LE(window.minimumSizeHint().height(), 512);
  saveShot(&window, QStringLiteral("main-window"));
}
