// The slices and pages of a test read as a tree; choosing a page shows its records, request and
// response. Failed pages are marked by an icon and text, not by colour alone.
#include "ui/testpanel/page_navigator.h"

#include "ui/common/count_text.h"
#include "ui/testpanel/json_display.h"

#include <QStyle>

namespace manifold::ui {

namespace {
constexpr int kSliceRole = Qt::UserRole + 1;
constexpr int kPageRole = Qt::UserRole + 2;

bool isEmptyDescriptor(const nlohmann::json& d) {
  return d.is_null() || (d.is_object() && d.empty());
}
}  // namespace

PageNavigator::PageNavigator(QWidget* parent) : QTreeWidget(parent) {
  setHeaderHidden(true);
  setColumnCount(1);
  setUniformRowHeights(true);
  setAccessibleName(tr("Slices and pages"));
  setSelectionMode(QAbstractItemView::SingleSelection);
  connect(this, &QTreeWidget::currentItemChanged, this, &PageNavigator::onCurrentChanged);
  clearPages();
}

void PageNavigator::clearPages() {
  const QSignalBlocker block(this);
  clear();
  all_ = new QTreeWidgetItem(this, {tr("All records")});
  all_->setData(0, kSliceRole, kAll);
  all_->setData(0, kPageRole, kAll);
  setCurrentItem(all_);
  setAccessibleDescription(positionText());
}

QTreeWidgetItem* PageNavigator::sliceItem(int slice) const {
  for (int i = 1; i < topLevelItemCount(); ++i) {
    QTreeWidgetItem* item = topLevelItem(i);
    if (item->data(0, kSliceRole).toInt() == slice) return item;
  }
  return nullptr;
}

QTreeWidgetItem* PageNavigator::pageItem(int slice, int page) const {
  if (slice == kAll) return all_;
  QTreeWidgetItem* parent = sliceItem(slice);
  if (parent == nullptr) return nullptr;
  if (page == kAll) return parent;
  for (int i = 0; i < parent->childCount(); ++i) {
    if (parent->child(i)->data(0, kPageRole).toInt() == page) return parent->child(i);
  }
  return nullptr;
}

void PageNavigator::addSlice(int slice, const nlohmann::json& descriptor) {
  QTreeWidgetItem* item = sliceItem(slice);
  if (item == nullptr) {
    item = new QTreeWidgetItem(this);
    item->setData(0, kSliceRole, slice);
    item->setData(0, kPageRole, kAll);
    item->setExpanded(true);
  }
  QString label = tr("Slice %1").arg(slice + 1);
  if (!isEmptyDescriptor(descriptor)) {
    item->setToolTip(0, prettyJson(descriptor));
    label += QStringLiteral("  ") + compactJson(descriptor, 60);
  }
  item->setText(0, label);
}

void PageNavigator::addPage(int slice, int page, const PageSummary& summary) {
  if (sliceItem(slice) == nullptr) addSlice(slice, nullptr);
  QTreeWidgetItem* parent = sliceItem(slice);
  QTreeWidgetItem* item = pageItem(slice, page);
  if (item == nullptr || item == parent) {
    item = new QTreeWidgetItem(parent);
    item->setData(0, kSliceRole, slice);
    item->setData(0, kPageRole, page);
  }
  QStringList parts{tr("Page %1").arg(page + 1)};
  parts << (summary.status > 0 ? QString::number(summary.status) : tr("no response"));
  parts << countText(summary.recordCount, tr("record"), tr("records"));
  if (summary.failed) parts << tr("failed");
  item->setText(0, parts.join(QStringLiteral(" · ")));
  if (summary.failed) {
    item->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    item->setForeground(0, dark ? QColor(0xff, 0x80, 0x80) : QColor(0xb0, 0x20, 0x20));
  }
  if (summary.timeMs >= 0) item->setToolTip(0, tr("%1 ms").arg(summary.timeMs, 0, 'f', 0));
  parent->setExpanded(true);
  setAccessibleDescription(positionText());
}

void PageNavigator::setTotalRecords(int count) {
  all_->setText(0, tr("All records (%1)").arg(count));
}

void PageNavigator::selectPage(int slice, int page) {
  QTreeWidgetItem* item = pageItem(slice, page);
  if (item == nullptr) return;
  scrollToItem(item);
  if (currentItem() == item) {
    emit pageSelected(slice, page);
    return;
  }
  setCurrentItem(item);
}

int PageNavigator::currentSlice() const {
  return currentItem() ? currentItem()->data(0, kSliceRole).toInt() : kAll;
}

int PageNavigator::currentPage() const {
  return currentItem() ? currentItem()->data(0, kPageRole).toInt() : kAll;
}

int PageNavigator::sliceCount() const { return topLevelItemCount() - 1; }

int PageNavigator::pageCount(int slice) const {
  QTreeWidgetItem* item = sliceItem(slice);
  return item ? item->childCount() : 0;
}

int PageNavigator::totalPageCount() const {
  int pages = 0;
  for (int i = 1; i < topLevelItemCount(); ++i) pages += topLevelItem(i)->childCount();
  return pages;
}

QString PageNavigator::positionText() const {
  const int slice = currentSlice();
  const int page = currentPage();
  if (slice == kAll) {
    return tr("All records; %1, %2").arg(countText(sliceCount(), tr("slice"), tr("slices")),
                                         countText(totalPageCount(), tr("page"), tr("pages")));
  }
  QString text = tr("Slice %1 of %2").arg(slice + 1).arg(sliceCount());
  if (page != kAll) text += tr(", page %1 of %2").arg(page + 1).arg(pageCount(slice));
  return text;
}

void PageNavigator::onCurrentChanged() {
  setAccessibleDescription(positionText());
  emit pageSelected(currentSlice(), currentPage());
}

}  // namespace manifold::ui
