// Typing into the manifest shows problems where they are, and fixing them clears them.
#include "ui/editor/diagnostics_decorator.h"
#include "ui/editor/live_validator.h"
#include "ui/editor/outline_view.h"
#include "ui/editor/problems_view.h"
#include "ui/editor/yaml_editor.h"
#include "ui/mainwindow/main_window.h"

#include <gtest/gtest.h>

#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using manifold::ui::DiagnosticsModel;
using manifold::ui::MainWindow;
using manifold::ui::RecoveryStore;
using manifold::ui::UiDiagnostic;

namespace {

const char* kValidManifest = R"(version: 6.4.0
type: DeclarativeSource
check:
  type: CheckStream
  stream_names: [users]
streams:
  - type: DeclarativeStream
    name: users
    primary_key: [id]
    retriever:
      type: SimpleRetriever
      requester:
        type: HttpRequester
        url_base: "https://api.example.com"
        path: /users
      record_selector:
        type: RecordSelector
        extractor:
          type: DpathExtractor
          field_path: [data]
    schema_loader:
      type: InlineSchemaLoader
      schema: {}
spec:
  type: Spec
  connection_specification:
    type: object
    properties: {}
)";

struct LiveDiagnostics : ::testing::Test {
  QTemporaryDir dir;
  MainWindow window{RecoveryStore(dir.filePath(QStringLiteral("recovery")))};

  void SetUp() override {
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  }

  // Waits until the validator has caught up with the text in the editor.
  void waitForCheck() {
    ASSERT_TRUE(QTest::qWaitFor([this] { return !window.liveValidator()->isBusy(); }, 10000));
  }

  DiagnosticsModel* problems() { return window.problemsView()->diagnosticsModel(); }

  int rowForLine(int line) {
    for (int row = 0; row < problems()->rowCount(); ++row) {
      if (problems()->diagnostic(row).line == line) return row;
    }
    return -1;
  }
};

}  // namespace

TEST_F(LiveDiagnostics, AValidManifestHasNoProblemsAndListsItsStreams) {
  window.editor()->setText(QString::fromUtf8(kValidManifest));
  waitForCheck();
  EXPECT_EQ(problems()->rowCount(), 0) << (problems()->rowCount() ? problems()->diagnostic(0).message.toStdString() : "");
  EXPECT_EQ(window.outlineView()->streamNames(), QStringList{QStringLiteral("users")});
}

TEST_F(LiveDiagnostics, TypingAMisspelledTypeShowsAnErrorOnThatLineAndFixingItClearsIt) {
  window.editor()->setText(QString::fromUtf8(kValidManifest));
  waitForCheck();
  // Line 17 (1-based) is "        type: RecordSelector"; the user misspells it by typing.
  window.editor()->setFocus();
  window.editor()->setCursorPosition(16, 20);
  QTest::keyClicks(window.editor(), "x");
  EXPECT_TRUE(window.editor()->text(16).contains(QStringLiteral("RecordxSelector")));
  waitForCheck();

  const int row = rowForLine(17);
  ASSERT_GE(row, 0) << "no problem reported on line 17";
  const UiDiagnostic& d = problems()->diagnostic(row);
  EXPECT_TRUE(d.isError());
  EXPECT_TRUE(d.message.contains(QStringLiteral("RecordxSelector"))) << d.message.toStdString();
  EXPECT_TRUE(window.diagnosticsDecorator()->markedLines(UiDiagnostic::Severity::Error).contains(16));

  QTest::keyClick(window.editor(), Qt::Key_Backspace);
  waitForCheck();
  EXPECT_EQ(rowForLine(17), -1);
  EXPECT_TRUE(window.diagnosticsDecorator()->markedLines(UiDiagnostic::Severity::Error).isEmpty());
}

TEST_F(LiveDiagnostics, BrokenYamlIsReportedWithItsLine) {
  window.editor()->setText(QStringLiteral("version: 6.4.0\nstreams: [\n  a: b\n"));
  waitForCheck();
  ASSERT_GT(problems()->rowCount(), 0);
  EXPECT_TRUE(problems()->diagnostic(0).isError());
  EXPECT_GT(problems()->diagnostic(0).line, 0);
}

