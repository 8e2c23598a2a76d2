// The log messages of a test read (level and message) with the details of the selected one.
#include "ui/testpanel/logs_view.h"

#include "ui/testpanel/json_display.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStyle>
#include <QTreeWidget>

namespace manifold::ui {

namespace {

constexpr int kEntryRole = Qt::UserRole + 1;

QString field(const nlohmann::json& entry, const char* key) {
  auto it = entry.find(key);
  if (it == entry.end() || it->is_null()) return {};
  return it->is_string() ? fromUtf8(it->get_ref<const std::string&>()) : prettyJson(*it);
}

bool isError(const QString& level) {
  return level.compare(QStringLiteral("ERROR"), Qt::CaseInsensitive) == 0 ||
         level.compare(QStringLiteral("FATAL"), Qt::CaseInsensitive) == 0;
}

}  // namespace

LogsView::LogsView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* split = new QSplitter(Qt::Horizontal, this);
  list_ = new QTreeWidget(split);
  list_->setAccessibleName(tr("Log messages"));
  list_->setColumnCount(2);
  list_->setHeaderLabels({tr("Level"), tr("Message")});
  list_->setRootIsDecorated(false);
  list_->setUniformRowHeights(true);
  list_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  details_ = new QPlainTextEdit(split);
  details_->setReadOnly(true);
  details_->setAccessibleName(tr("Log details"));
  details_->setPlaceholderText(tr("Select a message to see its details."));
  split->addWidget(list_);
  split->addWidget(details_);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  layout->addWidget(split);
  connect(list_, &QTreeWidget::currentItemChanged, this, &LogsView::showDetails);
}

void LogsView::clear() {
  list_->clear();
  entries_.clear();
  details_->clear();
}

void LogsView::addEntry(const nlohmann::json& entry) {
  const QString level = field(entry, "level").toUpper();
  const QString message = field(entry, "message");
  auto* item = new QTreeWidgetItem(list_, {level.isEmpty() ? tr("INFO") : level,
                                           message.section(QLatin1Char('\n'), 0, 0)});
  item->setData(0, kEntryRole, static_cast<int>(entries_.size()));
  item->setToolTip(1, message.left(2000));
  if (isError(level)) {
    item->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxCritical));
  } else if (level == QStringLiteral("WARN") || level == QStringLiteral("WARNING")) {
    item->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
  }
  entries_.push_back(entry);
}

int LogsView::entryCount() const { return static_cast<int>(entries_.size()); }

int LogsView::errorCount() const {
  int errors = 0;
  for (const auto& e : entries_) errors += isError(field(e, "level")) ? 1 : 0;
  return errors;
}

void LogsView::selectLastError() {
  for (int i = list_->topLevelItemCount() - 1; i >= 0; --i) {
    if (isError(list_->topLevelItem(i)->text(0))) {
      list_->setCurrentItem(list_->topLevelItem(i));
      return;
    }
  }
}

QString LogsView::detailsText() const { return details_->toPlainText(); }

void LogsView::showDetails() {
  QTreeWidgetItem* item = list_->currentItem();
  if (item == nullptr) {
    details_->clear();
    return;
  }
  const nlohmann::json& entry = entries_.at(static_cast<std::size_t>(item->data(0, kEntryRole).toInt()));
  QStringList parts{field(entry, "message")};
  if (const QString internal = field(entry, "internal_message"); !internal.isEmpty()) {
    parts << tr("Internal message:") + QLatin1Char('\n') + internal;
  }
  if (const QString trace = field(entry, "stacktrace"); !trace.isEmpty()) {
    parts << tr("Details:") + QLatin1Char('\n') + trace;
  }
  // Any other fields the engine attached (stream, slice, request ids, ...).
  nlohmann::json rest = entry;
  for (const char* known : {"level", "message", "internal_message", "stacktrace"}) rest.erase(known);
  if (rest.is_object() && !rest.empty()) parts << prettyJson(rest);
  details_->setPlainText(parts.join(QStringLiteral("\n\n")));
}

}  // namespace manifold::ui
