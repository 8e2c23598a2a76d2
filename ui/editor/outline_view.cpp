// The connector outline: the streams of the manifest with their shape at a glance.
#include "ui/editor/outline_view.h"

#include <QHeaderView>

namespace manifold::ui {

namespace {
constexpr int kLineRole = Qt::UserRole + 1;
constexpr int kNameRole = Qt::UserRole + 2;
constexpr int kEndLineRole = Qt::UserRole + 3;
}

OutlineView::OutlineView(QWidget* parent) : QTreeWidget(parent) {
  setHeaderHidden(true);
  setColumnCount(1);
  setRootIsDecorated(false);
  setAccessibleName(tr("Outline"));
  connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
    emit jumpRequested(item->data(0, kLineRole).toInt(), 1);
  });
  connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
    emit jumpRequested(item->data(0, kLineRole).toInt(), 1);
  });
}

void OutlineView::showStreams(const QList<UiStreamSummary>& streams) {
  const QString selected = currentItem() ? currentItem()->data(0, kNameRole).toString() : QString();
  clear();
  for (const UiStreamSummary& s : streams) {
    auto* item = new QTreeWidgetItem(this);
    item->setText(0, s.name.isEmpty() ? tr("(unnamed stream)") : s.name);
    QStringList traits;
    if (!s.paginator.isEmpty() && s.paginator != QStringLiteral("NoPagination")) traits << s.paginator;
    if (!s.authenticator.isEmpty()) traits << s.authenticator;
    if (s.incremental) traits << tr("incremental");
    item->setToolTip(0, traits.isEmpty() ? tr("Full refresh, one page") : traits.join(QStringLiteral(" · ")));
    if (!traits.isEmpty()) item->setText(0, item->text(0) + QStringLiteral("  ·  ") + traits.join(QStringLiteral(" · ")));
    item->setData(0, kLineRole, s.line);
    item->setData(0, kNameRole, s.name);
    item->setData(0, kEndLineRole, s.endLine);
    item->setData(0, Qt::AccessibleTextRole, item->text(0));
    if (!selected.isEmpty() && s.name == selected) setCurrentItem(item);
  }
}

QStringList OutlineView::streamNames() const {
  QStringList names;
  for (int i = 0; i < topLevelItemCount(); ++i) {
    names << topLevelItem(i)->data(0, kNameRole).toString();
  }
  return names;
}

QString OutlineView::streamAt(int line) const {
  for (int i = 0; i < topLevelItemCount(); ++i) {
    const QTreeWidgetItem* item = topLevelItem(i);
    const int first = item->data(0, kLineRole).toInt();
    const int last = item->data(0, kEndLineRole).toInt();
    if (first > 0 && line >= first && (last == 0 || line <= last)) return item->data(0, kNameRole).toString();
  }
  return {};
}

}  // namespace manifold::ui
