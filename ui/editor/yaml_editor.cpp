// The manifest editor: a CodeEditor with the YAML lexer and YAML's two-space soft tabs.
#include "ui/editor/yaml_editor.h"

#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>
#include <Qsci/qscilexeryaml.h>

#include <QKeyEvent>
#include <QRegularExpression>

namespace manifold::ui {

YamlEditor::YamlEditor(QWidget* parent) : CodeEditor(parent) {
  auto* lexer = new QsciLexerYAML(this);
  lexer->setFoldComments(true);
  setLexer(lexer);
  setAccessibleName(tr("Manifest editor"));
  setAccessibleDescription(tr("YAML text of the connector manifest"));

  // Scintilla binds Ctrl+/ to "word part left"; free it for the window's Toggle Comment.
  const int toggleCommentKey = QKeyCombination(Qt::CTRL, Qt::Key_Slash).toCombined();
  if (QsciCommand* command = standardCommands()->boundTo(toggleCommentKey)) {
    if (command->key() == toggleCommentKey) command->setKey(0);
    if (command->alternateKey() == toggleCommentKey) command->setAlternateKey(0);
  }
}

void YamlEditor::keyPressEvent(QKeyEvent* event) {
  const bool control = event->modifiers().testFlag(Qt::ControlModifier);
  if (control && (event->key() == Qt::Key_Tab || event->key() == Qt::Key_Backtab)) {
    // QsciScintillaBase keeps Tab for itself by refusing focus moves; QWidget's own version moves.
    const bool forward = event->key() == Qt::Key_Tab && !event->modifiers().testFlag(Qt::ShiftModifier);
    QWidget::focusNextPrevChild(forward);
    event->accept();
    return;
  }
  CodeEditor::keyPressEvent(event);
}

void YamlEditor::toggleComment() {
  int lineFrom = 0;
  int indexFrom = 0;
  int lineTo = 0;
  int indexTo = 0;
  getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
  if (lineFrom < 0) {
    getCursorPosition(&lineFrom, &indexFrom);
    lineTo = lineFrom;
  } else if (indexTo == 0 && lineTo > lineFrom) {
    --lineTo;  // a selection ending at column 0 does not include that line
  }

  static const QRegularExpression kCommented(QStringLiteral("^\\s*#"));
  static const QRegularExpression kBlank(QStringLiteral("^\\s*$"));
  bool allCommented = true;
  for (int line = lineFrom; line <= lineTo; ++line) {
    const QString t = text(line);
    if (!kBlank.match(t).hasMatch() && !kCommented.match(t).hasMatch()) allCommented = false;
  }

  beginUndoAction();
  for (int line = lineFrom; line <= lineTo; ++line) {
    const QString t = text(line);
    if (kBlank.match(t).hasMatch()) continue;
    const int indent = static_cast<int>(t.indexOf(QRegularExpression(QStringLiteral("\\S"))));
    if (allCommented) {
      const int hash = static_cast<int>(t.indexOf(QLatin1Char('#')));
      const int width = t.mid(hash, 2) == QStringLiteral("# ") ? 2 : 1;
      setSelection(line, hash, line, hash + width);
      removeSelectedText();
    } else {
      insertAt(QStringLiteral("# "), line, indent);
    }
  }
  endUndoAction();
}

}  // namespace manifold::ui
