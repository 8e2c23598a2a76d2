#include "ui/contribute/contribute_dialog.h"

#include <algorithm>

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QSyntaxHighlighter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "core/github/contribution_flow.h"
#include "ui/bridge/contribution_runner.h"
#include "ui/common/count_text.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/github_account.h"

namespace manifold::ui {

namespace {

using Step = github::ContributionStep;
using State = github::ContributionProgress::State;

constexpr Step kSteps[] = {Step::Prepare, Step::Account, Step::Repository, Step::Fork,
                           Step::Sync,    Step::Branch,  Step::Commit,     Step::PullRequest};

QString stepTitle(Step step) {
  switch (step) {
    case Step::Prepare: return QObject::tr("Check the connector");
    case Step::Account: return QObject::tr("GitHub account");
    case Step::Repository: return QObject::tr("Catalog repository");
    case Step::Fork: return QObject::tr("Fork");
    case Step::Sync: return QObject::tr("Base branch");
    case Step::Branch: return QObject::tr("Branch");
    case Step::Commit: return QObject::tr("Commit");
    case Step::PullRequest: return QObject::tr("Pull request");
  }
  return {};
}

// Unified-diff colours: additions, removals and hunk headers, readable on light and dark palettes.
class DiffHighlighter : public QSyntaxHighlighter {
 public:
  using QSyntaxHighlighter::QSyntaxHighlighter;

