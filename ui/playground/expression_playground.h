// The expression playground: type a Jinja expression, see its value against the testing
// values and the last response and record, evaluated as you type off the GUI thread.
#pragma once

#include "ui/bridge/expression_evaluation.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <nlohmann/json.hpp>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace manifold::ui {

class ExpressionPlayground : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kDebounceMs = 150;

  explicit ExpressionPlayground(QWidget* parent = nullptr);
  ~ExpressionPlayground() override;

  // The variables expressions see; each change re-evaluates the current expression.
  void setConfig(const nlohmann::json& config);
  void setResponse(const nlohmann::json& response);
  void setRecord(const nlohmann::json& record);
  void setHeaders(const nlohmann::json& headers);

  QLineEdit* expressionEdit() const { return expression_; }
  QPlainTextEdit* resultView() const { return result_; }
  QLabel* statusLabel() const { return status_; }
  QTreeWidget* variablesView() const { return variables_; }
  const ExpressionOutcome& lastOutcome() const { return last_; }
  // True from an edit until its result is shown.
  bool isBusy() const { return running_ || timer_.isActive(); }

 signals:
  void evaluated(const manifold::ui::ExpressionOutcome& outcome);

 private:
  void schedule();
  void launch();
  void onFinished();
  void showOutcome(const ExpressionOutcome& outcome);
  void fillVariables();
  void insertName(QTreeWidgetItem* item);

  QLineEdit* expression_ = nullptr;
  QLabel* status_ = nullptr;
  QPlainTextEdit* result_ = nullptr;
  QTreeWidget* variables_ = nullptr;
  QTreeWidgetItem* config_keys_ = nullptr;
  QTimer timer_;
  QFutureWatcher<ExpressionOutcome> watcher_;
  quint64 generation_ = 0;
  bool running_ = false;
  bool pending_ = false;
  nlohmann::json context_ = nlohmann::json::object();
  ExpressionOutcome last_;
};

}  // namespace manifold::ui
