// The connector outline: the streams of the manifest with their shape at a glance.
#pragma once

#include "ui/bridge/manifest_check.h"

#include <QTreeWidget>

namespace manifold::ui {

class OutlineView : public QTreeWidget {
  Q_OBJECT

 public:
  explicit OutlineView(QWidget* parent = nullptr);

  // Rebuilds the tree from a check; keeps the selected stream selected when it still exists.
  void showStreams(const QList<UiStreamSummary>& streams);
  QStringList streamNames() const;
  // The stream whose entry in `streams` holds this 1-based line; empty when none does.
  QString streamAt(int line) const;

 signals:
  void jumpRequested(int line, int column);
};

}  // namespace manifold::ui
