// The OpenAPI wizard: one dialog, loading off the GUI thread with a busy progress bar, results
// tagged with a generation so a slow earlier load never overwrites a newer one.
#include "ui/openapi/openapi_wizard.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace manifold::ui {

namespace {

enum Column { kName, kMethod, kPath, kPagination, kParent, kColumnCount };

}  // namespace

OpenApiWizard::OpenApiWizard(QWidget* parent) : QDialog(parent) {
  setObjectName(QStringLiteral("openApiWizard"));
  setWindowTitle(tr("New Connector from OpenAPI"));
  setAccessibleName(tr("New Connector from OpenAPI"));
  resize(900, 600);

  source_edit_ = new QLineEdit(this);
  source_edit_->setAccessibleName(tr("OpenAPI document"));
  source_edit_->setAccessibleDescription(tr("A YAML or JSON file, or an http(s) URL, of an OpenAPI 3 or Swagger 2 document"));
  source_edit_->setPlaceholderText(tr("openapi.yaml or https://api.example.com/openapi.json"));
  browse_ = new QPushButton(tr("&Browse…"), this);
  browse_->setAccessibleName(tr("Browse"));
  load_ = new QPushButton(tr("&Load"), this);
  load_->setAccessibleName(tr("Load"));
  auto* sourceRow = new QHBoxLayout;
  sourceRow->addWidget(source_edit_, 1);
  sourceRow->addWidget(browse_);
  sourceRow->addWidget(load_);

  base_url_edit_ = new QLineEdit(this);
  base_url_edit_->setAccessibleName(tr("API address"));
  base_url_edit_->setAccessibleDescription(tr("Optional: use this address instead of the document's servers"));
  base_url_edit_->setPlaceholderText(tr("optional, e.g. http://127.0.0.1:8765"));

  auto* form = new QFormLayout;
  auto* sourceLabel = new QLabel(tr("&Document (file or URL):"), this);
  sourceLabel->setBuddy(source_edit_);
  form->addRow(sourceLabel, sourceRow);
  auto* baseLabel = new QLabel(tr("API &address:"), this);
  baseLabel->setBuddy(base_url_edit_);
  form->addRow(baseLabel, base_url_edit_);

  progress_ = new QProgressBar(this);
  progress_->setAccessibleName(tr("Loading progress"));
  progress_->setRange(0, 0);  // busy: parsing has no meaningful percentage
  progress_->setTextVisible(false);
  progress_->hide();
  status_ = new QLabel(tr("Choose an OpenAPI or Swagger document, then Load."), this);
  status_->setAccessibleName(tr("Import status"));
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

  streams_ = new QTreeWidget(this);
  streams_->setAccessibleName(tr("Candidate streams"));
  streams_->setColumnCount(kColumnCount);
  streams_->setHeaderLabels({tr("Stream"), tr("Method"), tr("Path"), tr("Pagination"), tr("Parent")});
  streams_->setRootIsDecorated(false);
  streams_->setUniformRowHeights(true);
  streams_->header()->setSectionResizeMode(kPath, QHeaderView::Stretch);
  report_ = new QPlainTextEdit(this);
  report_->setAccessibleName(tr("Stream report"));
  report_->setReadOnly(true);
  report_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->addWidget(streams_);
  splitter->addWidget(report_);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 2);

  select_all_ = new QPushButton(tr("Select a&ll"), this);
  select_all_->setAccessibleName(tr("Select all"));
  select_none_ = new QPushButton(tr("Select &none"), this);
  select_none_->setAccessibleName(tr("Select none"));
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
  create_ = buttons_->addButton(tr("&Create Connector"), QDialogButtonBox::AcceptRole);
  create_->setAccessibleName(tr("Create connector"));
  create_->setEnabled(false);
  buttons_->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
  auto* bottom = new QHBoxLayout;
  bottom->addWidget(select_all_);
  bottom->addWidget(select_none_);
  bottom->addStretch(1);
  bottom->addWidget(buttons_);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(progress_);
  layout->addWidget(status_);
  layout->addWidget(splitter, 1);
  layout->addLayout(bottom);

  connect(browse_, &QPushButton::clicked, this, &OpenApiWizard::browse);
  connect(load_, &QPushButton::clicked, this, &OpenApiWizard::load);
  connect(source_edit_, &QLineEdit::returnPressed, this, &OpenApiWizard::load);
  connect(streams_, &QTreeWidget::currentItemChanged, this, &OpenApiWizard::showSelectedReport);
  connect(streams_, &QTreeWidget::itemChanged, this, &OpenApiWizard::updateCreateButton);
  connect(select_all_, &QPushButton::clicked, this, [this] { setAllChecked(true); });
  connect(select_none_, &QPushButton::clicked, this, [this] { setAllChecked(false); });
  connect(buttons_, &QDialogButtonBox::accepted, this, &OpenApiWizard::create);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(&watcher_, &QFutureWatcher<OpenApiImport>::finished, this, &OpenApiWizard::onLoaded);
}

