// A read-only code view for JSON: the CodeEditor base with the JSON lexer (syntax colours).
#pragma once

#include "ui/editor/code_editor.h"

namespace manifold::ui {

class JsonViewer : public CodeEditor {
  Q_OBJECT

 public:
  explicit JsonViewer(QWidget* parent = nullptr);
};

}  // namespace manifold::ui
