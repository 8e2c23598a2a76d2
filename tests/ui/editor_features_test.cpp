// Editor features a user reaches by keyboard: find/replace, comment toggling, go to line.
#include "ui/editor/find_replace_bar.h"
#include "ui/editor/yaml_editor.h"
#include "ui/mainwindow/main_window.h"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

using manifold::ui::MainWindow;
using manifold::ui::RecoveryStore;

namespace {

struct EditorFixture : ::testing::Test {
  QTemporaryDir dir;
  MainWindow window{RecoveryStore(dir.filePath(QStringLiteral("recovery")))};

  void SetUp() override {
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    window.editor()->setFocus();
  }
};

}  // namespace

TEST_F(EditorFixture, CtrlFOpensTheFindBarWithTheSelection) {
  window.editor()->setText(QStringLiteral("name: users\npath: /users\n"));
  window.editor()->setSelection(0, 6, 0, 11);
  QTest::keySequence(&window, QKeySequence::Find);
  EXPECT_TRUE(window.findBar()->isVisible());
  EXPECT_EQ(window.findBar()->findField()->text(), QStringLiteral("users"));
  EXPECT_EQ(window.findBar()->matchCount(), 2);
}

TEST_F(EditorFixture, FindNextMovesToTheFollowingMatchAndWraps) {
  window.editor()->setText(QStringLiteral("a: x\nb: x\nc: y\n"));
  window.editor()->setCursorPosition(0, 0);
  window.findBar()->showFind();
  QTest::keyClicks(window.findBar()->findField(), "x");  // incremental: first match selected
  int line = -1;
  int index = -1;
  window.editor()->getCursorPosition(&line, &index);
  EXPECT_EQ(line, 0);
  ASSERT_TRUE(window.findBar()->findNext());
  window.editor()->getCursorPosition(&line, &index);
  EXPECT_EQ(line, 1);
  ASSERT_TRUE(window.findBar()->findNext());  // wraps around to the first
  window.editor()->getCursorPosition(&line, &index);
  EXPECT_EQ(line, 0);
}

TEST_F(EditorFixture, ReplaceAllIsOneUndoStep) {
  window.editor()->setText(QStringLiteral("page: 1\nper_page: 10\npage_size: 5\n"));
  window.editor()->setModified(false);
  window.findBar()->showReplace();
  window.findBar()->findField()->setText(QStringLiteral("page"));
  window.findBar()->replaceField()->setText(QStringLiteral("p"));
  EXPECT_EQ(window.findBar()->replaceAll(), 3);
  EXPECT_EQ(window.editor()->text(), QStringLiteral("p: 1\nper_p: 10\np_size: 5\n"));
  window.editor()->undo();
  EXPECT_EQ(window.editor()->text(), QStringLiteral("page: 1\nper_page: 10\npage_size: 5\n"));
}

TEST_F(EditorFixture, ReplaceAllWithAnEmptyRegexMatchTerminates) {
  window.editor()->setText(QStringLiteral("abc\n"));
  window.findBar()->showReplace();
  window.findBar()->findField()->setText(QStringLiteral("x*"));
  QCheckBox* regex = nullptr;
  for (auto* box : window.findBar()->findChildren<QCheckBox*>()) {
    if (box->accessibleName() == QStringLiteral("Regular expression")) regex = box;
  }
  ASSERT_NE(regex, nullptr);
  regex->setChecked(true);
  window.findBar()->replaceField()->setText(QStringLiteral("-"));
  window.findBar()->replaceAll();  // must return; the text stays a bounded size
  EXPECT_LT(window.editor()->text().size(), 64);
}

TEST_F(EditorFixture, ToggleCommentCommentsAndUncommentsTheSelectedLines) {
  window.editor()->setText(QStringLiteral("a: 1\n  b: 2\nc: 3\n"));
  window.editor()->setSelection(0, 0, 1, 3);
  QTest::keyClick(window.editor(), Qt::Key_Slash, Qt::ControlModifier);
  EXPECT_EQ(window.editor()->text(), QStringLiteral("# a: 1\n  # b: 2\nc: 3\n"));
  window.editor()->setSelection(0, 0, 1, 3);
  QTest::keyClick(window.editor(), Qt::Key_Slash, Qt::ControlModifier);
  EXPECT_EQ(window.editor()->text(), QStringLiteral("a: 1\n  b: 2\nc: 3\n"));
}

TEST_F(EditorFixture, GoToLineMovesTheCaretAndClampsToTheText) {
  window.editor()->setText(QStringLiteral("a\nb\nc\nd\n"));
  window.goToLine(3);
  int line = -1;
  int index = -1;
  window.editor()->getCursorPosition(&line, &index);
  EXPECT_EQ(line, 2);
  window.goToLine(999);
  window.editor()->getCursorPosition(&line, &index);
  EXPECT_EQ(line, window.editor()->lines() - 1);
}

TEST_F(EditorFixture, TabInsertsTwoSpaces) {
  window.editor()->setText(QString());
  QTest::keyClick(window.editor(), Qt::Key_Tab);
  EXPECT_EQ(window.editor()->text(), QStringLiteral("  "));
}
