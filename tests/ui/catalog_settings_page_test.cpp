// Settings › Catalog under offscreen Qt: valid edits reach the catalog's settings on apply, a
// wrong field says why and keeps its saved value, Cancel drops edits, Restore Defaults restores.
#include "ui/settings/catalog_settings_page.h"

#include <gtest/gtest.h>

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

#include "ui/bridge/catalog_bridge.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/settings_dialog.h"

namespace manifold::ui {
namespace {

struct CatalogSettingsPageTest : ::testing::Test {
  void TearDown() override {
    auto& s = AppSettings::instance();
    s.workspaceDir.reset();
    s.catalogRepository.reset();
    s.catalogBranch.reset();
    s.catalogPathPattern.reset();
  }
};

void retype(QLineEdit* edit, const QString& text) {
  edit->selectAll();
  QTest::keyClick(edit, Qt::Key_Delete);
  QTest::keyClicks(edit, text);
}

TEST_F(CatalogSettingsPageTest, ValidEditsReachTheCatalogOnApply) {
  CatalogSettingsPage page;
  EXPECT_EQ(page.repositoryField()->text(), QStringLiteral("airbytehq/airbyte"));
  retype(page.repositoryField(), QStringLiteral("acme/connectors"));
  retype(page.branchField(), QStringLiteral("main"));
  retype(page.pathPatternField(), QStringLiteral("sources/*/manifest.yaml"));
  retype(page.workspaceField(), QStringLiteral("/tmp/manifold-workspace"));
  EXPECT_TRUE(page.problems().isEmpty()) << page.problems().toStdString();
  // Nothing is written before apply.
  EXPECT_EQ(CatalogSettings::fromAppSettings().repository, QStringLiteral("airbytehq/airbyte"));

  page.apply();
  const auto settings = CatalogSettings::fromAppSettings();
  EXPECT_EQ(settings.repository, QStringLiteral("acme/connectors"));
  EXPECT_EQ(settings.branch, QStringLiteral("main"));
  EXPECT_EQ(settings.pathPattern, QStringLiteral("sources/*/manifest.yaml"));
  EXPECT_EQ(settings.workspaceDir, QStringLiteral("/tmp/manifold-workspace"));
  EXPECT_EQ(settings.remoteOptions().repository, "acme/connectors");
}

TEST_F(CatalogSettingsPageTest, AWrongFieldSaysWhyAndKeepsItsSavedValue) {
  AppSettings::instance().catalogBranch.setValue(QStringLiteral("release"));
  CatalogSettingsPage page;
  page.show();
  retype(page.repositoryField(), QStringLiteral("not a repository"));
  retype(page.branchField(), QString());
  retype(page.pathPatternField(), QStringLiteral("/abs/*/spec.json"));
  retype(page.workspaceField(), QStringLiteral("relative/dir"));
  const QString problems = page.problemsLabel()->text();
  EXPECT_TRUE(page.problemsLabel()->isVisible());
  EXPECT_TRUE(problems.contains(QStringLiteral("OWNER/NAME"))) << problems.toStdString();
  EXPECT_TRUE(problems.contains(QStringLiteral("branch is empty"))) << problems.toStdString();
  EXPECT_TRUE(problems.contains(QStringLiteral("manifest.yaml"))) << problems.toStdString();
  EXPECT_TRUE(problems.contains(QStringLiteral("absolute path"))) << problems.toStdString();

  page.apply();
  auto& s = AppSettings::instance();
  EXPECT_EQ(s.catalogRepository.value(), QStringLiteral("airbytehq/airbyte"));
  EXPECT_EQ(s.catalogBranch.value(), QStringLiteral("release"));
  EXPECT_EQ(s.catalogPathPattern.value(), s.catalogPathPattern.defaultValue());
  EXPECT_TRUE(s.workspaceDir.value().isEmpty());

  retype(page.repositoryField(), QStringLiteral("acme/ok"));
  retype(page.branchField(), QStringLiteral("main"));
  retype(page.pathPatternField(), QStringLiteral("x/*/manifest.yaml"));
  retype(page.workspaceField(), QString());
  EXPECT_FALSE(page.problemsLabel()->isVisible());
}

TEST_F(CatalogSettingsPageTest, CancelDropsEditsAndRestoreDefaultsRestores) {
  AppSettings::instance().catalogRepository.setValue(QStringLiteral("acme/saved"));
  SettingsDialog dialog;
  auto* page = new CatalogSettingsPage(&dialog);
  dialog.addPage(page);
  ASSERT_TRUE(dialog.showPage(QStringLiteral("Catalog")));
  EXPECT_EQ(page->repositoryField()->text(), QStringLiteral("acme/saved"));

  retype(page->repositoryField(), QStringLiteral("acme/unsaved"));
  page->discard();
  EXPECT_EQ(page->repositoryField()->text(), QStringLiteral("acme/saved"));

  retype(page->branchField(), QStringLiteral("dev"));
  QTest::mouseClick(page->defaultsButton(), Qt::LeftButton);
  EXPECT_EQ(page->repositoryField()->text(), QStringLiteral("airbytehq/airbyte"));
  EXPECT_EQ(page->branchField()->text(), QStringLiteral("master"));
  dialog.applyAll();
  EXPECT_EQ(AppSettings::instance().catalogRepository.value(), QStringLiteral("airbytehq/airbyte"));
}

TEST_F(CatalogSettingsPageTest, EveryControlHasAnAccessibleName) {
  CatalogSettingsPage page;
  for (QWidget* w : std::initializer_list<QWidget*>{page.workspaceField(), page.repositoryField(), page.branchField(),
                                                    page.pathPatternField(), page.browseButton(),
                                                    page.defaultsButton()}) {
    EXPECT_FALSE(w->accessibleName().isEmpty()) << w->metaObject()->className();
  }
}

}  // namespace
}  // namespace manifold::ui
