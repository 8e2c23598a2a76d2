// The Problems list: every diagnostic of the manifest, double-click to jump to it.
#pragma once

#include "ui/bridge/manifest_check.h"

#include <QAbstractTableModel>
#include <QTreeView>

namespace manifold::ui {

class DiagnosticsModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { SeverityColumn, LineColumn, MessageColumn, PathColumn, ColumnCount };

  using QAbstractTableModel::QAbstractTableModel;

  void setDiagnostics(QList<UiDiagnostic> diagnostics);
  const UiDiagnostic& diagnostic(int row) const { return diagnostics_.at(row); }
  // The row of the next (or previous) problem after the 1-based caret position, wrapping
  // around the file; -1 when there is none.
  int rowAfter(int line, int column, bool forward) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 private:
  QList<UiDiagnostic> diagnostics_;
};

class ProblemsView : public QTreeView {
  Q_OBJECT

 public:
  explicit ProblemsView(QWidget* parent = nullptr);
  DiagnosticsModel* diagnosticsModel() const { return model_; }

 public slots:
  // Selects the next (or previous) problem after the caret and asks to jump to it (F8, Shift+F8).
  // Returns false when there is no problem.
  bool goToAdjacent(int caretLine, int caretColumn, bool forward);

 signals:
  // 1-based line and column of the problem the user chose.
  void jumpRequested(int line, int column);

 private:
  DiagnosticsModel* model_;
};

}  // namespace manifold::ui