TEST_F(LiveDiagnostics, ActivatingAProblemMovesTheCaretToIt) {
  window.editor()->setText(QString::fromUtf8(kValidManifest).replace(
      QStringLiteral("type: DpathExtractor"), QStringLiteral("type: DpathExtractr")));
  waitForCheck();
  const int row = rowForLine(19);
  ASSERT_GE(row, 0);
  window.editor()->setCursorPosition(0, 0);
  const QModelIndex index = problems()->index(row, DiagnosticsModel::MessageColumn);
  emit window.problemsView()->activated(index);
  int line = -1;
  int column = -1;
  window.editor()->getCursorPosition(&line, &column);
  EXPECT_EQ(line, 18);
}

TEST_F(LiveDiagnostics, ARapidSeriesOfEditsEndsWithTheResultOfTheLastOne) {
  QSignalSpy checked(window.liveValidator(), &manifold::ui::LiveValidator::checked);
  window.editor()->setText(QString::fromUtf8(kValidManifest));
  for (int i = 0; i < 20; ++i) {
    window.editor()->setText(QString::fromUtf8(kValidManifest)
                                 .replace(QStringLiteral("SimpleRetriever"),
                                          QStringLiteral("SimpleRetriever%1").arg(i)));
  }
  window.editor()->setText(QString::fromUtf8(kValidManifest));
  waitForCheck();
  ASSERT_GE(checked.count(), 1);
  EXPECT_LE(checked.count(), 3) << "edits within the debounce window share one check";
  EXPECT_EQ(problems()->rowCount(), 0) << "the last text was valid";
}

TEST_F(LiveDiagnostics, F8AndShiftF8WalkTheProblemsAndWrapAround) {
  window.editor()->setText(QString::fromUtf8(kValidManifest)
                               .replace(QStringLiteral("type: DpathExtractor"), QStringLiteral("type: DpathExtractr"))
                               .replace(QStringLiteral("type: CheckStream"), QStringLiteral("type: CheckStrem")));
  waitForCheck();
  ASSERT_GE(rowForLine(4), 0);
  ASSERT_GE(rowForLine(19), 0);
  window.activateWindow();
  window.editor()->setFocus();
  window.editor()->setCursorPosition(0, 0);
  const auto caretLine = [this] {
    int line = -1;
    int column = -1;
    window.editor()->getCursorPosition(&line, &column);
    return line + 1;
  };
  QTest::keyClick(window.editor(), Qt::Key_F8);
  EXPECT_EQ(caretLine(), 4);
  QTest::keyClick(window.editor(), Qt::Key_F8);
  EXPECT_EQ(caretLine(), 19);
  QTest::keyClick(window.editor(), Qt::Key_F8);
  EXPECT_EQ(caretLine(), 4) << "F8 wraps to the first problem";
  QTest::keyClick(window.editor(), Qt::Key_F8, Qt::ShiftModifier);
  EXPECT_EQ(caretLine(), 19) << "Shift+F8 wraps back to the last problem";
}

TEST_F(LiveDiagnostics, CtrlTabLeavesTheEditorWhereTabIndents) {
  window.editor()->setText(QStringLiteral("a: b\n"));
  window.activateWindow();
  window.editor()->setFocus();
  ASSERT_TRUE(QTest::qWaitFor([this] { return window.editor()->hasFocus(); }, 2000));
  QTest::keyClick(window.editor(), Qt::Key_Tab);
  EXPECT_TRUE(window.editor()->hasFocus());
  QTest::keyClick(window.editor(), Qt::Key_Tab, Qt::ControlModifier);
  EXPECT_FALSE(window.editor()->hasFocus());
}

TEST_F(LiveDiagnostics, TheStatusBarCountsProblemsInPlainEnglish) {
  window.editor()->setText(QString::fromUtf8(kValidManifest).replace(
      QStringLiteral("type: DpathExtractor"), QStringLiteral("type: DpathExtractr")));
  waitForCheck();
  QString status;
  for (auto* label : window.statusBar()->findChildren<QLabel*>()) {
    if (label->text().contains(QStringLiteral("error"))) status = label->text();
  }
  EXPECT_EQ(status, QStringLiteral("1 error, 0 warnings"));
}
