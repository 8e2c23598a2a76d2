// A combo box over a field's enum values, with an empty choice when the field may be unset.
#pragma once

#include "ui/testing_values/field_editor.h"

class QComboBox;

namespace manifold::ui {

class EnumFieldEditor : public FieldEditor {
  Q_OBJECT

 public:
  EnumFieldEditor(const config::ConfigField& field, QWidget* parent);

  nlohmann::json value() const override;
  void setValue(const nlohmann::json& value) override;
  QWidget* input() const override;

 private:
  QComboBox* combo_ = nullptr;
  nlohmann::json foreign_;  // a loaded value the enum does not list, kept until changed
};

}  // namespace manifold::ui
