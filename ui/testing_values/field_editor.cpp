// FieldEditor: the widget that edits one field of the testing-values form.
#include "ui/testing_values/field_editor.h"

#include "ui/testing_values/boolean_field_editor.h"
#include "ui/testing_values/enum_field_editor.h"
#include "ui/testing_values/object_field_editor.h"
#include "ui/testing_values/object_list_editor.h"
#include "ui/testing_values/one_of_field_editor.h"
#include "ui/testing_values/text_field_editor.h"
#include "ui/testing_values/value_list_editor.h"

namespace manifold::ui {

FieldEditor::FieldEditor(config::ConfigField field, QWidget* parent)
    : QWidget(parent), field_(std::move(field)) {}

void FieldEditor::showProblems(const std::vector<config::ConfigProblem>&) {}

void FieldEditor::describeInput(QWidget* input) const {
  input->setAccessibleName(QString::fromStdString(field_.title));
  QString description = QString::fromStdString(field_.description);
  if (field_.required) description = tr("Required. ") + description;
  input->setAccessibleDescription(description.trimmed());
  if (!field_.description.empty()) input->setToolTip(QString::fromStdString(field_.description));
}

FieldEditor* createFieldEditor(const config::ConfigField& field, QWidget* parent) {
  using config::FieldKind;
  switch (field.kind) {
    case FieldKind::Boolean: return new BooleanFieldEditor(field, parent);
    case FieldKind::Enum: return new EnumFieldEditor(field, parent);
    case FieldKind::Object: return new ObjectFieldEditor(field, parent);
    case FieldKind::OneOf: return new OneOfFieldEditor(field, parent);
    case FieldKind::List:
      if (!field.items.empty() && field.items.front().kind == FieldKind::Object) {
        return new ObjectListEditor(field, parent);
      }
      return new ValueListEditor(field, parent);
    case FieldKind::String:
    case FieldKind::Integer:
    case FieldKind::Number:
    case FieldKind::Other: return new TextFieldEditor(field, parent);
  }
  return new TextFieldEditor(field, parent);
}

}  // namespace manifold::ui
