// File › Compare with Upstream and Update from Upstream on a fork of a catalog folder the test
// owns ($MANIFOLD_MANIFESTS_DIR), as a user sees them: the diff, the merge, the conflict.
#include "ui/catalog/upstream_dialog.h"

#include "core/catalog/bundled_catalog.h"
#include "core/catalog/catalog_fork.h"
#include "ui/editor/code_editor.h"
#include "ui/editor/yaml_editor.h"
#include "ui/mainwindow/main_window.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using manifold::ui::MainWindow;
using manifold::ui::RecoveryStore;
using manifold::ui::UpstreamDialog;

namespace {

const char* kManifest =
    "version: 6.4.0\ntype: DeclarativeSource\ncheck:\n  type: CheckStream\n  stream_names: [users]\n"
    "streams:\n  - type: DeclarativeStream\n    name: users\n    retriever:\n      type: SimpleRetriever\n"
    "      requester:\n        type: HttpRequester\n        url_base: https://api.example.com\n"
    "        path: /users\n      record_selector:\n        type: RecordSelector\n        extractor:\n"
    "          type: DpathExtractor\n          field_path: []\n";

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes) {
  QDir().mkpath(QFileInfo(path).absolutePath());
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(bytes);
}

void replaceIn(const QString& path, const QByteArray& from, const QByteArray& to) {
  QByteArray text = readAll(path);
  ASSERT_TRUE(text.contains(from)) << from.toStdString();
  writeAll(path, text.replace(from, to));
}

QAction* fileAction(MainWindow& window, const QString& text) {
  for (QAction* a : window.menuBar()->actions().first()->menu()->actions()) {
    if (a->text() == text) return a;
  }
  return nullptr;
}

struct Upstream : ::testing::Test {
  QTemporaryDir dir;
  QString catalog;
  QString project;
  std::unique_ptr<MainWindow> window;

  void SetUp() override {
    catalog = dir.filePath(QStringLiteral("catalog"));
    writeAll(catalog + QStringLiteral("/shop/manifest.yaml"), kManifest);
    writeAll(catalog + QStringLiteral("/shop/metadata.yaml"), "data:\n  name: shop\n  title: Shop\n  version: 1.0.0\n");
    qputenv("MANIFOLD_MANIFESTS_DIR", catalog.toUtf8());
    const auto listing = manifold::catalog::listBundledCatalog(catalog.toStdString());
    const auto* shop = manifold::catalog::findEntry(listing, "shop");
    ASSERT_NE(shop, nullptr);
    const auto forked = manifold::catalog::forkEntry(*shop, manifold::catalog::bundledFiles(*shop),
                                                     dir.filePath(QStringLiteral("workspace")).toStdString());
    ASSERT_TRUE(forked) << forked.error().message;
    project = QString::fromStdString(forked.value().string());
    window = std::make_unique<MainWindow>(RecoveryStore(dir.filePath(QStringLiteral("recovery"))));
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
  }
  void TearDown() override {
    window.reset();
    qunsetenv("MANIFOLD_MANIFESTS_DIR");
  }

  QString manifest() const { return project + QStringLiteral("/manifest.yaml"); }

  UpstreamDialog* openDialog(const QString& action) {
    QAction* a = fileAction(*window, action);
    EXPECT_NE(a, nullptr) << action.toStdString();
    if (a == nullptr) return nullptr;
    EXPECT_TRUE(a->isEnabled());
    a->trigger();
    auto* dialog = window->findChild<UpstreamDialog*>();
    if (dialog != nullptr) {
      EXPECT_TRUE(QTest::qWaitFor([dialog] { return !dialog->isBusy(); }, 10000));
    }
    return dialog;
  }
};

}  // namespace

TEST_F(Upstream, TheActionsNeedAForkedConnector) {
  const QString plain = dir.filePath(QStringLiteral("plain/manifest.yaml"));
  writeAll(plain, kManifest);
  ASSERT_TRUE(window->openFile(plain));
  EXPECT_FALSE(fileAction(*window, QStringLiteral("Compare with &Upstream…"))->isEnabled());
  ASSERT_TRUE(window->openConnector(project));
  EXPECT_TRUE(fileAction(*window, QStringLiteral("Compare with &Upstream…"))->isEnabled());
  EXPECT_TRUE(fileAction(*window, QStringLiteral("Update from Upstrea&m…"))->isEnabled());
}

