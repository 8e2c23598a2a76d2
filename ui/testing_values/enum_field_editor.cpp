// A combo box over a field's enum values, with an empty choice when the field may be unset.
#include "ui/testing_values/enum_field_editor.h"

#include "ui/common/combo_popup_name.h"

#include <QComboBox>
#include <QHBoxLayout>

namespace manifold::ui {

EnumFieldEditor::EnumFieldEditor(const config::ConfigField& field, QWidget* parent) : FieldEditor(field, parent) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  combo_ = new QComboBox(this);
  describeInput(combo_);
  nameComboPopup(combo_);
  combo_->addItem(field.defaultValue.is_null() ? tr("(not set)")
                                               : tr("(default: %1)").arg(QString::fromStdString(
                                                     config::displayText(field.defaultValue))));
  for (const auto& v : field.enumValues) combo_->addItem(QString::fromStdString(config::displayText(v)));
  combo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  layout->addWidget(combo_);
  layout->addStretch(1);
  connect(combo_, &QComboBox::activated, this, [this] {
    foreign_ = nullptr;
    emit edited();
  });
  setFocusProxy(combo_);
}

nlohmann::json EnumFieldEditor::value() const {
  const int index = combo_->currentIndex();
  if (index <= 0) return foreign_;
  return field().enumValues[static_cast<std::size_t>(index - 1)];
}

void EnumFieldEditor::setValue(const nlohmann::json& value) {
  foreign_ = nullptr;
  const auto& values = field().enumValues;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i] == value) {
      combo_->setCurrentIndex(static_cast<int>(i) + 1);
      return;
    }
  }
  combo_->setCurrentIndex(0);
  foreign_ = value;  // validation will say it is not one of the choices
}

QWidget* EnumFieldEditor::input() const { return combo_; }

}  // namespace manifold::ui
