// The Hosts dock: the hosts the open connector contacts (url_base, auth endpoints, hosts seen in
// test reads) beside the hosts its metadata.yaml declares in allowedHosts, with a warning icon
// and text on each contacted host the declaration does not allow.
#pragma once

#include "ui/bridge/hosts_bridge.h"

#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace manifold::ui {

class HostsView : public QWidget {
  Q_OBJECT

 public:
  explicit HostsView(QWidget* parent = nullptr);

  void showReport(const UiHostReport& report);
  const UiHostReport& report() const { return report_; }
  // "2 hosts contacted, 1 not declared" (also the dock's title count).
  QString summary() const;
  QTreeWidget* tree() const { return tree_; }

 signals:
  // The manifest line of the host the user chose (Enter or double-click).
  void jumpRequested(int line, int column);

 private:
  void activate(QTreeWidgetItem* item);

  QLabel* summary_ = nullptr;
  QTreeWidget* tree_ = nullptr;
  UiHostReport report_;
};

}  // namespace manifold::ui
