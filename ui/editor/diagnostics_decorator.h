// Shows diagnostics in an editor: margin markers, squiggly underlines and inline annotations.
#pragma once

#include "ui/bridge/manifest_check.h"

#include <QObject>

namespace manifold::ui {

class CodeEditor;

class DiagnosticsDecorator : public QObject {
  Q_OBJECT

 public:
  explicit DiagnosticsDecorator(CodeEditor* editor);

  void show(const QList<UiDiagnostic>& diagnostics);
  void clear();

  // Lines (0-based) that carry a marker of the given severity: for tests and navigation.
  QList<int> markedLines(UiDiagnostic::Severity severity) const;

 private:
  CodeEditor* editor_;
  int error_marker_ = -1;
  int warning_marker_ = -1;
  int error_style_ = -1;
  int warning_style_ = -1;
};

}  // namespace manifold::ui
