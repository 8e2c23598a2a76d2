// Completion, hover and go-to-definition for the manifest editor, from core's editing context and catalog.
#pragma once

#include <nlohmann/json.hpp>

#include <QList>
#include <QString>

#include <optional>

namespace manifold::ui {

struct UiCompletion {
  QString text;    // inserted, and shown in the list
  QString detail;  // one-line documentation shown beside it
  enum class Kind { Field, ComponentType, EnumValue, Variable, Macro, Filter, ConfigKey } kind = Kind::Field;
  QString suffix;  // inserted after text: a field's ": ", a macro's "()", the "']" closing a config key
};

struct CompletionRequest {
  QList<UiCompletion> items;
  int prefixBytes = 0;  // bytes before the caret that the chosen item replaces
};

// `line` is 0-based and `byteIndex` a byte offset into that line (QScintilla's index). Inside
// {{ … }} the items are the template variables of the field, macros, filters and the config keys
// of `connectionSpecification` (spec.connection_specification).
CompletionRequest completionsAt(const QString& text, int line, int byteIndex,
                                const nlohmann::ordered_json& connectionSpecification = {});
QString hoverTextAt(const QString& text, int line, int byteIndex);

struct UiReferenceTarget {
  QString reference;  // "#/definitions/requester"
  int line = 0;       // 1-based line of the target; 0 when it was not found
  int column = 0;     // 1-based byte column
  QString error;      // why there is no target
};

// The "#/…" reference at the caret and where it points; nothing when the caret is on none.
std::optional<UiReferenceTarget> referenceTargetAt(const QString& text, int line, int byteIndex);

}  // namespace manifold::ui
