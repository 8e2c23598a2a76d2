// Compare with Upstream and Update from Upstream for a forked connector: the diff of the user's
// files against the version forked (or upstream now), and a three-way merge of upstream's changes
// that shows the conflicts and changes nothing when there are any.
#pragma once

#include "ui/bridge/upstream_bridge.h"

#include <QDialog>
#include <QFutureWatcher>

#include <stop_token>

class QComboBox;
class QLabel;
class QPushButton;

namespace manifold::ui {

class CodeEditor;

class UpstreamDialog : public QDialog {
  Q_OBJECT

 public:
  UpstreamDialog(CatalogSettings settings, QString connectorDir, QWidget* parent = nullptr);
  ~UpstreamDialog() override;  // stops and waits for the worker

  QComboBox* againstBox() const { return against_; }
  CodeEditor* diffView() const { return diff_; }
  QLabel* statusLabel() const { return status_; }
  QPushButton* updateButton() const { return update_; }
  bool isBusy() const;

 public slots:
  void compare();  // with what againstBox() says
  void update();   // merges upstream's changes into the connector's files

 signals:
  // The connector's files on disk were replaced by the merge (the editor reloads them).
  void connectorUpdated(const QString& dir);

 private:
  void showComparison(const UpstreamDiff& result);
  void showUpdate(const UpstreamUpdate& result);
  void setBusy(bool busy);
  QString prefixed(const QString& text) const;

  CatalogSettings settings_;
  QString dir_;
  QComboBox* against_ = nullptr;
  QLabel* status_ = nullptr;
  CodeEditor* diff_ = nullptr;
  QPushButton* update_ = nullptr;
  QFutureWatcher<UpstreamDiff>* compareWatcher_ = nullptr;
  QFutureWatcher<UpstreamUpdate>* updateWatcher_ = nullptr;
  std::stop_source stop_;
  int generation_ = 0;  // of the comparison asked for last; older results are dropped
  QString note_;
  bool comparing_ = false;  // from compare() until its result is handled
  bool updating_ = false;        // the outcome of an update, shown before the comparison that follows it
};

}  // namespace manifold::ui
