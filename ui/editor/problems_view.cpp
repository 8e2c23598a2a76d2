// The Problems list: every diagnostic of the manifest, double-click to jump to it.
#include "ui/editor/problems_view.h"

#include <QApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QStyle>

namespace manifold::ui {

void DiagnosticsModel::setDiagnostics(QList<UiDiagnostic> diagnostics) {
  beginResetModel();
  diagnostics_ = std::move(diagnostics);
  endResetModel();
}

int DiagnosticsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(diagnostics_.size());
}

int DiagnosticsModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiagnosticsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= diagnostics_.size()) return {};
  const UiDiagnostic& d = diagnostics_.at(index.row());
  switch (role) {
    case Qt::DisplayRole:
      switch (index.column()) {
        case SeverityColumn: return d.isError() ? tr("Error") : tr("Warning");
        case LineColumn: return d.line > 0 ? QVariant(d.line) : QVariant(QStringLiteral("—"));
        case MessageColumn: return d.message;
        case PathColumn: return d.path;
        default: return {};
      }
    case Qt::DecorationRole:
      if (index.column() != SeverityColumn) return {};
      return QApplication::style()->standardIcon(d.isError() ? QStyle::SP_MessageBoxCritical
                                                             : QStyle::SP_MessageBoxWarning);
    case Qt::ToolTipRole:
      return d.suggestion.isEmpty() ? d.message : tr("%1\nSuggestion: %2").arg(d.message, d.suggestion);
    case Qt::AccessibleTextRole:
      return tr("%1 at line %2: %3").arg(d.isError() ? tr("Error") : tr("Warning")).arg(d.line).arg(d.message);
    default:
      return {};
  }
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case SeverityColumn: return tr("Severity");
    case LineColumn: return tr("Line");
    case MessageColumn: return tr("Message");
    case PathColumn: return tr("Location");
    default: return {};
  }
}

int DiagnosticsModel::rowAfter(int line, int column, bool forward) const {
  const auto before = [](const UiDiagnostic& a, int l, int c) { return a.line < l || (a.line == l && a.column < c); };
  const auto after = [](const UiDiagnostic& a, int l, int c) { return a.line > l || (a.line == l && a.column > c); };
  int best = -1;
  int wrap = -1;  // the first (or last) problem of the file, where the search wraps to
  for (int row = 0; row < diagnostics_.size(); ++row) {
    const UiDiagnostic& d = diagnostics_.at(row);
    if (wrap < 0 || (forward ? before(d, diagnostics_.at(wrap).line, diagnostics_.at(wrap).column)
                             : after(d, diagnostics_.at(wrap).line, diagnostics_.at(wrap).column))) {
      wrap = row;
    }
    const bool candidate = forward ? after(d, line, column) : before(d, line, column);
    if (!candidate) continue;
    const UiDiagnostic* current = best < 0 ? nullptr : &diagnostics_.at(best);
    if (current == nullptr || (forward ? before(d, current->line, current->column) : after(d, current->line, current->column))) {
      best = row;
    }
  }
  return best >= 0 ? best : wrap;
}

bool ProblemsView::goToAdjacent(int caretLine, int caretColumn, bool forward) {
  const int row = model_->rowAfter(caretLine, caretColumn, forward);
  if (row < 0) return false;
  setCurrentIndex(model_->index(row, DiagnosticsModel::MessageColumn));
  const UiDiagnostic& d = model_->diagnostic(row);
  emit jumpRequested(d.line, d.column);
  return true;
}

ProblemsView::ProblemsView(QWidget* parent) : QTreeView(parent), model_(new DiagnosticsModel(this)) {
  setModel(model_);
  setRootIsDecorated(false);
  setUniformRowHeights(true);
  setAlternatingRowColors(true);
  setSelectionBehavior(QAbstractItemView::SelectRows);
  setAccessibleName(tr("Problems"));
  header()->setStretchLastSection(false);
  header()->setSectionResizeMode(DiagnosticsModel::MessageColumn, QHeaderView::Stretch);
  header()->setSectionResizeMode(DiagnosticsModel::SeverityColumn, QHeaderView::ResizeToContents);
  header()->setSectionResizeMode(DiagnosticsModel::LineColumn, QHeaderView::ResizeToContents);
  connect(this, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
    const UiDiagnostic& d = model_->diagnostic(index.row());
    emit jumpRequested(d.line, d.column);
  });
}

}  // namespace manifold::ui