 protected:
  void highlightBlock(const QString& text) override {
    QTextCharFormat format;
    if (text.startsWith(QLatin1String("+++")) || text.startsWith(QLatin1String("---"))) {
      format.setFontWeight(QFont::Bold);
    } else if (text.startsWith(QLatin1Char('+'))) {
      format.setForeground(QColor(0x1a, 0x7f, 0x37));
      format.setBackground(QColor(0x1a, 0x7f, 0x37, 28));
    } else if (text.startsWith(QLatin1Char('-'))) {
      format.setForeground(QColor(0xcf, 0x22, 0x2e));
      format.setBackground(QColor(0xcf, 0x22, 0x2e, 28));
    } else if (text.startsWith(QLatin1String("@@"))) {
      format.setForeground(QColor(0x3b, 0x6e, 0xc8));
    } else {
      return;
    }
    setFormat(0, static_cast<int>(text.size()), format);
  }
};

QString statusText(const ContributionFileView& file) {
  QString status;
  switch (file.status) {
    case ContributionFileView::Status::New: status = QObject::tr("new"); break;
    case ContributionFileView::Status::Changed: status = QObject::tr("changed"); break;
    case ContributionFileView::Status::Unchanged: status = QObject::tr("unchanged"); break;
    case ContributionFileView::Status::Unknown: status = QObject::tr("not compared"); break;
  }
  return file.generated ? QObject::tr("generated, %1").arg(status) : status;
}

}  // namespace

ContributeDialog::ContributeDialog(ContributeSetup setup, GitHubAccount* account, QWidget* parent)
    : QDialog(parent), setup_(std::move(setup)), account_(account), runner_(new ContributionRunner(this)),
      preview_watcher_(new QFutureWatcher<ContributionPreview>(this)) {
  setWindowTitle(tr("Contribute to a Catalog"));
  setAccessibleName(tr("Contribute"));
  setObjectName(QStringLiteral("contributeDialog"));
  buildLayout();
  connect(account_, &GitHubAccount::changed, this, &ContributeDialog::refreshAccount);
  connect(preview_watcher_, &QFutureWatcher<ContributionPreview>::finished, this,
          [this] { showPreview(preview_watcher_->result()); });
  connect(runner_, &ContributionRunner::progress, this, &ContributeDialog::onProgress);
  connect(runner_, &ContributionRunner::succeeded, this, &ContributeDialog::onSucceeded);
  connect(runner_, &ContributionRunner::failed, this, &ContributeDialog::onFailed);
  refreshAccount();
  refreshPreview();
  resize(1120, 800);
}

ContributeDialog::~ContributeDialog() {
  preview_stop_.request_stop();
  preview_watcher_->waitForFinished();
}

void ContributeDialog::buildLayout() {
  account_label_ = new QLabel(this);
  account_label_->setWordWrap(true);
  sign_in_ = new QPushButton(tr("&Sign In…"), this);
  sign_in_->setAccessibleName(tr("Sign in to GitHub"));
  connect(sign_in_, &QPushButton::clicked, this, &ContributeDialog::signInRequested);

  const auto line = [this](const QString& text, const QString& name, const QString& placeholder = {}) {
    auto* edit = new QLineEdit(text, this);
    edit->setAccessibleName(name);
    edit->setPlaceholderText(placeholder);
    return edit;
  };
  repository_ = line(setup_.repository, tr("Catalog repository"), QStringLiteral("OWNER/NAME"));
  base_ = line(setup_.baseBranch, tr("Base branch"), tr("the repository's default branch"));
  branch_ = line({}, tr("Branch name"), QStringLiteral("manifold/source-…"));
  title_ = line({}, tr("Pull request title"));
  description_ = new QPlainTextEdit(this);
  description_->setAccessibleName(tr("Pull request description"));
  description_->setTabChangesFocus(true);
  description_->setMinimumHeight(110);
  connect(repository_, &QLineEdit::editingFinished, this, [this] {
    if (repository_->isModified()) refreshPreview();
    repository_->setModified(false);
  });
  connect(base_, &QLineEdit::editingFinished, this, [this] {
    if (base_->isModified()) refreshPreview();
    base_->setModified(false);
  });
  connect(title_, &QLineEdit::textEdited, this, [this] { title_edited_ = true; });
  connect(branch_, &QLineEdit::textEdited, this, [this] { branch_edited_ = true; });
  connect(description_, &QPlainTextEdit::textChanged, this, [this] {
    if (!filling_) body_edited_ = true;
  });

  auto* accountRow = new QHBoxLayout;
  accountRow->addWidget(account_label_, 1);
  accountRow->addWidget(sign_in_);
  auto* targetRow = new QHBoxLayout;
  targetRow->addWidget(repository_, 3);
  auto* baseLabel = new QLabel(tr("&Base branch:"), this);
  baseLabel->setBuddy(base_);
  targetRow->addWidget(baseLabel);
  targetRow->addWidget(base_, 2);
  auto* form = new QFormLayout;
  form->addRow(tr("Account:"), accountRow);
  auto* repositoryLabel = new QLabel(tr("&Repository:"), this);
  repositoryLabel->setBuddy(repository_);
  form->addRow(repositoryLabel, targetRow);
  form->addRow(tr("Bra&nch:"), branch_);
  form->addRow(tr("&Title:"), title_);
  form->addRow(tr("&Description:"), description_);

  files_ = new QTreeWidget(this);
  files_->setAccessibleName(tr("Files to send"));
  files_->setHeaderLabels({tr("File in the catalog"), tr("Status")});
  files_->setRootIsDecorated(false);
  files_->setUniformRowHeights(true);
  files_->setTextElideMode(Qt::ElideMiddle);  // the file names at the end matter most
  files_->header()->setStretchLastSection(false);
  files_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
  files_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  connect(files_, &QTreeWidget::currentItemChanged, this, &ContributeDialog::showDiff);
  diff_ = new QPlainTextEdit(this);
  diff_->setAccessibleName(tr("Diff against the catalog"));
  diff_->setReadOnly(true);
  diff_->setLineWrapMode(QPlainTextEdit::NoWrap);
  diff_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  new DiffHighlighter(diff_->document());
  files_status_ = new QLabel(this);
  files_status_->setWordWrap(true);
  refresh_ = new QPushButton(tr("Refres&h"), this);
  refresh_->setAccessibleName(tr("Refresh the files and diffs"));
  connect(refresh_, &QPushButton::clicked, this, &ContributeDialog::refreshPreview);

  auto* filesBox = new QWidget(this);
  auto* filesLayout = new QVBoxLayout(filesBox);
  filesLayout->setContentsMargins(0, 0, 0, 0);
  auto* filesHeader = new QHBoxLayout;
  auto* filesLabel = new QLabel(tr("&Files to send:"), this);
  filesLabel->setBuddy(files_);
  filesHeader->addWidget(filesLabel);
  filesHeader->addStretch(1);
  filesHeader->addWidget(refresh_);
  filesLayout->addLayout(filesHeader);
  filesLayout->addWidget(files_, 1);
  filesLayout->addWidget(files_status_);
  auto* diffBox = new QWidget(this);
  auto* diffLayout = new QVBoxLayout(diffBox);
  diffLayout->setContentsMargins(0, 0, 0, 0);
  auto* diffLabel = new QLabel(tr("Diff a&gainst the catalog:"), this);
  diffLabel->setBuddy(diff_);
  diffLayout->addWidget(diffLabel);
  diffLayout->addWidget(diff_, 1);
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(filesBox);
  split->addWidget(diffBox);
  split->setStretchFactor(0, 2);
  split->setStretchFactor(1, 3);
  split->setChildrenCollapsible(false);

  warnings_ = new QLabel(this);
  warnings_->setWordWrap(true);
  warnings_->setTextFormat(Qt::PlainText);
  warnings_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  warnings_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* checks = new QGroupBox(tr("Reviewer checks"), this);
  auto* checksLayout = new QVBoxLayout(checks);
  checksLayout->addWidget(warnings_, 1);
  progress_ = new QListWidget(this);
  progress_->setAccessibleName(tr("Contribution progress"));
  progress_->setSelectionMode(QAbstractItemView::NoSelection);
  progress_->setWordWrap(true);
  progress_->setMaximumHeight(progress_->fontMetrics().lineSpacing() * 9 + 8);
  for (const Step step : kSteps) progress_->addItem(QStringLiteral("○ ") + stepTitle(step));
  auto* progressBox = new QGroupBox(tr("Progress"), this);
  auto* progressLayout = new QVBoxLayout(progressBox);
  progressLayout->addWidget(progress_);
  auto* bottom = new QHBoxLayout;
  bottom->addWidget(checks, 1);
  bottom->addWidget(progressBox, 1);

  result_ = new QLabel(this);
  result_->setWordWrap(true);
  result_->setTextFormat(Qt::RichText);
  result_->setOpenExternalLinks(true);
  result_->setTextInteractionFlags(Qt::TextBrowserInteraction);
  result_->setAccessibleName(tr("Pull request link"));
  result_->hide();

  contribute_ = new QPushButton(tr("&Contribute"), this);
  contribute_->setAccessibleName(tr("Contribute"));
  contribute_->setDefault(true);
  cancel_ = new QPushButton(tr("Close"), this);
  cancel_->setAccessibleName(tr("Cancel or close"));
  auto* buttons = new QDialogButtonBox(this);
  buttons->addButton(contribute_, QDialogButtonBox::AcceptRole);
  buttons->addButton(cancel_, QDialogButtonBox::RejectRole);
  connect(contribute_, &QPushButton::clicked, this, &ContributeDialog::contribute);
  connect(cancel_, &QPushButton::clicked, this, &ContributeDialog::cancel);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(split, 1);
  layout->addLayout(bottom, 0);
  layout->addWidget(result_);
  layout->addWidget(buttons);
}

bool ContributeDialog::isLoading() const { return preview_watcher_->isRunning(); }

bool ContributeDialog::isRunning() const { return runner_->isRunning(); }

void ContributeDialog::refreshAccount() {
  account_label_->setText(account_->statusText());
  sign_in_->setText(account_->isSignedIn() ? tr("&Account…") : tr("&Sign In…"));
  updateButtons();
}

github::ContributionRequest ContributeDialog::request() const {
  github::ContributionRequest r;
  r.connectorDir = setup_.connectorDir.toStdString();
  r.upstream = repository_->text().trimmed().toStdString();
  r.baseBranch = base_->text().trimmed().toStdString();
  r.branch = branch_->text().trimmed().toStdString();
  r.title = title_->text().trimmed().toStdString();
  r.body = description_->toPlainText().toStdString();
  r.layout = setup_.layout;
  r.secretValues = setup_.secretValues;
  return r;
}

void ContributeDialog::refreshPreview() {
  preview_stop_.request_stop();
  preview_stop_ = std::stop_source();
  github::ContributionRequest r = request();
  // The preview shows the template: the user's own title and text are kept in the fields.
  r.title.clear();
  r.body.clear();
  if (!branch_edited_) r.branch.clear();
  files_status_->setText(tr("Reading the connector and the catalog's copies…"));
  preview_watcher_->setFuture(QtConcurrent::run(
      [r = std::move(r), api = account_->apiUrl(), token = account_->token(), stop = preview_stop_.get_token()] {
        return loadContributionPreview(r, api, token, stop);
      }));
  updateButtons();
}

void ContributeDialog::showPreview(const ContributionPreview& preview) {
  preview_ = preview;
  files_->clear();
  diff_->clear();
  if (!preview.error.isEmpty()) {
    files_status_->setText(QStringLiteral("⚠ ") + preview.error);
    warnings_->setText(preview.error);
    updateButtons();
    return;
  }
  filling_ = true;
  if (!branch_edited_) branch_->setText(preview.branch);
  if (!title_edited_) title_->setText(preview.title);
  if (!body_edited_) description_->setPlainText(preview.body);
  filling_ = false;
  if (base_->text().trimmed().isEmpty() && !preview.baseBranch.isEmpty()) base_->setPlaceholderText(preview.baseBranch);
  for (const auto& file : preview.files) {
    auto* item = new QTreeWidgetItem(files_, {file.target, statusText(file)});
    item->setToolTip(0, file.source.isEmpty() ? tr("Generated for the catalog") : tr("From %1").arg(file.source));
  }
  files_status_->setText(
      preview.upstreamError.isEmpty()
          ? tr("%1, compared with %2 on %3.")
                .arg(countText(static_cast<int>(preview.files.size()), tr("file"), tr("files")),
                     repository_->text().trimmed(), preview.baseBranch)
          : QStringLiteral("⚠ ") + preview.upstreamError);
  warnings_->setText(preview.warnings.isEmpty() ? tr("✓ Nothing a reviewer would flag.")
                                                : QStringLiteral("⚠ ") + preview.warnings.join(QStringLiteral("\n⚠ ")));
  if (files_->topLevelItemCount() > 0) files_->setCurrentItem(files_->topLevelItem(0));
  updateButtons();
}

void ContributeDialog::showDiff() {
  const int row = files_->currentItem() ? files_->indexOfTopLevelItem(files_->currentItem()) : -1;
  if (row < 0 || row >= preview_.files.size()) {
    diff_->clear();
    return;
  }
  const auto& file = preview_.files[row];
  diff_->setPlainText(file.diff.isEmpty() ? tr("No difference: the catalog has this file as it is.") : file.diff);
}

void ContributeDialog::contribute() {
  if (runner_->isRunning() || !account_->isSignedIn()) return;
  AppSettings::instance().contributeRepository.setValue(repository_->text().trimmed());
  AppSettings::instance().contributeBaseBranch.setValue(base_->text().trimmed());
  for (int i = 0; i < progress_->count(); ++i) progress_->item(i)->setText(QStringLiteral("○ ") + stepTitle(kSteps[i]));
  current_step_ = -1;
  result_->hide();
  url_.clear();
  github::ContributionRequest r = request();
  if (!body_edited_) r.body.clear();  // the flow's template can list streams against the origin
  runner_->start(std::move(r), account_->apiUrl(), account_->token());
  updateButtons();
}

void ContributeDialog::cancel() { reject(); }

void ContributeDialog::reject() {
  if (runner_->isRunning()) {
    runner_->cancel();
    cancel_->setEnabled(false);
    return;
  }
  QDialog::reject();
}

void ContributeDialog::closeEvent(QCloseEvent* event) {
  if (runner_->isRunning()) {
    runner_->cancel();
    event->ignore();  // stays open to show what the stopped flow left on GitHub
    return;
  }
  QDialog::closeEvent(event);
}

void ContributeDialog::onProgress(int step, int state, const QString& message) {
  const int row = static_cast<int>(std::find(std::begin(kSteps), std::end(kSteps), static_cast<Step>(step)) - std::begin(kSteps));
  if (row < 0 || row >= progress_->count()) return;
  current_step_ = row;
  QListWidgetItem* item = progress_->item(row);
  const QString title = stepTitle(kSteps[row]);
  switch (static_cast<State>(state)) {
    case State::Started: item->setText(QStringLiteral("▶ ") + title + QStringLiteral(" — ") + message); break;
    case State::Note: item->setText(QStringLiteral("▶ ") + title + QStringLiteral(" — ") + message); break;
    case State::Done: item->setText(QStringLiteral("✓ ") + title + QStringLiteral(" — ") + message); break;
  }
  progress_->scrollToItem(item);
}

void ContributeDialog::onSucceeded(const QString& url, int number, bool existed) {
  url_ = url;
  result_->setText((existed ? tr("Pushed a new commit to the open pull request #%1: ") : tr("Opened pull request #%1: "))
                       .arg(number) +
                   QStringLiteral("<a href=\"%1\">%2</a>").arg(url.toHtmlEscaped(), url.toHtmlEscaped()));
  result_->show();
  cancel_->setText(tr("Close"));
  updateButtons();
  emit contributed(url);
}

void ContributeDialog::onFailed(const QString& message, bool unauthorized, bool cancelled) {
  if (current_step_ >= 0) {
    QListWidgetItem* item = progress_->item(current_step_);
    item->setText(QStringLiteral("✗ ") + stepTitle(kSteps[current_step_]) +
                  (cancelled ? tr(" — cancelled") : tr(" — failed")));
  }
  result_->setText(QStringLiteral("⚠ ") + message.toHtmlEscaped());
  result_->show();
  if (unauthorized) sign_in_->setFocus();
  updateButtons();
}

void ContributeDialog::updateButtons() {
  const bool running = runner_->isRunning();
  const bool ready = account_->isSignedIn() && !isLoading() && preview_.error.isEmpty() && !preview_.name.isEmpty();
  contribute_->setEnabled(!running && ready && url_.isEmpty());
  contribute_->setToolTip(account_->isSignedIn() ? QString() : tr("Sign in to GitHub first"));
  refresh_->setEnabled(!running);
  cancel_->setEnabled(true);
  cancel_->setText(running ? tr("Cancel") : tr("Close"));
  for (QWidget* w : std::initializer_list<QWidget*>{repository_, base_, branch_, title_, description_}) w->setEnabled(!running);
}

}  // namespace manifold::ui
