// The "Testing values" form: fields generated from spec.connection_specification.
#include "ui/testing_values/testing_values_form.h"

#include "ui/testing_values/field_editor.h"
#include "ui/testing_values/object_field_editor.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace manifold::ui {

TestingValuesForm::TestingValuesForm(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("testingValuesForm"));
  setAccessibleName(tr("Testing values"));
  auto* layout = new QVBoxLayout(this);
  summary_ = createProblemLabel(this);
  summary_->setObjectName(QStringLiteral("testingValuesSummary"));
  layout->addWidget(summary_);
  empty_ = new QLabel(tr("The manifest has no spec.connection_specification, so there are no "
                         "testing values to fill in."),
                      this);
  empty_->setWordWrap(true);
  empty_->setEnabled(false);
  layout->addWidget(empty_);
  scroll_ = new QScrollArea(this);
  scroll_->setWidgetResizable(true);
  scroll_->setFrameShape(QFrame::NoFrame);
  layout->addWidget(scroll_, 1);
  rebuild();
}

void TestingValuesForm::setSpec(const nlohmann::ordered_json& connectionSpecification) {
  if (connectionSpecification == spec_json_ && root_) return;
  values_ = values();
  spec_json_ = connectionSpecification;
  spec_ = config::parseConnectionSpecification(spec_json_);
  rebuild();
}

void TestingValuesForm::rebuild() {
  auto* content = new QWidget;
  auto* layout = new QVBoxLayout(content);
  root_ = createFieldEditor(spec_, content);
  root_->setValue(values_);
  connect(root_, &FieldEditor::edited, this, [this] {
    values_ = root_->value();
    if (live_problems_) showProblems(config::validateConfig(spec_, values_));
    emit edited();
  });
  layout->addWidget(root_);
  layout->addStretch(1);
  scroll_->setWidget(content);  // deletes the previous content
  const bool hasFields = !spec_.fields.empty() || !spec_.options.empty();
  empty_->setVisible(!hasFields);
  scroll_->setVisible(hasFields);
  if (live_problems_) showProblems(config::validateConfig(spec_, values_));
}

nlohmann::json TestingValuesForm::values() const {
  nlohmann::json v = root_ ? root_->value() : values_;
  return v.is_object() ? v : nlohmann::json::object();
}

void TestingValuesForm::setValues(const nlohmann::json& values) {
  values_ = values.is_object() ? values : nlohmann::json::object();
  root_->setValue(values_);
  if (live_problems_) showProblems(config::validateConfig(spec_, values_));
}

std::vector<config::ConfigProblem> TestingValuesForm::validate() {
  live_problems_ = true;
  auto problems = config::validateConfig(spec_, values());
  showProblems(problems);
  return problems;
}

void TestingValuesForm::clearProblems() {
  live_problems_ = false;
  showProblems({});
}

void TestingValuesForm::showProblems(const std::vector<config::ConfigProblem>& problems) {
  root_->showProblems(problems);
  if (problems.empty()) {
    showProblemText(summary_, {});
    return;
  }
  QStringList lines;
  lines << (problems.size() == 1 ? tr("1 problem in the testing values:")
                                 : tr("%1 problems in the testing values:").arg(problems.size()));
  for (const auto& p : problems) lines << QString::fromStdString(p.message);
  summary_->setText(QStringLiteral("⚠ ") + lines.join(QStringLiteral("\n    ")));
  summary_->setAccessibleName(lines.join(QLatin1Char(' ')));
  summary_->show();
}

}  // namespace manifold::ui
