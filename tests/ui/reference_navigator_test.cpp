// Go to definition: F12 and Ctrl+click on a "#/…" reference move the caret to its target.
#include "ui/editor/reference_navigator.h"
#include "ui/editor/yaml_editor.h"
#include "ui/mainwindow/main_window.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using manifold::ui::MainWindow;
using manifold::ui::RecoveryStore;
using manifold::ui::ReferenceNavigator;

namespace {

const char* kManifest =
    "version: 6.4.0\n"                                    // 0
    "type: DeclarativeSource\n"                           // 1
    "definitions:\n"                                      // 2
    "  requester:\n"                                      // 3
    "    type: HttpRequester\n"                           // 4
    "    url_base: https://x.io\n"                        // 5
    "  users_stream:\n"                                   // 6
    "    type: DeclarativeStream\n"                       // 7
    "    name: users\n"                                   // 8
    "    retriever:\n"                                    // 9
    "      type: SimpleRetriever\n"                       // 10
    "      requester:\n"                                  // 11
    "        $ref: \"#/definitions/requester\"\n"         // 12
    "streams:\n"                                          // 13
    "  - \"#/definitions/users_stream\"\n"                // 14
    "  - $ref: \"#/definitions/nowhere\"\n";              // 15

struct ReferenceNavigation : ::testing::Test {
  QTemporaryDir dir;
  MainWindow window{RecoveryStore(dir.filePath(QStringLiteral("recovery")))};

  void SetUp() override {
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    window.editor()->setText(QString::fromUtf8(kManifest));
    window.editor()->setFocus();
  }

  int caretLine() const {
    int line = -1;
    int index = -1;
    window.editor()->getCursorPosition(&line, &index);
    return line;
  }
};

}  // namespace

TEST_F(ReferenceNavigation, F12OnARefJumpsToTheDefinition) {
  window.editor()->setCursorPosition(12, 20);
  QTest::keyClick(window.editor(), Qt::Key_F12);
  EXPECT_EQ(caretLine(), 3);
  int line = -1;
  int index = -1;
  window.editor()->getCursorPosition(&line, &index);
  EXPECT_EQ(index, 2) << "on the definition's key";

  // A plain "#/…" string works the same.
  window.editor()->setCursorPosition(14, 8);
  QTest::keyClick(window.editor(), Qt::Key_F12);
  EXPECT_EQ(caretLine(), 6);
}

TEST_F(ReferenceNavigation, CtrlClickOnAReferenceJumpsAndAPlainClickDoesNot) {
  auto* editor = window.editor();
  const long pos = editor->positionFromLineIndex(14, 12);
  const QPoint at(static_cast<int>(editor->SendScintilla(QsciScintilla::SCI_POINTXFROMPOSITION, 0UL, pos)) + 2,
                  static_cast<int>(editor->SendScintilla(QsciScintilla::SCI_POINTYFROMPOSITION, 0UL, pos)) + 4);
  QTest::mouseClick(editor->viewport(), Qt::LeftButton, Qt::NoModifier, at);
  EXPECT_EQ(caretLine(), 14) << "a plain click places the caret";
  QTest::mouseClick(editor->viewport(), Qt::LeftButton, Qt::ControlModifier, at);
  EXPECT_EQ(caretLine(), 6);
}

TEST_F(ReferenceNavigation, AMissingTargetIsExplainedAndTheCaretStays) {
  QSignalSpy failed(window.referenceNavigator(), &ReferenceNavigator::failed);
  window.editor()->setCursorPosition(15, 20);
  QTest::keyClick(window.editor(), Qt::Key_F12);
  EXPECT_EQ(caretLine(), 15);
  ASSERT_EQ(failed.count(), 1);
  const QString message = failed.first().first().toString();
  EXPECT_TRUE(message.contains(QStringLiteral("#/definitions/nowhere points to nothing"))) << message.toStdString();
  EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("nowhere")));

  window.editor()->setCursorPosition(5, 6);
  QTest::keyClick(window.editor(), Qt::Key_F12);
  EXPECT_EQ(caretLine(), 5);
  ASSERT_EQ(failed.count(), 2);
  EXPECT_TRUE(failed.last().first().toString().contains(QStringLiteral("not on a #/")));
}

TEST_F(ReferenceNavigation, TheEditMenuOffersGoToDefinition) {
  QAction* action = window.referenceNavigator()->goToDefinitionAction();
  EXPECT_EQ(action->shortcut(), QKeySequence(Qt::Key_F12));
  bool inMenu = false;
  for (QAction* menu : window.menuBar()->actions()) {
    if (menu->menu() && menu->menu()->actions().contains(action)) inMenu = true;
  }
  EXPECT_TRUE(inMenu);
  window.editor()->setCursorPosition(12, 20);
  action->trigger();
  EXPECT_EQ(caretLine(), 3);
}
