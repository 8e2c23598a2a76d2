// Settings › Catalog: the workspace folder and the GitHub catalog's repository, branch and path pattern.
#include "ui/settings/catalog_settings_page.h"

#include "core/workspace/connector_project.h"
#include "ui/common/clear_button.h"
#include "ui/settings/app_settings.h"

#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace manifold::ui {

namespace {

QString defaultWorkspace() { return QString::fromStdString(workspace::defaultWorkspaceDir().string()); }

bool validRepository(const QString& text) {
  static const QRegularExpression kRepository(QStringLiteral("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"));
  return kRepository.match(text).hasMatch();
}

bool validPattern(const QString& text) {
  return !text.isEmpty() && text.endsWith(QStringLiteral("manifest.yaml")) && !text.startsWith(QLatin1Char('/'));
}

QLineEdit* field(QWidget* parent, const QString& name, const QString& placeholder) {
  auto* edit = new QLineEdit(parent);
  edit->setAccessibleName(name);
  edit->setPlaceholderText(placeholder);
  enableClearButton(edit);
  return edit;
}

}  // namespace

CatalogSettingsPage::CatalogSettingsPage(QWidget* parent) : SettingsPage(parent) {
  setObjectName(QStringLiteral("catalogSettingsPage"));
  workspace_ = field(this, tr("Workspace folder"), defaultWorkspace());
  browse_ = new QPushButton(tr("&Browse…"), this);
  browse_->setAccessibleName(tr("Browse for the workspace folder"));
  repository_ = field(this, tr("Catalog repository"), QStringLiteral("airbytehq/airbyte"));
  branch_ = field(this, tr("Catalog branch"), QStringLiteral("master"));
  pathPattern_ = field(this, tr("Manifest path pattern"),
                       QStringLiteral("airbyte-integrations/connectors/source-*/manifest.yaml"));
  defaults_ = new QPushButton(tr("Restore &Defaults"), this);
  defaults_->setAccessibleName(tr("Restore defaults"));
  problems_label_ = new QLabel(this);
  problems_label_->setWordWrap(true);
  problems_label_->setObjectName(QStringLiteral("catalogSettingsProblems"));

  auto* workspaceRow = new QHBoxLayout;
  workspaceRow->addWidget(workspace_, 1);
  workspaceRow->addWidget(browse_);
  auto* form = new QFormLayout;
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  auto* workspaceLabel = new QLabel(tr("&Workspace folder:"), this);
  workspaceLabel->setBuddy(workspace_);
  form->addRow(workspaceLabel, workspaceRow);
  auto* workspaceNote = new QLabel(tr("Forked connectors are copied here, one folder each."), this);
  workspaceNote->setWordWrap(true);
  form->addRow(QString(), workspaceNote);
  form->addRow(tr("&Repository:"), repository_);
  form->addRow(tr("Bra&nch:"), branch_);
  form->addRow(tr("&Path pattern:"), pathPattern_);
  auto* remoteNote = new QLabel(tr("The GitHub catalog in File › Catalog… lists the folders of this repository's "
                                   "branch whose manifest.yaml matches the pattern (* is one folder name). The "
                                   "GitHub API address is on the GitHub page."),
                                this);
  remoteNote->setWordWrap(true);
  form->addRow(QString(), remoteNote);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(problems_label_);
  layout->addWidget(defaults_, 0, Qt::AlignLeft);
  layout->addStretch(1);

  connect(browse_, &QPushButton::clicked, this, [this] {
    const QString chosen = QFileDialog::getExistingDirectory(
        this, tr("Workspace folder"), workspace_->text().isEmpty() ? defaultWorkspace() : workspace_->text());
    if (!chosen.isEmpty()) workspace_->setText(QDir::toNativeSeparators(chosen));
  });
  connect(defaults_, &QPushButton::clicked, this, [this] {
    auto& s = AppSettings::instance();
    workspace_->clear();
    repository_->setText(s.catalogRepository.defaultValue());
    branch_->setText(s.catalogBranch.defaultValue());
    pathPattern_->setText(s.catalogPathPattern.defaultValue());
  });
  for (QLineEdit* edit : {workspace_, repository_, branch_, pathPattern_}) {
    connect(edit, &QLineEdit::textChanged, this, &CatalogSettingsPage::check);
  }
  load();
}

void CatalogSettingsPage::load() {
  auto& s = AppSettings::instance();
  workspace_->setText(s.workspaceDir.value());
  repository_->setText(s.catalogRepository.value());
  branch_->setText(s.catalogBranch.value());
  pathPattern_->setText(s.catalogPathPattern.value());
  check();
}

QString CatalogSettingsPage::problems() const {
  QStringList out;
  if (!validRepository(repository_->text().trimmed())) {
    out << tr("The repository is OWNER/NAME, such as airbytehq/airbyte.");
  }
  if (branch_->text().trimmed().isEmpty()) out << tr("The branch is empty.");
  if (!validPattern(pathPattern_->text().trimmed())) {
    out << tr("The path pattern is a path in the repository ending in manifest.yaml.");
  }
  const QString dir = workspace_->text().trimmed();
  if (!dir.isEmpty() && !QDir::isAbsolutePath(dir)) out << tr("The workspace folder must be an absolute path.");
  return out.join(QLatin1Char(' '));
}

void CatalogSettingsPage::check() {
  const QString text = problems();
  problems_label_->setText(text.isEmpty() ? QString() : QStringLiteral("⚠ ") + text + tr(" Invalid fields are not saved."));
  problems_label_->setVisible(!text.isEmpty());
}

void CatalogSettingsPage::apply() {
  auto& s = AppSettings::instance();
  const QString dir = workspace_->text().trimmed();
  if (dir.isEmpty() || QDir::isAbsolutePath(dir)) s.workspaceDir.setValue(QDir::fromNativeSeparators(dir));
  if (validRepository(repository_->text().trimmed())) s.catalogRepository.setValue(repository_->text().trimmed());
  if (!branch_->text().trimmed().isEmpty()) s.catalogBranch.setValue(branch_->text().trimmed());
  if (validPattern(pathPattern_->text().trimmed())) s.catalogPathPattern.setValue(pathPattern_->text().trimmed());
}

void CatalogSettingsPage::discard() { load(); }

}  // namespace manifold::ui
