// The Records tab: the records as a table (or as raw JSON), with copy as JSON and as CSV.
#include "ui/testpanel/records_view.h"

#include "ui/common/count_text.h"
#include "ui/testpanel/body_view.h"
#include "ui/testpanel/json_display.h"
#include "ui/testpanel/records_model.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace manifold::ui {

namespace {
constexpr int kSampleRows = 50;
constexpr int kMinColumnWidth = 60;
constexpr int kMaxColumnWidth = 320;
}  // namespace

RecordsView::RecordsView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);

  auto* bar = new QHBoxLayout;
  bar->setContentsMargins(4, 2, 4, 0);
  count_ = new QLabel(this);
  count_->setAccessibleDescription(tr("Record count"));
  rawToggle_ = new QToolButton(this);
  rawToggle_->setText(tr("Raw JSON"));
  rawToggle_->setAccessibleName(tr("Raw JSON"));
  rawToggle_->setToolTip(tr("Show the records as JSON instead of a table"));
  rawToggle_->setCheckable(true);
  auto* copyJson = new QToolButton(this);
  auto* copyCsv = new QToolButton(this);
  bar->addWidget(count_, 1);
  bar->addWidget(rawToggle_);
  bar->addWidget(copyJson);
  bar->addWidget(copyCsv);
  layout->addLayout(bar);

  model_ = new RecordsModel(this);
  stack_ = new QStackedWidget(this);
  table_ = new QTableView(stack_);
  table_->setAccessibleName(tr("Records table"));
  table_->setModel(model_);
  table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  table_->setAlternatingRowColors(true);
  table_->setWordWrap(false);
  table_->setTextElideMode(Qt::ElideRight);
  table_->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
  // Fixed row heights and no content-based sizing: 100,000 rows cost no more than 100.
  table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  table_->horizontalHeader()->setHighlightSections(false);
  raw_ = new BodyView(tr("Records JSON"), stack_);
  stack_->addWidget(table_);
  stack_->addWidget(raw_);
  layout->addWidget(stack_, 1);

  auto* copyJsonAction = new QAction(tr("Copy as &JSON"), this);
  copyJsonAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
  copyJsonAction->setShortcutContext(Qt::WidgetShortcut);
  auto* copyCsvAction = new QAction(tr("Copy as &CSV"), this);
  copyCsvAction->setShortcut(QKeySequence::Copy);
  copyCsvAction->setShortcutContext(Qt::WidgetShortcut);
  connect(copyJsonAction, &QAction::triggered, this, &RecordsView::copyAsJson);
  connect(copyCsvAction, &QAction::triggered, this, &RecordsView::copyAsCsv);
  table_->addAction(copyCsvAction);
  table_->addAction(copyJsonAction);
  table_->setContextMenuPolicy(Qt::ActionsContextMenu);
  copyJson->setText(tr("Copy as JSON"));
  copyJson->setAccessibleName(tr("Copy as JSON"));
  copyJson->setToolTip(tr("Copy the selected records (or all of them) as JSON (Ctrl+Shift+C)"));
  copyCsv->setText(tr("Copy as CSV"));
  copyCsv->setAccessibleName(tr("Copy as CSV"));
  copyCsv->setToolTip(tr("Copy the selected records (or all of them) as CSV (Ctrl+C)"));
  connect(copyJson, &QToolButton::clicked, this, &RecordsView::copyAsJson);
  connect(copyCsv, &QToolButton::clicked, this, &RecordsView::copyAsCsv);
  connect(rawToggle_, &QToolButton::toggled, this, &RecordsView::setRawJson);
  updateCount();
}

void RecordsView::clear() {
  model_->clear();
  rawStale_ = true;
  if (showsRawJson()) refreshRaw();
  updateCount();
}

void RecordsView::appendRecords(std::vector<nlohmann::json> records) {
  if (records.empty()) return;
  const int columnsBefore = model_->columnCount();
  model_->appendRecords(std::move(records));
  if (model_->columnCount() > columnsBefore) fitColumns(columnsBefore);
  rawStale_ = true;
  if (showsRawJson()) refreshRaw();
  updateCount();
}

void RecordsView::setRecords(std::vector<nlohmann::json> records) {
  model_->clear();
  appendRecords(std::move(records));
  if (model_->rowCount() == 0) clear();
}

bool RecordsView::showsRawJson() const { return stack_->currentWidget() == raw_; }

void RecordsView::setRawJson(bool raw) {
  if (rawToggle_->isChecked() != raw) rawToggle_->setChecked(raw);  // re-enters with the same value
  stack_->setCurrentWidget(raw ? static_cast<QWidget*>(raw_) : table_);
  if (raw && rawStale_) refreshRaw();
}

void RecordsView::refreshRaw() {
  const nlohmann::json all(model_->records());
  raw_->setBody(all.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  rawStale_ = false;
}

QModelIndexList RecordsView::selectionOrAll() const {
  QModelIndexList selected = table_->selectionModel()->selectedIndexes();
  if (!selected.isEmpty()) return selected;
  // Nothing selected: every row; the first and last column span them all.
  QModelIndexList all;
  if (model_->rowCount() == 0 || model_->columnCount() == 0) return all;
  for (int row = 0; row < model_->rowCount(); ++row) all << model_->index(row, 0);
  for (int column = 1; column < model_->columnCount(); ++column) all << model_->index(0, column);
  return all;
}

void RecordsView::copyAsJson() { QApplication::clipboard()->setText(model_->selectionAsJson(selectionOrAll())); }

void RecordsView::copyAsCsv() { QApplication::clipboard()->setText(model_->selectionAsCsv(selectionOrAll())); }

void RecordsView::fitColumns(int firstNewColumn) {
  const QFontMetrics metrics = table_->fontMetrics();
  const int rows = qMin(model_->rowCount(), kSampleRows);
  for (int column = firstNewColumn; column < model_->columnCount(); ++column) {
    int width = metrics.horizontalAdvance(model_->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
    for (int row = 0; row < rows; ++row) {
      width = qMax(width, metrics.horizontalAdvance(model_->index(row, column).data().toString()));
    }
    table_->setColumnWidth(column, qBound(kMinColumnWidth, width + 24, kMaxColumnWidth));
  }
}

void RecordsView::updateCount() {
  count_->setText(countText(model_->rowCount(), tr("record"), tr("records")) + QStringLiteral(", ") +
                  countText(model_->columnCount(), tr("column"), tr("columns")));
}

}  // namespace manifold::ui
