#include "ui/catalog/catalog_browser.h"

#include "ui/common/clear_button.h"
#include "ui/common/combo_popup_name.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "ui/catalog/catalog_model.h"

namespace manifold::ui {

namespace {

QLabel* valueLabel(const QString& accessibleName) {
  auto* label = new QLabel;
  label->setWordWrap(true);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  label->setAccessibleName(accessibleName);
  return label;
}

QString joined(const std::vector<std::string>& items) {
  QStringList out;
  for (const auto& item : items) out << QString::fromStdString(item);
  return out.join(QStringLiteral(", "));
}

constexpr int kDirRole = Qt::UserRole + 1;

}  // namespace

CatalogBrowser::CatalogBrowser(CatalogSettings settings, QWidget* parent)
    : QDialog(parent), settings_(std::move(settings)) {
  setWindowTitle(tr("Connector Catalog"));
  setAccessibleName(tr("Connector Catalog"));
  resize(900, 620);

  model_ = new CatalogModel(this);
  filter_ = new CatalogFilterModel(this);
  filter_->setSourceModel(model_);

  search_ = new QLineEdit;
  search_->setPlaceholderText(tr("Search connectors"));
  search_->setAccessibleName(tr("Search connectors"));
  enableClearButton(search_);
  auto* searchLabel = new QLabel(tr("&Search:"));
  searchLabel->setBuddy(search_);
  category_ = new QComboBox;
  category_->setAccessibleName(tr("Category"));
  nameComboPopup(category_);
  auto* categoryLabel = new QLabel(tr("C&ategory:"));
  categoryLabel->setBuddy(category_);
  catalog_ = new QComboBox;
  catalog_->setAccessibleName(tr("Catalog"));
  nameComboPopup(catalog_);
  catalog_->addItem(tr("Bundled catalog"));
  catalog_->addItem(tr("GitHub: %1@%2").arg(settings_.repository, settings_.branch));
  auto* catalogLabel = new QLabel(tr("Cata&log:"));
  catalogLabel->setBuddy(catalog_);

  list_ = new QListView;
  list_->setModel(filter_);
  list_->setAccessibleName(tr("Connectors"));
  list_->setIconSize(QSize(32, 32));
  list_->setSpacing(2);
  list_->setUniformItemSizes(true);
  list_->setEditTriggers(QAbstractItemView::NoEditTriggers);

  title_ = new QLabel;
  title_->setAccessibleName(tr("Connector"));
  QFont titleFont = title_->font();
  titleFont.setBold(true);
  titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
  title_->setFont(titleFont);
  title_->setWordWrap(true);
  description_ = valueLabel(tr("Description"));
  auth_ = valueLabel(tr("Authentication"));
  streams_ = valueLabel(tr("Streams"));
  support_ = valueLabel(tr("Support level"));
  source_ = valueLabel(tr("Source"));
  version_ = valueLabel(tr("Version"));
  fork_ = new QPushButton(tr("&Fork"));
  fork_->setAccessibleName(tr("Fork"));
  fork_->setToolTip(tr("Copy this connector into your workspace and open it"));
  fork_->setEnabled(false);

  auto* details = new QWidget;
  auto* detailsLayout = new QVBoxLayout(details);
  detailsLayout->addWidget(title_);
  detailsLayout->addWidget(description_);
  auto* form = new QFormLayout;
  form->addRow(tr("Authentication:"), auth_);
  form->addRow(tr("Streams:"), streams_);
  form->addRow(tr("Support level:"), support_);
  form->addRow(tr("Source:"), source_);
  form->addRow(tr("Version:"), version_);
  detailsLayout->addLayout(form);
  auto* forkRow = new QHBoxLayout;
  forkRow->addWidget(fork_);
  forkRow->addStretch();
  detailsLayout->addLayout(forkRow);
  detailsLayout->addStretch();

  auto* splitter = new QSplitter;
  splitter->addWidget(list_);
  splitter->addWidget(details);
  splitter->setStretchFactor(0, 1);
  splitter->setStretchFactor(1, 1);

  workspace_ = new QListWidget;
  workspace_->setAccessibleName(tr("Your connectors"));
  workspace_->setMaximumHeight(workspace_->fontMetrics().height() * 8);
  auto* workspaceLabel = new QLabel(tr("&Your connectors:"));
  workspaceLabel->setBuddy(workspace_);
  workspacePath_ = new QLabel(QDir::toNativeSeparators(settings_.workspaceDir));
  workspacePath_->setAccessibleName(tr("Workspace folder"));
  workspacePath_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  open_ = new QPushButton(tr("&Open"));
  open_->setAccessibleName(tr("Open"));
  open_->setToolTip(tr("Open the selected connector of your workspace"));
  open_->setEnabled(false);

  status_ = new QLabel;
  status_->setAccessibleName(tr("Catalog status"));
  status_->setWordWrap(true);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* top = new QHBoxLayout;
  top->addWidget(searchLabel);
  top->addWidget(search_, 2);
  top->addWidget(categoryLabel);
  top->addWidget(category_, 1);
  top->addWidget(catalogLabel);
  top->addWidget(catalog_, 1);
  auto* workspaceHeader = new QHBoxLayout;
  workspaceHeader->addWidget(workspaceLabel);
  workspaceHeader->addWidget(workspacePath_, 1);
  workspaceHeader->addWidget(open_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(splitter, 1);
  layout->addLayout(workspaceHeader);
  layout->addWidget(workspace_);
  auto* bottom = new QHBoxLayout;
  bottom->addWidget(status_, 1);
  bottom->addWidget(buttons);
  layout->addLayout(bottom);
  setTabOrder(search_, category_);
  setTabOrder(category_, catalog_);
  setTabOrder(catalog_, list_);
  setTabOrder(list_, fork_);
  setTabOrder(fork_, workspace_);
  setTabOrder(workspace_, open_);

  loadWatcher_ = new QFutureWatcher<CatalogLoad>(this);
  detailsWatcher_ = new QFutureWatcher<std::optional<catalog::CatalogEntry>>(this);
  forkWatcher_ = new QFutureWatcher<ForkOutcome>(this);

  connect(search_, &QLineEdit::textChanged, filter_, &CatalogFilterModel::setQuery);
  connect(category_, &QComboBox::currentIndexChanged, this,
          [this](int index) { filter_->setCategory(index <= 0 ? QString() : category_->itemText(index)); });
  connect(catalog_, &QComboBox::currentIndexChanged, this, &CatalogBrowser::loadCatalog);
  connect(list_->selectionModel(), &QItemSelectionModel::currentChanged, this, &CatalogBrowser::showSelected);
  connect(filter_, &QAbstractItemModel::modelReset, this, &CatalogBrowser::showSelected);
  connect(list_, &QListView::activated, this, [this] { forkSelected(); });
  connect(fork_, &QPushButton::clicked, this, [this] { forkSelected(); });
  connect(open_, &QPushButton::clicked, this, &CatalogBrowser::openSelected);
  connect(workspace_, &QListWidget::itemActivated, this, &CatalogBrowser::openSelected);
  connect(workspace_, &QListWidget::currentItemChanged, this,
          [this](QListWidgetItem* item) { open_->setEnabled(item != nullptr); });

  connect(loadWatcher_, &QFutureWatcher<CatalogLoad>::finished, this, [this] {
    if (loadWatcher_->property("generation").toInt() != generation_) return;  // a newer listing is coming
    CatalogLoad load = loadWatcher_->result();
    model_->setEntries(std::move(load.entries));
    const QString current = category_->currentText();
    category_->blockSignals(true);
    category_->clear();
    category_->addItem(tr("All categories"));
    category_->addItems(model_->categories());
    category_->setCurrentIndex(std::max(0, category_->findText(current)));
    category_->blockSignals(false);
    filter_->setCategory(category_->currentIndex() <= 0 ? QString() : category_->currentText());
    if (filter_->rowCount() > 0) list_->setCurrentIndex(filter_->index(0, 0));
    if (!load.error.isEmpty()) {
      setStatus(load.error);
    } else {
      setStatus(tr("%1 connectors (%2)").arg(model_->rowCount()).arg(catalog_->currentText()) +
                (load.warnings.isEmpty() ? QString() : QStringLiteral(" — ") + load.warnings.join(QStringLiteral("; "))));
    }
  });
  connect(detailsWatcher_, &QFutureWatcher<std::optional<catalog::CatalogEntry>>::finished, this, [this] {
    const auto detailed = detailsWatcher_->result();
    if (detailed) {
      model_->updateEntry(*detailed);
      showSelected();
    }
  });
  connect(forkWatcher_, &QFutureWatcher<ForkOutcome>::finished, this, [this] {
    const ForkOutcome outcome = forkWatcher_->result();
    fork_->setEnabled(selectedEntry() != nullptr);
    if (!outcome.error.isEmpty()) {
      setStatus(outcome.error);
      if (!outcome.suggestedName.isEmpty() && forkWatcher_->property("ask").toBool()) {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Fork"), tr("A folder with that name exists. New name:"),
                                                   QLineEdit::Normal, outcome.suggestedName, &ok);
        if (ok && !name.trimmed().isEmpty()) forkSelected(name.trimmed());
      }
      return;
    }
    setStatus(tr("Forked into %1").arg(QDir::toNativeSeparators(outcome.dir)));
    refreshWorkspace();
    for (int i = 0; i < workspace_->count(); ++i) {
      if (workspace_->item(i)->data(kDirRole).toString() == outcome.dir) workspace_->setCurrentRow(i);
    }
    emit openConnectorRequested(outcome.dir);
  });

  refreshWorkspace();
  loadCatalog(0);
}

CatalogBrowser::~CatalogBrowser() {
  stop_.request_stop();
  loadWatcher_->waitForFinished();
  detailsWatcher_->waitForFinished();
  forkWatcher_->waitForFinished();
}

bool CatalogBrowser::isBusy() const {
  return loadWatcher_->isRunning() || detailsWatcher_->isRunning() || forkWatcher_->isRunning();
}

void CatalogBrowser::setStatus(const QString& text) {
  status_->setText(text);
  status_->setAccessibleDescription(text);
}

void CatalogBrowser::loadCatalog(int index) {
  const int generation = ++generation_;
  loadWatcher_->setProperty("generation", generation);
  if (index == 0) {
    setStatus(tr("Reading the bundled catalog…"));
    loadWatcher_->setFuture(QtConcurrent::run([] { return loadBundledCatalog(); }));
  } else {
    setStatus(tr("Listing %1@%2…").arg(settings_.repository, settings_.branch));
    loadWatcher_->setFuture(QtConcurrent::run(
        [settings = settings_, stop = stop_.get_token()] { return loadRemoteCatalog(settings, stop); }));
  }
}

const catalog::CatalogEntry* CatalogBrowser::selectedEntry() const {
  const QModelIndex current = list_->currentIndex();
  return current.isValid() ? model_->entry(filter_->mapToSource(current).row()) : nullptr;
}

bool CatalogBrowser::selectEntry(const QString& name) {
  for (int row = 0; row < filter_->rowCount(); ++row) {
    const QModelIndex index = filter_->index(row, 0);
    if (index.data(CatalogModel::NameRole).toString() == name) {
      list_->setCurrentIndex(index);
      return true;
    }
  }
  return false;
}

void CatalogBrowser::showSelected() {
  const catalog::CatalogEntry* entry = selectedEntry();
  fork_->setEnabled(entry != nullptr && !forkWatcher_->isRunning());
  if (entry == nullptr) {
    for (QLabel* label : {title_, description_, auth_, streams_, support_, source_, version_}) label->clear();
    return;
  }
  const auto q = [](const std::string& text) { return QString::fromStdString(text); };
  title_->setText(q(entry->title));
  description_->setText(q(entry->description));
  auth_->setText(authTypeLabel(entry->authType));
  streams_->setText(entry->detailed || entry->source.kind == catalog::CatalogKind::Bundled ? joined(entry->streams)
                                                                                            : tr("reading…"));
  support_->setText(q(entry->supportLevel));
  source_->setText(q(entry->source.label()));
  version_->setText(q(entry->version));
  if (!entry->detailed && entry->source.kind == catalog::CatalogKind::GitHub && !detailsWatcher_->isRunning()) {
    detailsWatcher_->setFuture(QtConcurrent::run([settings = settings_, e = *entry, stop = stop_.get_token()] {
      return loadDetails(settings, e, stop);
    }));
  }
}

void CatalogBrowser::forkSelected(const QString& name, bool ask) {
  const catalog::CatalogEntry* entry = selectedEntry();
  if (entry == nullptr || forkWatcher_->isRunning()) return;
  fork_->setEnabled(false);
  setStatus(tr("Forking %1…").arg(QString::fromStdString(entry->name)));
  forkWatcher_->setProperty("ask", ask);
  forkWatcher_->setFuture(QtConcurrent::run([settings = settings_, e = *entry, name, stop = stop_.get_token()] {
    return forkCatalogEntry(settings, e, name, stop);
  }));
}

void CatalogBrowser::openSelected() {
  QListWidgetItem* item = workspace_->currentItem();
  if (item != nullptr) emit openConnectorRequested(item->data(kDirRole).toString());
}

void CatalogBrowser::refreshWorkspace() {
  workspace_->clear();
  for (const auto& project : listWorkspaceConnectors(settings_.workspaceDir)) {
    QString text = QString::fromStdString(project.title);
    if (project.origin) {
      const auto& o = *project.origin;
      text += QStringLiteral("  (") +
              (o.catalog == "bundled" ? tr("from the bundled catalog")
                                      : tr("from %1").arg(QString::fromStdString(o.repository))) +
              QLatin1Char(')');
    }
    auto* item = new QListWidgetItem(text, workspace_);
    item->setData(kDirRole, QString::fromStdString(project.dir.string()));
    item->setToolTip(QDir::toNativeSeparators(QString::fromStdString(project.dir.string())));
  }
  if (workspace_->count() > 0) workspace_->setCurrentRow(0);
  open_->setEnabled(workspace_->currentItem() != nullptr);
}

}  // namespace manifold::ui
