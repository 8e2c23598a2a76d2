// The Contribute dialog (File › Contribute…): the signed-in account, the target repository and
// branches, the pull request's title and description (prefilled from the template), the files
// that will be sent with their diff against the catalog, the flow's progress, and the link.
#pragma once

#include <QDialog>
#include <QFutureWatcher>

#include <stop_token>
#include <string>
#include <vector>

#include "core/github/contribution_plan.h"
#include "ui/bridge/github_bridge.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace manifold::ui {

class ContributionRunner;
class GitHubAccount;

struct ContributeSetup {
  QString connectorDir;
  QString repository = QStringLiteral("airbytehq/airbyte");
  QString baseBranch;  // empty: the repository's default branch
  github::CatalogLayout layout;
  // Secret testing values (from the keychain): a file containing one is refused.
  std::vector<std::string> secretValues;
};

class ContributeDialog : public QDialog {
  Q_OBJECT

 public:
  ContributeDialog(ContributeSetup setup, GitHubAccount* account, QWidget* parent = nullptr);
  ~ContributeDialog() override;

  QLabel* accountLabel() const { return account_label_; }
  QPushButton* signInButton() const { return sign_in_; }
  QLineEdit* repositoryField() const { return repository_; }
  QLineEdit* baseBranchField() const { return base_; }
  QLineEdit* branchField() const { return branch_; }
  QLineEdit* titleField() const { return title_; }
  QPlainTextEdit* descriptionField() const { return description_; }
  QTreeWidget* fileList() const { return files_; }
  QPlainTextEdit* diffView() const { return diff_; }
  QLabel* warningsLabel() const { return warnings_; }
  QListWidget* progressList() const { return progress_; }
  QLabel* resultLabel() const { return result_; }
  QPushButton* contributeButton() const { return contribute_; }
  QPushButton* cancelButton() const { return cancel_; }
  QPushButton* refreshButton() const { return refresh_; }
  bool isLoading() const;
  bool isRunning() const;
  QString pullRequestUrl() const { return url_; }

 public slots:
  // Reads the plan and the catalog's copies again (off the GUI thread).
  void refreshPreview();
  // Runs the flow (off the GUI thread) with what the fields say.
  void contribute();
  // Stops a running flow, else closes the dialog.
  void cancel();

 signals:
  // The user wants to sign in (the main window opens Settings › GitHub).
  void signInRequested();
  void contributed(const QString& pullRequestUrl);

 protected:
  void closeEvent(QCloseEvent* event) override;
  // Esc while the flow runs stops it instead of closing over it.
  void reject() override;

 private:
  void buildLayout();
  void refreshAccount();
  void showPreview(const ContributionPreview& preview);
  void showDiff();
  void onProgress(int step, int state, const QString& message);
  void onSucceeded(const QString& url, int number, bool existed);
  void onFailed(const QString& message, bool unauthorized, bool cancelled);
  void updateButtons();
  github::ContributionRequest request() const;

  ContributeSetup setup_;
  GitHubAccount* account_;
  ContributionRunner* runner_;
  QFutureWatcher<ContributionPreview>* preview_watcher_;
  std::stop_source preview_stop_;
  ContributionPreview preview_;
  QString url_;
  int current_step_ = -1;
  bool title_edited_ = false;
  bool body_edited_ = false;
  bool branch_edited_ = false;
  bool filling_ = false;  // the dialog itself is writing the fields

  QLabel* account_label_ = nullptr;
  QPushButton* sign_in_ = nullptr;
  QLineEdit* repository_ = nullptr;
  QLineEdit* base_ = nullptr;
  QLineEdit* branch_ = nullptr;
  QLineEdit* title_ = nullptr;
  QPlainTextEdit* description_ = nullptr;
  QTreeWidget* files_ = nullptr;
  QPlainTextEdit* diff_ = nullptr;
  QLabel* files_status_ = nullptr;
  QLabel* warnings_ = nullptr;
  QListWidget* progress_ = nullptr;
  QLabel* result_ = nullptr;
  QPushButton* refresh_ = nullptr;
  QPushButton* contribute_ = nullptr;
  QPushButton* cancel_ = nullptr;
};

}  // namespace manifold::ui
