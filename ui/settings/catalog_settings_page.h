// Settings › Catalog: where forks go (the workspace folder) and which GitHub repository, branch
// and path pattern the remote catalog lists. The GitHub API address is on the GitHub page.
#pragma once

#include "ui/settings/settings_page.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace manifold::ui {

class CatalogSettingsPage : public SettingsPage {
  Q_OBJECT

 public:
  explicit CatalogSettingsPage(QWidget* parent = nullptr);

  QString title() const override { return tr("Catalog"); }
  // Writes the fields that changed and are valid; an invalid one keeps its saved value.
  void apply() override;
  void discard() override;

  QLineEdit* workspaceField() const { return workspace_; }
  QLineEdit* repositoryField() const { return repository_; }
  QLineEdit* branchField() const { return branch_; }
  QLineEdit* pathPatternField() const { return pathPattern_; }
  QPushButton* browseButton() const { return browse_; }
  QPushButton* defaultsButton() const { return defaults_; }
  // What is wrong with the fields ("" when they are fine); shown under them.
  QString problems() const;
  QLabel* problemsLabel() const { return problems_label_; }

 private:
  void load();
  void check();

  QLineEdit* workspace_;
  QLineEdit* repository_;
  QLineEdit* branch_;
  QLineEdit* pathPattern_;
  QPushButton* browse_;
  QPushButton* defaults_;
  QLabel* problems_label_;
};

}  // namespace manifold::ui
