// Completion and hover in the manifest editor, driven by keys as a user would.
#include "ui/editor/completion_assist.h"
#include "ui/editor/yaml_editor.h"
#include "ui/mainwindow/main_window.h"

#include <gtest/gtest.h>

#include <QListWidget>
#include <QTemporaryDir>
#include <QTest>

using manifold::ui::MainWindow;
using manifold::ui::RecoveryStore;

namespace {

struct Completion : ::testing::Test {
  QTemporaryDir dir;
  MainWindow window{RecoveryStore(dir.filePath(QStringLiteral("recovery")))};

  void SetUp() override {
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.editor()->setFocus();
  }

  QStringList offered() const {
    QStringList items;
    auto* popup = window.completionAssist()->popup();
    for (int i = 0; i < popup->count(); ++i) items << popup->item(i)->data(Qt::AccessibleTextRole).toString();
    return items;
  }
};

const char* kRetriever =
    "type: DeclarativeSource\n"
    "streams:\n"
    "  - type: DeclarativeStream\n"
    "    name: users\n"
    "    retriever:\n"
    "      type: SimpleRetriever\n"
    "      requester:\n"
    "        type: HttpRequester\n"
    "        url_base: https://x.io\n"
    "      \n";

}  // namespace

TEST_F(Completion, CtrlSpaceOffersTheMissingFieldsAndEnterInsertsOne) {
  window.editor()->setText(QString::fromUtf8(kRetriever));
  window.editor()->setCursorPosition(9, 6);
  QTest::keyClick(window.editor(), Qt::Key_Space, Qt::ControlModifier);
  ASSERT_TRUE(window.completionAssist()->isShowing());
  const QStringList items = offered();
  EXPECT_TRUE(items.contains(QStringLiteral("record_selector")));
  EXPECT_FALSE(items.contains(QStringLiteral("requester"))) << "already written";

  QTest::keyClicks(window.editor(), "rec");  // typing narrows the list
  EXPECT_EQ(offered(), QStringList{QStringLiteral("record_selector")});
  QTest::keyClick(window.editor(), Qt::Key_Return);
  EXPECT_FALSE(window.completionAssist()->isShowing());
  EXPECT_EQ(window.editor()->text(9), QStringLiteral("      record_selector: \n"));
}

TEST_F(Completion, TypingTypeColonOffersTheTypesThatFitThePlace) {
  window.editor()->setText(QString::fromUtf8(kRetriever));
  window.editor()->setCursorPosition(9, 6);
  QTest::keyClicks(window.editor(), "paginator:");
  QTest::keyClick(window.editor(), Qt::Key_Return);
  QTest::keyClicks(window.editor(), "  type: ");
  ASSERT_TRUE(window.completionAssist()->isShowing()) << window.editor()->text().toStdString();
  const QStringList items = offered();
  EXPECT_TRUE(items.contains(QStringLiteral("DefaultPaginator")));
  EXPECT_FALSE(items.contains(QStringLiteral("HttpRequester")));
  QTest::keyClick(window.editor(), Qt::Key_Escape);
  EXPECT_FALSE(window.completionAssist()->isShowing());
  EXPECT_EQ(window.editor()->text(10), QStringLiteral("        type: \n"));
}
