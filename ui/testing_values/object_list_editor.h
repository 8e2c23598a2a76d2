// A list of objects: one group of fields per element, with Add and Remove.
#pragma once

#include "ui/testing_values/field_editor.h"

#include <QList>

class QPushButton;
class QVBoxLayout;

namespace manifold::ui {

class ObjectFieldEditor;

class ObjectListEditor : public FieldEditor {
  Q_OBJECT

 public:
  ObjectListEditor(const config::ConfigField& field, QWidget* parent);

  nlohmann::json value() const override;  // null when the list is empty
  void setValue(const nlohmann::json& value) override;
  QWidget* input() const override;
  void showProblems(const std::vector<config::ConfigProblem>& problems) override;
  bool ownsProblemsUnder() const override { return true; }

  void addElement();
  void removeElement(int index);
  int count() const { return static_cast<int>(elements_.size()); }

 private:
  void rebuild(const nlohmann::json& elements);

  QVBoxLayout* rows_ = nullptr;
  QPushButton* add_ = nullptr;
  QList<ObjectFieldEditor*> elements_;
  QList<QWidget*> frames_;
};

}  // namespace manifold::ui
