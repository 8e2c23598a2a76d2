// A oneOf field: a combo box choosing the option, and that option's fields below it.
#include "ui/testing_values/one_of_field_editor.h"

#include "ui/common/combo_popup_name.h"

#include "ui/testing_values/object_field_editor.h"

#include <algorithm>

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace manifold::ui {

OneOfFieldEditor::OneOfFieldEditor(const config::ConfigField& field, QWidget* parent) : FieldEditor(field, parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* chooserRow = new QFormLayout;
  chooser_ = new QComboBox(this);
  describeInput(chooser_);
  nameComboPopup(chooser_);
  auto* label = new QLabel(tr("Option"), this);
  label->setBuddy(chooser_);
  chooserRow->addRow(label, chooser_);
  layout->addLayout(chooserRow);
  pages_ = new QStackedWidget(this);
  for (const auto& option : field.options) {
    chooser_->addItem(QString::fromStdString(option.title));
    auto* editor = new ObjectFieldEditor(option, pages_);
    connect(editor, &FieldEditor::edited, this, &FieldEditor::edited);
    pages_->addWidget(editor);
    options_ << editor;
  }
  layout->addWidget(pages_);
  connect(chooser_, &QComboBox::currentIndexChanged, pages_, &QStackedWidget::setCurrentIndex);
  connect(chooser_, &QComboBox::activated, this, &FieldEditor::edited);
  setFocusProxy(chooser_);
}

nlohmann::json OneOfFieldEditor::value() const {
  if (options_.isEmpty()) return nullptr;
  const int index = chooser_->currentIndex();
  nlohmann::json v = options_[index]->value();
  if (!v.is_object()) v = nlohmann::json::object();
  // An optional choice the user has not filled in stays out of the config; the option's
  // discriminator alone is not a value.
  bool filled = false;
  for (const auto& [key, item] : v.items()) {
    const auto& fields = field().options[static_cast<std::size_t>(index)].fields;
    const bool discriminator = std::any_of(fields.begin(), fields.end(), [&](const config::ConfigField& f) {
      return f.key == key && !f.constValue.is_null();
    });
    if (!discriminator) filled = true;
  }
  if (!filled && !field().required) return nullptr;
  return v;
}

void OneOfFieldEditor::setValue(const nlohmann::json& value) {
  if (options_.isEmpty()) return;
  const int match = field().matchingOption(value);
  if (match >= 0) chooser_->setCurrentIndex(match);
  for (ObjectFieldEditor* option : options_) option->setValue(nlohmann::json::object());
  options_[chooser_->currentIndex()]->setValue(value);
}

QWidget* OneOfFieldEditor::input() const { return chooser_; }

void OneOfFieldEditor::showProblems(const std::vector<config::ConfigProblem>& problems) {
  for (ObjectFieldEditor* option : options_) option->showProblems(problems);
}

}  // namespace manifold::ui
