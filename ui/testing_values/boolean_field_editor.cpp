// A check box for a boolean field; unset until the user touches it unless the spec says otherwise.
#include "ui/testing_values/boolean_field_editor.h"

#include <QCheckBox>
#include <QHBoxLayout>

namespace manifold::ui {

BooleanFieldEditor::BooleanFieldEditor(const config::ConfigField& field, QWidget* parent)
    : FieldEditor(field, parent) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  box_ = new QCheckBox(this);
  describeInput(box_);
  box_->setChecked(field.defaultValue.is_boolean() && field.defaultValue.get<bool>());
  layout->addWidget(box_);
  layout->addStretch(1);
  connect(box_, &QCheckBox::clicked, this, [this] {
    set_ = true;
    emit edited();
  });
  setFocusProxy(box_);
}

nlohmann::json BooleanFieldEditor::value() const {
  if (!set_ && !field().required && !field().defaultValue.is_boolean()) return nullptr;
  return box_->isChecked();
}

void BooleanFieldEditor::setValue(const nlohmann::json& value) {
  set_ = value.is_boolean();
  box_->setChecked(value.is_boolean() ? value.get<bool>()
                                      : field().defaultValue.is_boolean() && field().defaultValue.get<bool>());
}

QWidget* BooleanFieldEditor::input() const { return box_; }

}  // namespace manifold::ui
