// Nothing typed is lost: autosave copies, restore after a crash, edits made by other programs.
#include "ui/editor/yaml_editor.h"
#include "ui/mainwindow/main_window.h"
#include "ui/settings/app_settings.h"

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QFile>
#include <QMessageBox>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using manifold::ui::AppSettings;
using manifold::ui::MainWindow;
using manifold::ui::RecoveryStore;

namespace {

void writeAll(const QString& path, const QByteArray& bytes) {
  QSaveFile f(path);  // like another editor's atomic save: a new file replaces the old one
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(bytes);
  ASSERT_TRUE(f.commit());
}

}  // namespace

TEST(Recovery, AutosaveKeepsAModifiedBufferThatANewWindowRestores) {
  QTemporaryDir dir;
  const QString recoveryDir = dir.filePath(QStringLiteral("recovery"));
  const QString path = dir.filePath(QStringLiteral("m.yaml"));
  writeAll(path, "a: 1\n");
  {
    MainWindow crashed{RecoveryStore(recoveryDir)};
    ASSERT_TRUE(crashed.openFile(path));
    crashed.editor()->append(QStringLiteral("b: 2\n"));
    crashed.autosave();
    ASSERT_EQ(RecoveryStore(recoveryDir).entries().size(), 1);
    // The window goes away without saving, as in a crash: its recovery copy must survive.
    crashed.editor()->setModified(false);
  }
  const auto entries = RecoveryStore(recoveryDir).entries();
  ASSERT_EQ(entries.size(), 1);
  EXPECT_EQ(entries.first().originalPath, path);

  MainWindow restarted{RecoveryStore(recoveryDir)};
  restarted.restoreRecovered(entries.first());
  EXPECT_EQ(restarted.editor()->text(), QStringLiteral("a: 1\nb: 2\n"));
  EXPECT_TRUE(restarted.editor()->isModified());
  EXPECT_EQ(restarted.currentFile(), path);
  ASSERT_TRUE(restarted.save());
  EXPECT_TRUE(RecoveryStore(recoveryDir).entries().isEmpty()) << "saving clears the recovery copy";
}

TEST(Recovery, AnUnmodifiedBufferWritesNoCopy) {
  QTemporaryDir dir;
  const QString recoveryDir = dir.filePath(QStringLiteral("recovery"));
  MainWindow window{RecoveryStore(recoveryDir)};
  window.autosave();
  EXPECT_TRUE(RecoveryStore(recoveryDir).entries().isEmpty());
}

TEST(Recovery, AnUntitledBufferIsRecoveredToo) {
  QTemporaryDir dir;
  const QString recoveryDir = dir.filePath(QStringLiteral("recovery"));
  MainWindow window{RecoveryStore(recoveryDir)};
  window.editor()->setText(QStringLiteral("version: 6.4.0\n"));
  window.autosave();
  const auto entries = RecoveryStore(recoveryDir).entries();
  ASSERT_EQ(entries.size(), 1);
  EXPECT_TRUE(entries.first().originalPath.isEmpty());
  EXPECT_EQ(entries.first().text, QStringLiteral("version: 6.4.0\n"));
}

TEST(ExternalChange, AnUnmodifiedBufferReloadsWhenTheFileChangesOnDisk) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("m.yaml"));
  writeAll(path, "a: 1\n");
  MainWindow window{RecoveryStore(dir.filePath(QStringLiteral("recovery")))};
  window.show();
  ASSERT_TRUE(window.openFile(path));
  writeAll(path, "a: 2\n");
  EXPECT_TRUE(QTest::qWaitFor([&] { return window.editor()->text() == QStringLiteral("a: 2\n"); },
                              5000));
  EXPECT_FALSE(window.editor()->isModified());
}

TEST(ExternalChange, AModifiedBufferAsksBeforeReloadingAndKeepsEditsOnRefusal) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("m.yaml"));
  writeAll(path, "a: 1\n");
  MainWindow window{RecoveryStore(dir.filePath(QStringLiteral("recovery")))};
  window.show();
  ASSERT_TRUE(window.openFile(path));
  window.editor()->append(QStringLiteral("mine: 1\n"));
  writeAll(path, "theirs: 1\n");
  QMessageBox* prompt = nullptr;
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return (prompt = window.findChild<QMessageBox*>(QStringLiteral("reloadPrompt"))); },
      5000));
  for (QAbstractButton* b : prompt->buttons()) {
    if (prompt->buttonRole(b) == QMessageBox::RejectRole) b->click();
  }
  EXPECT_EQ(window.editor()->text(), QStringLiteral("a: 1\nmine: 1\n"));
  EXPECT_TRUE(window.editor()->isModified());
}

TEST(RecentFiles, OpeningAFilePutsItFirstWithoutDuplicates) {
  QTemporaryDir dir;
  const QString a = dir.filePath(QStringLiteral("a.yaml"));
  const QString b = dir.filePath(QStringLiteral("b.yaml"));
  writeAll(a, "a: 1\n");
  writeAll(b, "b: 1\n");
  MainWindow window{RecoveryStore(dir.filePath(QStringLiteral("recovery")))};
  ASSERT_TRUE(window.openFile(a));
  ASSERT_TRUE(window.openFile(b));
  ASSERT_TRUE(window.openFile(a));
  const QStringList recent = AppSettings::instance().recentFiles.value();
  ASSERT_GE(recent.size(), 2);
  EXPECT_EQ(recent.at(0), a);
  EXPECT_EQ(recent.at(1), b);
  EXPECT_EQ(recent.count(a), 1);
}
