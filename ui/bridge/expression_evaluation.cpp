// Evaluates a playground expression with core's Jinja engine, in Qt types.
#include "ui/bridge/expression_evaluation.h"

#include "core/interpolation/render.h"

namespace manifold::ui {

namespace {

QString typeOf(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null: return QStringLiteral("None");
    case nlohmann::json::value_t::string: return QStringLiteral("string");
    case nlohmann::json::value_t::boolean: return QStringLiteral("boolean");
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return QStringLiteral("integer");
    case nlohmann::json::value_t::number_float: return QStringLiteral("number");
    case nlohmann::json::value_t::array: return QStringLiteral("list");
    case nlohmann::json::value_t::object: return QStringLiteral("object");
    default: return QStringLiteral("value");
  }
}

}  // namespace

ExpressionOutcome evaluateExpression(const QString& expression, const nlohmann::json& context, quint64 generation) {
  ExpressionOutcome outcome;
  outcome.generation = generation;
  const QByteArray source = expression.toUtf8();
  const bool isTemplate = expression.contains(QStringLiteral("{{")) || expression.contains(QStringLiteral("{%"));
  const std::string prefix = isTemplate ? std::string() : "{{ ";
  const std::string templateText = prefix + source.toStdString() + (isTemplate ? "" : " }}");
  const auto result = interpolation::renderTemplate(templateText, context);
  if (result.ok()) {
    outcome.ok = true;
    outcome.type = typeOf(result.value());
    outcome.value = QString::fromStdString(result.value().dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    return outcome;
  }
  outcome.error = QString::fromStdString(result.error().message);
  const std::size_t offset = result.error().offset;
  if (offset != interpolation::kNoOffset) {
    // Byte offset in the template → character column in what the user typed.
    const qsizetype inExpression = qBound<qsizetype>(0, static_cast<qsizetype>(offset) - static_cast<qsizetype>(prefix.size()),
                                                     source.size());
    outcome.column = static_cast<int>(QString::fromUtf8(source.left(inExpression)).size()) + 1;
  }
  return outcome;
}

}  // namespace manifold::ui
