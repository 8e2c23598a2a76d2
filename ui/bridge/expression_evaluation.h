// Evaluates a playground expression with core's Jinja engine, in Qt types.
#pragma once

#include <QMetaType>
#include <QString>

#include <nlohmann/json.hpp>

namespace manifold::ui {

struct ExpressionOutcome {
  quint64 generation = 0;
  bool ok = false;
  QString value;      // pretty JSON of the value
  QString type;       // "string", "integer", "object", …
  QString error;      // the engine's message
  int column = 0;     // 1-based column of the error in the expression; 0 when unknown
};

// `expression` is a bare Jinja expression ("config['api_key'] | length"), evaluated as
// "{{ expression }}"; text that already holds "{{" or "{%" is taken as a whole template.
// `context` is an object of variables ({"config": …, "response": …}). CPU work on values
// only: safe on any thread.
ExpressionOutcome evaluateExpression(const QString& expression, const nlohmann::json& context,
                                     quint64 generation = 0);

}  // namespace manifold::ui

Q_DECLARE_METATYPE(manifold::ui::ExpressionOutcome)
