// Go to definition in the manifest editor: F12 or Ctrl+click on a "#/…" reference jumps to its target.
#include "ui/editor/reference_navigator.h"

#include "ui/bridge/editing_assist.h"
#include "ui/editor/code_editor.h"

#include <QAction>
#include <QMouseEvent>

namespace manifold::ui {

ReferenceNavigator::ReferenceNavigator(CodeEditor* editor) : QObject(editor), editor_(editor) {
  action_ = new QAction(tr("Go to &Definition"), this);
  action_->setShortcut(QKeySequence(Qt::Key_F12));
  action_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  action_->setToolTip(tr("Jump to what the #/… reference at the caret points to (F12, or Ctrl+click)"));
  connect(action_, &QAction::triggered, this, &ReferenceNavigator::followAtCaret);
  editor_->addAction(action_);
  editor_->viewport()->installEventFilter(this);
}

bool ReferenceNavigator::followAtCaret() {
  int line = 0;
  int index = 0;
  editor_->getCursorPosition(&line, &index);
  const std::optional<UiReferenceTarget> target = referenceTargetAt(editor_->text(), line, index);
  if (!target) {
    emit failed(tr("The caret is not on a #/… reference"));
    return false;
  }
  return jumpTo(*target);
}

bool ReferenceNavigator::followAt(int line, int index) {
  const std::optional<UiReferenceTarget> target = referenceTargetAt(editor_->text(), line, index);
  return target && jumpTo(*target);
}

bool ReferenceNavigator::jumpTo(const UiReferenceTarget& target) {
  if (target.line <= 0) {
    emit failed(target.error);
    return false;
  }
  const int toLine = target.line - 1;
  editor_->setCursorPosition(toLine, qMax(0, target.column - 1));
  editor_->ensureLineVisible(toLine);
  editor_->setFocus(Qt::OtherFocusReason);
  emit followed(target.reference, target.line);
  return true;
}

bool ReferenceNavigator::eventFilter(QObject* watched, QEvent* event) {
  if (watched == editor_->viewport() && event->type() == QEvent::MouseButtonPress) {
    auto* mouse = static_cast<QMouseEvent*>(event);
    if (mouse->button() == Qt::LeftButton && mouse->modifiers() == Qt::ControlModifier) {
      const QPoint at = mouse->position().toPoint();
      const long pos = editor_->SendScintilla(QsciScintilla::SCI_POSITIONFROMPOINTCLOSE, static_cast<unsigned long>(at.x()),
                                              static_cast<long>(at.y()));
      if (pos >= 0) {
        int line = 0;
        int index = 0;
        editor_->lineIndexFromPosition(static_cast<int>(pos), &line, &index);
        // A click on a reference is consumed (no multi-caret); elsewhere Ctrl+click works as usual.
        if (const std::optional<UiReferenceTarget> target = referenceTargetAt(editor_->text(), line, index)) {
          jumpTo(*target);
          return true;
        }
      }
    }
  }
  return QObject::eventFilter(watched, event);
}

}  // namespace manifold::ui
