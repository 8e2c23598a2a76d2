// A check box for a boolean field; unset until the user touches it unless the spec says otherwise.
#pragma once

#include "ui/testing_values/field_editor.h"

class QCheckBox;

namespace manifold::ui {

class BooleanFieldEditor : public FieldEditor {
  Q_OBJECT

 public:
  BooleanFieldEditor(const config::ConfigField& field, QWidget* parent);

  // A required field or one with a default always has a value; otherwise only once set.
  nlohmann::json value() const override;
  void setValue(const nlohmann::json& value) override;
  QWidget* input() const override;

 private:
  QCheckBox* box_ = nullptr;
  bool set_ = false;
};

}  // namespace manifold::ui
