// The QScintilla base of every code view: UTF-8, margins, folding, indicators, palette theme.
#include "ui/editor/code_editor.h"

#include <Qsci/qscilexer.h>

#include <QEvent>
#include <QFontDatabase>
#include <QPalette>

namespace manifold::ui {

namespace {

bool isDark(const QPalette& palette) {
  return palette.color(QPalette::Base).lightness() < 128;
}

}  // namespace

CodeEditor::CodeEditor(QWidget* parent) : QsciScintilla(parent) {
  setUtf8(true);
  setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  setBraceMatching(QsciScintilla::SloppyBraceMatch);
  setFolding(QsciScintilla::BoxedTreeFoldStyle, 2);
  setMarginType(0, QsciScintilla::NumberMargin);
  setMarginLineNumbers(0, true);
  setIndentationGuides(true);
  setIndentationsUseTabs(false);
  setTabWidth(2);
  setIndentationWidth(2);
  setAutoIndent(true);
  setBackspaceUnindents(true);
  setCaretLineVisible(true);
  setScrollWidthTracking(true);
  setScrollWidth(1);

  errorIndicator_ = indicatorDefine(QsciScintilla::SquiggleIndicator);
  warningIndicator_ = indicatorDefine(QsciScintilla::SquiggleIndicator);
  setIndicatorForegroundColor(QColor(0xd0, 0x30, 0x30), errorIndicator_);
  setIndicatorForegroundColor(QColor(0xd0, 0x90, 0x10), warningIndicator_);

  connect(this, &QsciScintilla::linesChanged, this, &CodeEditor::updateLineNumberMargin);
  updateLineNumberMargin();
  applyTheme();
}

void CodeEditor::setLexer(QsciLexer* lexer) {
  if (lexer) lexer->setDefaultFont(font());
  QsciScintilla::setLexer(lexer);
  applyTheme();
}

void CodeEditor::changeEvent(QEvent* event) {
  QsciScintilla::changeEvent(event);
  if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) {
    applyTheme();
  }
}

void CodeEditor::updateLineNumberMargin() {
  const QString widest = QString::number(qMax(lines(), 100)) + QLatin1Char('0');
  setMarginWidth(0, widest);
}

void CodeEditor::applyTheme() {
  const QPalette pal = palette();
  const bool dark = isDark(pal);
  const QColor paper = pal.color(QPalette::Base);
  const QColor ink = pal.color(QPalette::Text);

  if (QsciLexer* current = lexer()) {
    current->setDefaultPaper(paper);
    current->setDefaultColor(ink);
    current->setPaper(paper, -1);
    current->setFont(font(), -1);
    current->setColor(ink, -1);
    // Re-colour the lexer's own palette so that token colours stay legible on the base colour.
    for (int style = 0; style < 128; ++style) {
      if (current->description(style).isEmpty()) continue;
      QColor c = current->defaultColor(style);
      if (dark && c.lightness() < 110) c = c.lighter(260);
      if (c == QColor(Qt::black) || c == QColor(Qt::white)) c = ink;
      current->setColor(c, style);
    }
  }
  setPaper(paper);
  setColor(ink);
  setCaretForegroundColor(ink);
  setCaretLineBackgroundColor(dark ? paper.lighter(125) : paper.darker(104));
  setMarginsBackgroundColor(pal.color(QPalette::Window));
  setMarginsForegroundColor(pal.color(QPalette::PlaceholderText));
  setFoldMarginColors(pal.color(QPalette::Window), pal.color(QPalette::Window));
  setMatchedBraceBackgroundColor(dark ? QColor(0x3a, 0x5a, 0x3a) : QColor(0xc8, 0xf0, 0xc8));
  setSelectionBackgroundColor(pal.color(QPalette::Highlight));
  setSelectionForegroundColor(pal.color(QPalette::HighlightedText));
  setIndentationGuidesForegroundColor(pal.color(QPalette::Mid));
  setIndentationGuidesBackgroundColor(paper);
}

}  // namespace manifold::ui
