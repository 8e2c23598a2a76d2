// A line edit for text, numbers, dates and secrets (hidden echo with a show toggle).
#pragma once

#include "ui/testing_values/field_editor.h"

class QLineEdit;
class QToolButton;

namespace manifold::ui {

class TextFieldEditor : public FieldEditor {
  Q_OBJECT

 public:
  TextFieldEditor(const config::ConfigField& field, QWidget* parent);

  // Integers and numbers typed as text become JSON numbers; text that is not one stays text,
  // so validation can say what is wrong with it. Other fields take JSON.
  nlohmann::json value() const override;
  void setValue(const nlohmann::json& value) override;
  QWidget* input() const override;

  QToolButton* revealButton() const { return reveal_; }

 private:
  void addDatePicker();

  QLineEdit* edit_ = nullptr;
  QToolButton* reveal_ = nullptr;  // secrets only
};

}  // namespace manifold::ui
