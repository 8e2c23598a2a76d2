// Shows diagnostics in an editor: margin markers, squiggly underlines and inline annotations.
#include "ui/editor/diagnostics_decorator.h"

#include "ui/editor/code_editor.h"

#include <Qsci/qscistyle.h>

#include <QMap>

namespace manifold::ui {

namespace {

constexpr int kMarkerMargin = 1;

// Underlines the token a diagnostic points at: from its column to the next separator.
void underline(CodeEditor* editor, const UiDiagnostic& d, int indicator) {
  const int line = d.line - 1;
  const QString text = editor->text(line);
  int from = d.column - 1;
  if (from < 0) {  // no column: underline from the line's first non-blank character
    from = 0;
    while (from < text.size() && text.at(from).isSpace()) ++from;
  }
  int to = from;
  while (to < text.size() && !text.at(to).isSpace() && text.at(to) != QLatin1Char(':')) ++to;
  if (to == from) to = static_cast<int>(text.trimmed().isEmpty() ? from : text.size());
  if (to > from) editor->fillIndicatorRange(line, from, line, to, indicator);
}

}  // namespace

DiagnosticsDecorator::DiagnosticsDecorator(CodeEditor* editor) : QObject(editor), editor_(editor) {
  editor_->setMarginType(kMarkerMargin, QsciScintilla::SymbolMargin);
  editor_->setMarginWidth(kMarkerMargin, 14);
  editor_->setMarginSensitivity(kMarkerMargin, true);
  error_marker_ = editor_->markerDefine(QsciScintilla::Circle);
  warning_marker_ = editor_->markerDefine(QsciScintilla::Circle);
  editor_->setMarkerBackgroundColor(QColor(0xd0, 0x30, 0x30), error_marker_);
  editor_->setMarkerForegroundColor(QColor(0x80, 0x10, 0x10), error_marker_);
  editor_->setMarkerBackgroundColor(QColor(0xe0, 0xa0, 0x20), warning_marker_);
  editor_->setMarkerForegroundColor(QColor(0x80, 0x60, 0x10), warning_marker_);
  editor_->setMarginMarkerMask(kMarkerMargin, (1 << error_marker_) | (1 << warning_marker_));

  QFont small = editor_->font();
  small.setPointSizeF(small.pointSizeF() * 0.9);
  error_style_ = QsciStyle(-1, QStringLiteral("Error annotation"), QColor(0x90, 0x10, 0x10),
                           QColor(0xfd, 0xe8, 0xe8), small)
                     .style();
  warning_style_ = QsciStyle(-1, QStringLiteral("Warning annotation"), QColor(0x70, 0x50, 0x00),
                             QColor(0xfd, 0xf5, 0xdc), small)
                       .style();
  editor_->setAnnotationDisplay(QsciScintilla::AnnotationBoxed);
}

void DiagnosticsDecorator::clear() {
  editor_->markerDeleteAll(error_marker_);
  editor_->markerDeleteAll(warning_marker_);
  editor_->clearIndicatorRange(0, 0, editor_->lines(), 0, editor_->errorIndicator());
  editor_->clearIndicatorRange(0, 0, editor_->lines(), 0, editor_->warningIndicator());
  editor_->clearAnnotations();
}

void DiagnosticsDecorator::show(const QList<UiDiagnostic>& diagnostics) {
  clear();
  // One annotation per line, errors first, each message prefixed so it is not told by colour alone.
  QMap<int, QStringList> notes;
  QMap<int, bool> lineHasError;
  for (const UiDiagnostic& d : diagnostics) {
    const int line = qBound(0, d.line - 1, qMax(0, editor_->lines() - 1));
    const bool error = d.isError();
    editor_->markerAdd(line, error ? error_marker_ : warning_marker_);
    if (d.line > 0) underline(editor_, d, error ? editor_->errorIndicator() : editor_->warningIndicator());
    QString text = (error ? tr("error: ") : tr("warning: ")) + d.message;
    if (!d.suggestion.isEmpty() && !d.message.contains(d.suggestion)) {
      text += tr(" (did you mean '%1'?)").arg(d.suggestion);
    }
    if (error) {
      notes[line].prepend(text);
    } else {
      notes[line].append(text);
    }
    lineHasError[line] = lineHasError.value(line) || error;
  }
  for (auto it = notes.cbegin(); it != notes.cend(); ++it) {
    editor_->annotate(it.key(), it.value().join(QLatin1Char('\n')),
                      lineHasError.value(it.key()) ? error_style_ : warning_style_);
  }
}

QList<int> DiagnosticsDecorator::markedLines(UiDiagnostic::Severity severity) const {
  const int marker = severity == UiDiagnostic::Severity::Error ? error_marker_ : warning_marker_;
  QList<int> lines;
  for (int line = editor_->markerFindNext(0, 1 << marker); line >= 0;
       line = editor_->markerFindNext(line + 1, 1 << marker)) {
    lines.append(line);
  }
  return lines;
}

}  // namespace manifold::ui
