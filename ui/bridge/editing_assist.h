// Completion and hover for the manifest editor, from core's editing context and catalog.
#pragma once

#include <QList>
#include <QString>

namespace manifold::ui {

struct UiCompletion {
  QString text;    // inserted
  QString detail;  // one-line documentation shown beside it
  enum class Kind { Field, ComponentType, EnumValue } kind = Kind::Field;
};

struct CompletionRequest {
  QList<UiCompletion> items;
  int prefixBytes = 0;  // bytes before the caret that the chosen item replaces
};

// `line` is 0-based and `byteIndex` a byte offset into that line (QScintilla's index).
CompletionRequest completionsAt(const QString& text, int line, int byteIndex);
QString hoverTextAt(const QString& text, int line, int byteIndex);

}  // namespace manifold::ui
