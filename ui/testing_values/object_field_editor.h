// The fields of an object, one labelled row each; nested objects and choices in group boxes.
#pragma once

#include "ui/testing_values/field_editor.h"

#include <QList>

class QFormLayout;
class QLabel;

namespace manifold::ui {

class ObjectFieldEditor : public FieldEditor {
  Q_OBJECT

 public:
  ObjectFieldEditor(const config::ConfigField& field, QWidget* parent);

  // The object with every set field; keys the form does not show (hidden fields, keys the
  // spec does not declare) are kept as they were given. Null for an empty nested object.
  nlohmann::json value() const override;
  void setValue(const nlohmann::json& value) override;
  QWidget* input() const override;
  void showProblems(const std::vector<config::ConfigProblem>& problems) override;
  bool ownsProblemsUnder() const override { return true; }

  const QList<FieldEditor*>& editors() const { return editors_; }

 private:
  void addRow(FieldEditor* editor);

  QFormLayout* form_ = nullptr;
  QList<FieldEditor*> editors_;
  QList<QLabel*> problem_labels_;  // one per editor, under it
  nlohmann::json kept_ = nlohmann::json::object();
};

// Shows "⚠ message" lines in `label`, hidden when there are none; icon and words, not colour alone.
void showProblemText(QLabel* label, const QStringList& messages);
QLabel* createProblemLabel(QWidget* parent);

}  // namespace manifold::ui