TEST_F(Upstream, CompareShowsTheUsersChangesOrEveryDifferenceFromUpstreamNow) {
  replaceIn(manifest(), "field_path: []", "field_path: [data]");
  replaceIn(catalog + QStringLiteral("/shop/manifest.yaml"), "api.example.com", "api.example.org");
  ASSERT_TRUE(window->openConnector(project));
  UpstreamDialog* dialog = openDialog(QStringLiteral("Compare with &Upstream…"));
  ASSERT_NE(dialog, nullptr);
  QString diff = dialog->diffView()->text();
  EXPECT_TRUE(diff.contains(QStringLiteral("+          field_path: [data]"))) << diff.toStdString();
  EXPECT_FALSE(diff.contains(QStringLiteral("example.org"))) << "upstream's own change is not the user's";
  EXPECT_TRUE(dialog->statusLabel()->text().contains(QStringLiteral("bundled 1.0.0")))
      << dialog->statusLabel()->text().toStdString();

  dialog->againstBox()->setCurrentIndex(1);
  QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 10000);
  diff = dialog->diffView()->text();
  EXPECT_TRUE(diff.contains(QStringLiteral("-        url_base: https://api.example.org"))) << diff.toStdString();
  EXPECT_TRUE(diff.contains(QStringLiteral("+          field_path: [data]")));
}

TEST_F(Upstream, UpdateMergesUpstreamIntoTheFilesAndTheEditorShowsTheResult) {
  replaceIn(manifest(), "field_path: []", "field_path: [data]");
  replaceIn(catalog + QStringLiteral("/shop/manifest.yaml"), "api.example.com", "api.example.org");
  ASSERT_TRUE(window->openConnector(project));
  UpstreamDialog* dialog = openDialog(QStringLiteral("Update from Upstrea&m…"));
  ASSERT_NE(dialog, nullptr);
  EXPECT_TRUE(dialog->statusLabel()->text().startsWith(QStringLiteral("Updated from upstream: manifest.yaml updated")))
      << dialog->statusLabel()->text().toStdString();
  const QString merged = QString::fromUtf8(readAll(manifest()));
  EXPECT_TRUE(merged.contains(QStringLiteral("api.example.org")));
  EXPECT_TRUE(merged.contains(QStringLiteral("field_path: [data]")));
  EXPECT_EQ(window->editor()->text(), merged) << "the editor shows the merged manifest";
  EXPECT_FALSE(window->editor()->isModified());
  // What is left to compare is the user's own change on the new base.
  EXPECT_TRUE(dialog->diffView()->text().contains(QStringLiteral("+          field_path: [data]")));
  EXPECT_FALSE(dialog->diffView()->text().contains(QStringLiteral("example.org")));
}

TEST_F(Upstream, AConflictChangesNothingAndShowsBothVersions) {
  replaceIn(manifest(), "path: /users", "path: /mine");
  replaceIn(catalog + QStringLiteral("/shop/manifest.yaml"), "path: /users", "path: /theirs");
  const QByteArray before = readAll(manifest());
  ASSERT_TRUE(window->openConnector(project));
  UpstreamDialog* dialog = openDialog(QStringLiteral("Compare with &Upstream…"));
  ASSERT_NE(dialog, nullptr);
  QTest::mouseClick(dialog->updateButton(), Qt::LeftButton);
  QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 10000);
  EXPECT_TRUE(dialog->statusLabel()->text().startsWith(QStringLiteral("Not updated: 1 conflict where")))
      << dialog->statusLabel()->text().toStdString();
  const QString shown = dialog->diffView()->text();
  EXPECT_TRUE(shown.contains(QStringLiteral("<<<<<<< workspace"))) << shown.toStdString();
  EXPECT_TRUE(shown.contains(QStringLiteral("path: /mine")));
  EXPECT_TRUE(shown.contains(QStringLiteral("path: /theirs")));
  EXPECT_EQ(readAll(manifest()), before) << "nothing lost";
  EXPECT_TRUE(window->editor()->text().contains(QStringLiteral("path: /mine")));
}
