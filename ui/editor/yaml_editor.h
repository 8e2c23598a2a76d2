// The manifest editor: a CodeEditor with the YAML lexer and YAML's two-space soft tabs.
#pragma once

#include "ui/editor/code_editor.h"

class QKeyEvent;

namespace manifold::ui {

class YamlEditor : public CodeEditor {
  Q_OBJECT

 public:
  explicit YamlEditor(QWidget* parent = nullptr);

 public slots:
  // Comments the selected lines (or the caret's line) with "# ", or uncomments them when all
  // of them already are comments; one undo step.
  void toggleComment();

 protected:
  // Tab indents inside the editor; Ctrl+Tab and Ctrl+Shift+Tab leave it (no keyboard trap).
  void keyPressEvent(QKeyEvent* event) override;
};

}  // namespace manifold::ui
