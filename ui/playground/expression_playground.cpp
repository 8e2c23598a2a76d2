// The expression playground: a Jinja expression evaluated as you type, off the GUI thread.
#include "ui/playground/expression_playground.h"

#include "core/interpolation/builtin_docs.h"
#include "ui/common/clear_button.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace manifold::ui {

namespace {

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

}  // namespace

ExpressionPlayground::ExpressionPlayground(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("expressionPlayground"));
  context_ = {{"config", nlohmann::json::object()},
              {"response", nlohmann::json::object()},
              {"headers", nlohmann::json::object()},
              {"record", nlohmann::json::object()}};

  auto* layout = new QVBoxLayout(this);
  auto* label = new QLabel(tr("E&xpression:"), this);
  expression_ = new QLineEdit(this);
  expression_->setObjectName(QStringLiteral("expressionEdit"));
  expression_->setAccessibleName(tr("Expression"));
  expression_->setAccessibleDescription(
      tr("A Jinja expression, evaluated against the testing values (config) and the last response and record"));
  expression_->setPlaceholderText(QStringLiteral("config['api_key'] | length"));
  expression_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  enableClearButton(expression_, tr("Clear expression"));
  label->setBuddy(expression_);
  layout->addWidget(label);
  layout->addWidget(expression_);

  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("expressionStatus"));  // unnamed: a screen reader reads its text
  status_->setWordWrap(true);
  status_->setTextFormat(Qt::PlainText);
  layout->addWidget(status_);

  auto* splitter = new QSplitter(Qt::Horizontal, this);
  result_ = new QPlainTextEdit(splitter);
  result_->setObjectName(QStringLiteral("expressionResult"));
  result_->setAccessibleName(tr("Expression result"));
  result_->setReadOnly(true);
  result_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  result_->setPlaceholderText(tr("The value appears here as you type."));
  variables_ = new QTreeWidget(splitter);
  variables_->setObjectName(QStringLiteral("expressionVariables"));
  variables_->setAccessibleName(tr("Variables, macros and filters"));
  variables_->setHeaderHidden(true);
  variables_->setRootIsDecorated(true);
  splitter->addWidget(result_);
  splitter->addWidget(variables_);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 2);
  layout->addWidget(splitter, 1);
  fillVariables();

  timer_.setSingleShot(true);
  timer_.setInterval(kDebounceMs);
  connect(&timer_, &QTimer::timeout, this, &ExpressionPlayground::launch);
  connect(expression_, &QLineEdit::textChanged, this, &ExpressionPlayground::schedule);
  connect(&watcher_, &QFutureWatcher<ExpressionOutcome>::finished, this, &ExpressionPlayground::onFinished);
  connect(variables_, &QTreeWidget::itemActivated, this, &ExpressionPlayground::insertName);
  setTabOrder(expression_, result_);
  setTabOrder(result_, variables_);
}

ExpressionPlayground::~ExpressionPlayground() { watcher_.waitForFinished(); }

void ExpressionPlayground::fillVariables() {
  const auto section = [this](const QString& title, std::span<const interpolation::BuiltinDoc> docs) {
    auto* top = new QTreeWidgetItem(variables_, {title});
    for (const auto& d : docs) {
      auto* item = new QTreeWidgetItem(top, {qs(d.signature)});
      item->setToolTip(0, qs(d.doc));
      item->setData(0, Qt::UserRole, qs(d.name));
    }
    return top;
  };
  config_keys_ = new QTreeWidgetItem(variables_, {tr("config keys")});
  section(tr("Variables"), interpolation::templateVariables())->setExpanded(true);
  section(tr("Macros"), interpolation::templateMacros());
  section(tr("Filters"), interpolation::templateFilters());
  variables_->setToolTip(tr("Activate an entry (double-click or Enter) to insert it"));
}

void ExpressionPlayground::insertName(QTreeWidgetItem* item) {
  const QString name = item->data(0, Qt::UserRole).toString();
  if (name.isEmpty()) return;
  expression_->insert(name);
  expression_->setFocus();
}

void ExpressionPlayground::setConfig(const nlohmann::json& config) {
  if (context_["config"] == config) return;
  context_["config"] = config.is_object() ? config : nlohmann::json::object();
  qDeleteAll(config_keys_->takeChildren());
  for (const auto& [key, value] : context_["config"].items()) {
    auto* item = new QTreeWidgetItem(config_keys_, {QStringLiteral("config['%1']").arg(QString::fromStdString(key))});
    item->setData(0, Qt::UserRole, item->text(0));
  }
  config_keys_->setExpanded(true);
  schedule();
}

void ExpressionPlayground::setResponse(const nlohmann::json& response) {
  context_["response"] = response.is_null() ? nlohmann::json::object() : response;
  schedule();
}

void ExpressionPlayground::setRecord(const nlohmann::json& record) {
  context_["record"] = record.is_null() ? nlohmann::json::object() : record;
  schedule();
}

void ExpressionPlayground::setHeaders(const nlohmann::json& headers) {
  context_["headers"] = headers.is_null() ? nlohmann::json::object() : headers;
  schedule();
}

void ExpressionPlayground::schedule() {
  ++generation_;
  timer_.start();
}

void ExpressionPlayground::launch() {
  if (running_) {
    pending_ = true;  // evaluated again when the running one is done
    return;
  }
  if (expression_->text().trimmed().isEmpty()) {
    last_ = ExpressionOutcome{generation_, true, {}, {}, {}, 0};
    status_->clear();
    result_->clear();
    return;
  }
  running_ = true;
  watcher_.setFuture(QtConcurrent::run(evaluateExpression, expression_->text(), context_, generation_));
}

void ExpressionPlayground::onFinished() {
  running_ = false;
  const ExpressionOutcome outcome = watcher_.result();
  if (pending_ || outcome.generation != generation_) {
    pending_ = false;
    if (!timer_.isActive()) launch();
    return;
  }
  showOutcome(outcome);
}

void ExpressionPlayground::showOutcome(const ExpressionOutcome& outcome) {
  last_ = outcome;
  if (outcome.ok) {
    status_->setText(tr("Value (%1)").arg(outcome.type));
    result_->setPlainText(outcome.value);
  } else {
    const QString where = outcome.column > 0 ? tr("Error at column %1: %2").arg(outcome.column).arg(outcome.error)
                                             : tr("Error: %1").arg(outcome.error);
    status_->setText(QStringLiteral("⚠ ") + where);
    QString text = expression_->text() + QLatin1Char('\n');
    if (outcome.column > 0) text += QString(outcome.column - 1, QLatin1Char(' ')) + QStringLiteral("^\n");
    result_->setPlainText(text + outcome.error);
  }
  emit evaluated(outcome);
}

}  // namespace manifold::ui
