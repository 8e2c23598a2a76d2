// Writes a detected schema into the manifest in the editor, as one step the user can undo.
#include "ui/bridge/detected_schema_writer.h"

#include "core/builder/detected_schema_edit.h"

#include <Qsci/qsciscintilla.h>

namespace manifold::ui {

QString writeDetectedSchema(QsciScintilla* editor, const QString& stream, const nlohmann::json& schema) {
  const QByteArray utf8 = editor->text().toUtf8();
  const QByteArray name = stream.toUtf8();
  const builder::DetectedSchemaEdit result = builder::detectedSchemaEdit(
      std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())),
      std::string_view(name.constData(), static_cast<std::size_t>(name.size())), schema);
  if (!result.edit) return QString::fromStdString(result.error);
  const builder::ManifestLineEdit& edit = *result.edit;

  QString text = QString::fromStdString(edit.text);
  const bool crlf = editor->eolMode() == QsciScintilla::EolWindows;
  if (crlf) text.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
  const int lines = editor->lines();
  const long length = editor->SendScintilla(QsciScintilla::SCI_GETLENGTH);
  auto lineStart = [&](int line) -> long {
    if (line >= lines) return length;
    return editor->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE, static_cast<unsigned long>(line));
  };
  const long start = lineStart(edit.firstLine);
  const long end = lineStart(edit.firstLine + edit.lineCount);
  // Past the last line of a file without a final line break, start a new line first.
  if (start == length && length > 0 && !editor->text().endsWith(QLatin1Char('\n'))) {
    text.prepend(crlf ? QStringLiteral("\r\n") : QStringLiteral("\n"));
  }
  const QByteArray bytes = text.toUtf8();

  editor->beginUndoAction();
  editor->SendScintilla(QsciScintilla::SCI_SETTARGETSTART, static_cast<unsigned long>(start));
  editor->SendScintilla(QsciScintilla::SCI_SETTARGETEND, static_cast<unsigned long>(end));
  editor->SendScintilla(QsciScintilla::SCI_REPLACETARGET, static_cast<unsigned long>(bytes.size()), bytes.constData());
  editor->endUndoAction();
  editor->setCursorPosition(edit.firstLine, 0);
  editor->ensureLineVisible(edit.firstLine);
  return {};
}

}  // namespace manifold::ui
