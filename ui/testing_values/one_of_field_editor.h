// A oneOf field: a combo box choosing the option, and that option's fields below it.
#pragma once

#include "ui/testing_values/field_editor.h"

#include <QList>

class QComboBox;
class QStackedWidget;

namespace manifold::ui {

class ObjectFieldEditor;

class OneOfFieldEditor : public FieldEditor {
  Q_OBJECT

 public:
  OneOfFieldEditor(const config::ConfigField& field, QWidget* parent);

  // The chosen option's object, with its discriminator (the option's const values).
  nlohmann::json value() const override;
  // Chooses the option the value's discriminator names, else keeps the current one.
  void setValue(const nlohmann::json& value) override;
  QWidget* input() const override;
  void showProblems(const std::vector<config::ConfigProblem>& problems) override;
  bool ownsProblemsUnder() const override { return true; }

  QComboBox* chooser() const { return chooser_; }

 private:
  QComboBox* chooser_ = nullptr;
  QStackedWidget* pages_ = nullptr;
  QList<ObjectFieldEditor*> options_;
};

}  // namespace manifold::ui