OpenApiWizard::~OpenApiWizard() {
  if (stop_) stop_->request_stop();
  watcher_.waitForFinished();
}

void OpenApiWizard::browse() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open OpenAPI document"), QString(),
                                                    tr("OpenAPI documents (*.yaml *.yml *.json);;All files (*)"));
  if (path.isEmpty()) return;
  source_edit_->setText(path);
  load();
}

void OpenApiWizard::load() {
  const QString source = source_edit_->text().trimmed();
  if (source.isEmpty()) {
    status_->setText(tr("Enter a file path or an http(s) URL first."));
    return;
  }
  if (stop_) stop_->request_stop();  // a previous load ends early; its result is dropped
  stop_ = std::make_unique<std::stop_source>();
  const quint64 generation = ++generation_;
  streams_->clear();
  report_->clear();
  current_ = OpenApiImport();
  create_->setEnabled(false);
  progress_->show();
  status_->setText(tr("Reading %1…").arg(source));
  const QString baseUrl = base_url_edit_->text();
  watcher_.setFuture(QtConcurrent::run([source, baseUrl, generation, token = stop_->get_token()] {
    return importOpenApi(source, baseUrl, generation, token);
  }));
}

void OpenApiWizard::onLoaded() {
  OpenApiImport result = watcher_.result();
  if (result.generation != generation_) return;  // a newer load is on its way
  progress_->hide();
  if (!result.ok()) {
    status_->setText(tr("Cannot import: %1").arg(result.error));
    return;
  }
  current_ = std::move(result);
  const QSignalBlocker blocker(streams_);
  for (const auto& c : current_.candidates) {
    auto* item = new QTreeWidgetItem(streams_, {c.name, c.method, c.path, c.pagination, c.parent});
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(kName, Qt::Checked);
  }
  for (int c = 0; c < kColumnCount; ++c) {
    if (c != kPath) streams_->resizeColumnToContents(c);
  }
  const auto count = current_.candidates.size();
  const QString what = count == 1 ? tr("1 candidate stream") : tr("%1 candidate streams").arg(count);
  status_->setText(tr("%1 in %2. Uncheck the ones you do not want.")
                       .arg(what, current_.title.isEmpty() ? tr("the document") : current_.title));
  streams_->setCurrentItem(streams_->topLevelItem(0));
  showSelectedReport();
  updateCreateButton();
}

void OpenApiWizard::showSelectedReport() {
  auto* item = streams_->currentItem();
  QString text = current_.summary;
  if (item) {
    const int row = streams_->indexOfTopLevelItem(item);
    if (row >= 0 && row < current_.candidates.size()) {
      text = tr("Stream %1\n%2\n%3").arg(current_.candidates[row].name, current_.candidates[row].report, current_.summary);
    }
  }
  report_->setPlainText(text);
}

QStringList OpenApiWizard::checkedStreams() const {
  QStringList out;
  for (int i = 0; i < streams_->topLevelItemCount(); ++i) {
    const auto* item = streams_->topLevelItem(i);
    if (item->checkState(kName) == Qt::Checked) out << item->text(kName);
  }
  return out;
}

void OpenApiWizard::updateCreateButton() { create_->setEnabled(current_.ok() && !checkedStreams().isEmpty()); }

void OpenApiWizard::setAllChecked(bool checked) {
  {
    const QSignalBlocker blocker(streams_);
    for (int i = 0; i < streams_->topLevelItemCount(); ++i) {
      streams_->topLevelItem(i)->setCheckState(kName, checked ? Qt::Checked : Qt::Unchecked);
    }
  }
  updateCreateButton();
}

void OpenApiWizard::create() {
  QString error;
  const QString manifest = openApiManifest(current_, checkedStreams(), &error);
  if (manifest.isEmpty()) {
    status_->setText(tr("Cannot create the connector: %1").arg(error));
    return;
  }
  emit manifestCreated(manifest, current_.title);
  accept();
}

}  // namespace manifold::ui
