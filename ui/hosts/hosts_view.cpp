// The Hosts dock: contacted hosts against metadata.yaml's allowedHosts.
#include "ui/hosts/hosts_view.h"

#include "ui/common/count_text.h"

#include <QApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <functional>

namespace manifold::ui {

namespace {

constexpr int kLineRole = Qt::UserRole + 1;

class HostsTree : public QTreeWidget {
 public:
  using QTreeWidget::QTreeWidget;
  std::function<void(QTreeWidgetItem*)> onActivate;

 protected:
  void keyPressEvent(QKeyEvent* event) override {
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentItem() != nullptr && onActivate) {
      onActivate(currentItem());
      return;
    }
    QTreeWidget::keyPressEvent(event);
  }
};

QString statusText(const UiContactedHost& host) {
  switch (host.status) {
    case UiContactedHost::Status::Declared: return QObject::tr("Declared (%1)").arg(host.matchedBy);
    case UiContactedHost::Status::Undeclared: return QObject::tr("Not declared");
    case UiContactedHost::Status::NoDeclaration: return QObject::tr("No allowedHosts");
    case UiContactedHost::Status::Unknown: return QObject::tr("Cannot check yet");
  }
  return {};
}

QStyle::StandardPixmap iconFor(UiContactedHost::Status status) {
  switch (status) {
    case UiContactedHost::Status::Declared: return QStyle::SP_DialogApplyButton;
    case UiContactedHost::Status::Undeclared: return QStyle::SP_MessageBoxWarning;
    default: return QStyle::SP_MessageBoxInformation;
  }
}

}  // namespace

HostsView::HostsView(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("hostsView"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  summary_ = new QLabel(this);
  summary_->setObjectName(QStringLiteral("hostsSummary"));
  summary_->setWordWrap(true);
  // No accessible name: the summary is read by its text.
  auto* tree = new HostsTree(this);
  tree->onActivate = [this](QTreeWidgetItem* item) { activate(item); };
  tree_ = tree;
  tree_->setObjectName(QStringLiteral("hostsList"));
  tree_->setAccessibleName(tr("Hosts list"));
  tree_->setAccessibleDescription(tr("Hosts the connector contacts and the hosts metadata.yaml declares"));
  tree_->setColumnCount(3);
  tree_->setHeaderLabels({tr("Host"), tr("Found in"), tr("allowedHosts")});
  tree_->setRootIsDecorated(true);
  tree_->setUniformRowHeights(true);
  tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  tree_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  tree_->header()->setStretchLastSection(true);
  connect(tree_, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) { activate(item); });
  layout->addWidget(summary_);
  layout->addWidget(tree_, 1);
  showReport({});
}

void HostsView::activate(QTreeWidgetItem* item) {
  const int line = item->data(0, kLineRole).toInt();
  if (line > 0) emit jumpRequested(line, 1);
}

QString HostsView::summary() const {
  const int contacted = static_cast<int>(report_.contacted.size());
  if (contacted == 0) return tr("The manifest names no host yet.");
  QString text = countText(contacted, tr("host contacted"), tr("hosts contacted"));
  if (!report_.declares) return text + tr("; metadata.yaml declares no allowedHosts");
  const int undeclared = static_cast<int>(report_.warnings.size());
  return text + QStringLiteral(", ") + tr("%1 not declared").arg(undeclared);
}

void HostsView::showReport(const UiHostReport& report) {
  report_ = report;
  tree_->clear();
  QStyle* style = QApplication::style();

  QStringList lines{summary()};
  if (!report.metadataError.isEmpty()) lines << tr("metadata.yaml: %1").arg(report.metadataError);
  for (const QString& warning : report.warnings) lines << QStringLiteral("⚠ ") + warning;
  summary_->setText(lines.join(QLatin1Char('\n')));

  auto* contacted = new QTreeWidgetItem(tree_, {tr("Contacted (%1)").arg(report.contacted.size())});
  for (const UiContactedHost& host : report.contacted) {
    auto* item = new QTreeWidgetItem(contacted, {host.host, host.sources.join(QStringLiteral(", ")), statusText(host)});
    item->setIcon(0, style->standardIcon(iconFor(host.status)));
    item->setData(0, kLineRole, host.line);
    const QString where = host.line > 0 ? tr(" at line %1").arg(host.line) : QString();
    item->setToolTip(0, (host.url.isEmpty() ? QString() : host.url + where + QStringLiteral("\n")) + host.note);
    item->setToolTip(2, host.note);
    item->setData(0, Qt::AccessibleTextRole,
                  tr("%1, from %2: %3").arg(host.host, host.sources.join(QStringLiteral(", ")), statusText(host)));
  }
  auto* declared = new QTreeWidgetItem(
      tree_, {report.declares ? tr("Declared in metadata.yaml (%1)").arg(report.declared.size())
                              : report.hasMetadata ? tr("Declared in metadata.yaml: none")
                                                   : tr("Declared: no metadata.yaml beside the manifest")});
  for (const UiDeclaredHost& host : report.declared) {
    QString state = host.seen ? tr("Seen in test reads") : host.contacted ? tr("Contacted") : tr("Not contacted");
    if (!host.problem.isEmpty()) state = tr("Needs testing values");
    const QString shown = host.resolved.isEmpty() || host.resolved == host.pattern.toLower()
                              ? host.pattern
                              : tr("%1 → %2").arg(host.pattern, host.resolved);
    auto* item = new QTreeWidgetItem(declared, {shown, tr("metadata.yaml"), state});
    item->setIcon(0, style->standardIcon(QStyle::SP_MessageBoxInformation));
    item->setToolTip(2, host.problem.isEmpty() ? state : host.problem);
    item->setData(0, Qt::AccessibleTextRole, tr("Declared %1: %2").arg(shown, state));
  }
  if (!report.notes.isEmpty()) {
    auto* notes = new QTreeWidgetItem(tree_, {tr("Notes (%1)").arg(report.notes.size())});
    for (const QString& note : report.notes) {
      auto* item = new QTreeWidgetItem(notes, {note});
      item->setFirstColumnSpanned(true);
      item->setToolTip(0, note);
    }
  }
  tree_->expandAll();
}

}  // namespace manifold::ui
