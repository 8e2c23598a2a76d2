// The QScintilla base of every code view: UTF-8, margins, folding, indicators, palette theme.
#pragma once

#include <Qsci/qsciscintilla.h>

namespace manifold::ui {

class CodeEditor : public QsciScintilla {
  Q_OBJECT

 public:
  explicit CodeEditor(QWidget* parent = nullptr);

  // Installs the lexer and reapplies the theme to it (lexers carry their own colours).
  void setLexer(QsciLexer* lexer = nullptr) override;

  // Squiggly underline used by diagnostics.
  int errorIndicator() const { return errorIndicator_; }
  int warningIndicator() const { return warningIndicator_; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void applyTheme();
  void updateLineNumberMargin();

  int errorIndicator_ = -1;
  int warningIndicator_ = -1;
};

}  // namespace manifold::ui
