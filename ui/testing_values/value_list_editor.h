// A list of plain values (strings, numbers): an editable list with Add and Remove.
#pragma once

#include "ui/testing_values/field_editor.h"

class QListWidget;
class QPushButton;

namespace manifold::ui {

class ValueListEditor : public FieldEditor {
  Q_OBJECT

 public:
  ValueListEditor(const config::ConfigField& field, QWidget* parent);

  // Non-empty entries, numbers converted for integer and number items; null when empty.
  nlohmann::json value() const override;
  void setValue(const nlohmann::json& value) override;
  QWidget* input() const override;

  // Appends an entry and starts editing it.
  void addEntry();
  void removeCurrentEntry();

 private:
  QListWidget* list_ = nullptr;
  QPushButton* add_ = nullptr;
  QPushButton* remove_ = nullptr;
};

}  // namespace manifold::ui
