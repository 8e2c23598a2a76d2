// Writes a detected schema into the manifest in the editor, as one step the user can undo.
#pragma once

#include <nlohmann/json.hpp>

#include <QString>

class QsciScintilla;

namespace manifold::ui {

// Replaces the inline schema of `stream` (following `$ref`s, see core's detectedSchemaEdit)
// with `schema` in one undo action and puts the caret there. Returns why it could not, or an
// empty string.
QString writeDetectedSchema(QsciScintilla* editor, const QString& stream, const nlohmann::json& schema);

}  // namespace manifold::ui
