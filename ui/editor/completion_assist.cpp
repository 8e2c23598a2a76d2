// Completion (Ctrl+Space, after "type: " and inside {{ … }}) and hover documentation for the manifest editor.
#include "ui/editor/completion_assist.h"

#include "ui/editor/code_editor.h"

#include <QKeyEvent>
#include <QListWidget>
#include <QScreen>
#include <QToolTip>

namespace manifold::ui {

namespace {
constexpr int kDwellMs = 600;
constexpr int kMaxVisibleRows = 12;

// True when `before` (a line up to the caret) ends inside an open {{ … }} or {% … %}.
bool insideTemplate(const QByteArray& before) {
  const qsizetype open = qMax(before.lastIndexOf("{{"), before.lastIndexOf("{%"));
  return open >= 0 && qMax(before.lastIndexOf("}}"), before.lastIndexOf("%}")) < open;
}

// Characters that, typed inside a template, start something worth a list: a name after "{{ ",
// a filter after "|", a config key after "['", an attribute after ".".
bool opensTemplateList(int ch, const QByteArray& before) {
  if (ch == '|' || ch == '.' || ch == '\'' || ch == '"') return true;
  if (ch != ' ') return false;
  const QByteArray trimmed = before.trimmed();
  return trimmed.endsWith("{{") || trimmed.endsWith("{%") || trimmed.endsWith('|');
}

}  // namespace

CompletionAssist::CompletionAssist(CodeEditor* editor) : QObject(editor), editor_(editor) {
  popup_ = new QListWidget(editor_);
  popup_->setWindowFlags(Qt::ToolTip | Qt::FramelessWindowHint);  // never takes the keyboard
  popup_->setAttribute(Qt::WA_ShowWithoutActivating);
  popup_->setFocusPolicy(Qt::NoFocus);
  popup_->setAccessibleName(tr("Completions"));
  popup_->setUniformItemSizes(true);
  popup_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  popup_->setTextElideMode(Qt::ElideRight);
  popup_->hide();
  connect(popup_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) { accept(popup_->row(item)); });

  editor_->installEventFilter(this);
  connect(editor_, &QsciScintilla::SCN_CHARADDED, this, &CompletionAssist::onCharAdded);
  editor_->SendScintilla(QsciScintilla::SCI_SETMOUSEDWELLTIME, kDwellMs);
  connect(editor_, &QsciScintilla::SCN_DWELLSTART, this, &CompletionAssist::showHover);
  connect(editor_, &QsciScintilla::SCN_DWELLEND, this, [] { QToolTip::hideText(); });
}

bool CompletionAssist::isShowing() const { return popup_->isVisible(); }

void CompletionAssist::setConnectionSpecification(const nlohmann::ordered_json& specification) {
  specification_ = specification;
}

void CompletionAssist::showCompletions() {
  int line = 0;
  int index = 0;
  editor_->getCursorPosition(&line, &index);
  current_ = completionsAt(editor_->text(), line, index, specification_);
  popup_->clear();
  if (current_.items.isEmpty()) {
    popup_->hide();
    return;
  }
  for (const UiCompletion& c : current_.items) {
    auto* item = new QListWidgetItem(c.detail.isEmpty() ? c.text : c.text + QStringLiteral("  —  ") + c.detail, popup_);
    item->setToolTip(c.detail);
    item->setData(Qt::AccessibleTextRole, c.text);
  }
  popup_->setCurrentRow(0);
  place();
  popup_->show();
}

void CompletionAssist::place() {
  int line = 0;
  int index = 0;
  editor_->getCursorPosition(&line, &index);
  const long pos = editor_->positionFromLineIndex(line, index);
  const int x = static_cast<int>(editor_->SendScintilla(QsciScintilla::SCI_POINTXFROMPOSITION, 0UL, pos));
  const int y = static_cast<int>(editor_->SendScintilla(QsciScintilla::SCI_POINTYFROMPOSITION, 0UL, pos));
  const int lineHeight = static_cast<int>(editor_->SendScintilla(QsciScintilla::SCI_TEXTHEIGHT, line));
  const QPoint global = editor_->viewport()->mapToGlobal(QPoint(x, y + lineHeight));
  const int rows = qMin(popup_->count(), kMaxVisibleRows);
  const int rowHeight = qMax(popup_->sizeHintForRow(0), popup_->fontMetrics().height() + 4);
  popup_->resize(qMin(720, qMax(260, popup_->sizeHintForColumn(0) + 24)),
                 rows * rowHeight + 2 * popup_->frameWidth() + 2);
  popup_->move(global);
}

void CompletionAssist::accept(int row) {
  if (row < 0) row = popup_->currentRow();
  popup_->hide();
  if (row < 0 || row >= current_.items.size()) return;
  const UiCompletion& chosen = current_.items.at(row);
  int line = 0;
  int index = 0;
  editor_->getCursorPosition(&line, &index);
  const int from = qMax(0, index - current_.prefixBytes);
  const QString insert = chosen.text + chosen.suffix;
  editor_->beginUndoAction();
  editor_->setSelection(line, from, line, index);
  editor_->replaceSelectedText(insert);
  editor_->endUndoAction();
}

void CompletionAssist::onCharAdded(int ch) {
  if (popup_->isVisible()) {
    showCompletions();  // refilter with the longer prefix
    return;
  }
  int line = 0;
  int index = 0;
  editor_->getCursorPosition(&line, &index);
  const QByteArray before = editor_->text(line).toUtf8().left(index);
  if (insideTemplate(before)) {
    if (opensTemplateList(ch, before)) showCompletions();
    return;
  }
  const QByteArray trimmed = before.trimmed();
  if (ch == ' ' && (trimmed == "type:" || trimmed == "- type:")) showCompletions();
}

bool CompletionAssist::eventFilter(QObject* watched, QEvent* event) {
  if (watched != editor_ || event->type() != QEvent::KeyPress) return QObject::eventFilter(watched, event);
  auto* key = static_cast<QKeyEvent*>(event);
  if (key->key() == Qt::Key_Space && key->modifiers() == Qt::ControlModifier) {
    showCompletions();
    return true;
  }
  if (!popup_->isVisible()) return false;
  switch (key->key()) {
    case Qt::Key_Up:
      popup_->setCurrentRow(qMax(0, popup_->currentRow() - 1));
      return true;
    case Qt::Key_Down:
      popup_->setCurrentRow(qMin(popup_->count() - 1, popup_->currentRow() + 1));
      return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Tab:
      accept();
      return true;
    case Qt::Key_Escape:
      popup_->hide();
      return true;
    case Qt::Key_Backspace:
      QMetaObject::invokeMethod(this, [this] { showCompletions(); }, Qt::QueuedConnection);
      return false;
    default:
      return false;
  }
}

void CompletionAssist::showHover(int position, int x, int y) {
  if (position < 0) return;
  int line = 0;
  int index = 0;
  editor_->lineIndexFromPosition(position, &line, &index);
  const QString doc = hoverTextAt(editor_->text(), line, index);
  if (doc.isEmpty()) return;
  QToolTip::showText(editor_->viewport()->mapToGlobal(QPoint(x, y)), doc, editor_);
}

}  // namespace manifold::ui
