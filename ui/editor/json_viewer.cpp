// A read-only code view for JSON: the CodeEditor base with the JSON lexer (syntax colours).
#include "ui/editor/json_viewer.h"

#include <Qsci/qscilexerjson.h>

namespace manifold::ui {

JsonViewer::JsonViewer(QWidget* parent) : CodeEditor(parent) {
  auto* lexer = new QsciLexerJSON(this);
  lexer->setHighlightComments(false);
  lexer->setHighlightEscapeSequences(true);
  setLexer(lexer);
  setReadOnly(true);
  setCaretLineVisible(false);
  // Long values wrap at word boundaries instead of scrolling a body sideways.
  setWrapMode(QsciScintilla::WrapWord);
  setWrapVisualFlags(QsciScintilla::WrapFlagByText);
}

}  // namespace manifold::ui
