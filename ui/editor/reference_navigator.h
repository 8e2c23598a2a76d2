// Go to definition in the manifest editor: F12 or Ctrl+click on a "#/…" reference jumps to its target.
#pragma once

#include <QObject>

class QAction;

namespace manifold::ui {

class CodeEditor;
struct UiReferenceTarget;

class ReferenceNavigator : public QObject {
  Q_OBJECT

 public:
  explicit ReferenceNavigator(CodeEditor* editor);

  // "Go to Definition" (F12) for the editor and the Edit menu; it follows the reference at the caret.
  QAction* goToDefinitionAction() const { return action_; }

  // Follows the reference at a 0-based line and byte index. True when the caret moved; when the
  // place holds a reference that leads nowhere, failed() says why.
  bool followAt(int line, int index);
  bool followAtCaret();

 signals:
  void followed(const QString& reference, int line);  // 1-based line of the target
  void failed(const QString& message);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  bool jumpTo(const UiReferenceTarget& target);

  CodeEditor* editor_;
  QAction* action_;
};

}  // namespace manifold::ui
