// The fields of an object, one labelled row each; nested objects and choices in group boxes.
#include "ui/testing_values/object_field_editor.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace manifold::ui {

using config::FieldKind;

namespace {

bool isContainer(const config::ConfigField& field) {
  return field.kind == FieldKind::Object || field.kind == FieldKind::OneOf ||
         (field.kind == FieldKind::List && !field.items.empty() && field.items.front().kind == FieldKind::Object);
}

QString labelText(const config::ConfigField& field) {
  const QString title = QString::fromStdString(field.title);
  return field.required ? title + QStringLiteral(" *") : title;
}

}  // namespace

QLabel* createProblemLabel(QWidget* parent) {
  auto* label = new QLabel(parent);
  label->setWordWrap(true);
  label->setTextFormat(Qt::PlainText);
  QPalette palette = label->palette();
  const bool dark = palette.color(QPalette::Window).lightness() < 128;
  palette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c));
  label->setPalette(palette);
  label->hide();
  return label;
}

void showProblemText(QLabel* label, const QStringList& messages) {
  QStringList lines;
  for (const QString& m : messages) lines << QStringLiteral("⚠ ") + m;
  label->setText(lines.join(QLatin1Char('\n')));
  label->setAccessibleName(messages.isEmpty() ? QString() : messages.join(QStringLiteral("; ")));
  label->setVisible(!messages.isEmpty());
}

ObjectFieldEditor::ObjectFieldEditor(const config::ConfigField& field, QWidget* parent)
    : FieldEditor(field, parent) {
  form_ = new QFormLayout(this);
  form_->setContentsMargins(0, 0, 0, 0);
  form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  form_->setRowWrapPolicy(QFormLayout::DontWrapRows);
  for (const auto& child : field.fields) {
    if (child.hidden || !child.constValue.is_null()) continue;  // kept or written, not shown
    addRow(createFieldEditor(child, this));
  }
}

void ObjectFieldEditor::addRow(FieldEditor* editor) {
  const config::ConfigField& child = editor->field();
  connect(editor, &FieldEditor::edited, this, &FieldEditor::edited);
  if (isContainer(child)) {
    auto* box = new QGroupBox(labelText(child), this);
    box->setAccessibleName(QString::fromStdString(child.title));
    if (!child.description.empty()) box->setToolTip(QString::fromStdString(child.description));
    auto* layout = new QVBoxLayout(box);
    editor->setParent(box);
    layout->addWidget(editor);
    QLabel* problem = createProblemLabel(box);
    layout->addWidget(problem);
    form_->addRow(box);
    problem_labels_ << problem;
  } else {
    auto* cell = new QWidget(this);
    auto* layout = new QVBoxLayout(cell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    editor->setParent(cell);
    layout->addWidget(editor);
    QLabel* problem = createProblemLabel(cell);
    layout->addWidget(problem);
    auto* label = new QLabel(labelText(child), this);
    label->setBuddy(editor->input());
    if (!child.description.empty()) label->setToolTip(QString::fromStdString(child.description));
    form_->addRow(label, cell);
    problem_labels_ << problem;
  }
  editors_ << editor;
}

nlohmann::json ObjectFieldEditor::value() const {
  nlohmann::json out = kept_;
  for (const auto& child : field().fields) {
    if (!child.constValue.is_null()) out[child.key] = child.constValue;
  }
  for (const FieldEditor* editor : editors_) {
    nlohmann::json v = editor->value();
    if (v.is_null()) {
      out.erase(editor->field().key);
    } else {
      out[editor->field().key] = std::move(v);
    }
  }
  if (out.empty() && !field().key.empty() && !field().required) return nullptr;
  return out;
}

void ObjectFieldEditor::setValue(const nlohmann::json& value) {
  kept_ = value.is_object() ? value : nlohmann::json::object();
  for (FieldEditor* editor : editors_) {
    const std::string& key = editor->field().key;
    auto it = kept_.find(key);
    editor->setValue(it == kept_.end() ? nlohmann::json() : *it);
    if (it != kept_.end()) kept_.erase(it);
  }
  for (const auto& child : field().fields) {
    if (!child.constValue.is_null()) kept_.erase(child.key);
  }
}

QWidget* ObjectFieldEditor::input() const {
  return editors_.isEmpty() ? const_cast<ObjectFieldEditor*>(this) : editors_.front()->input();
}

void ObjectFieldEditor::showProblems(const std::vector<config::ConfigProblem>& problems) {
  for (int i = 0; i < editors_.size(); ++i) {
    FieldEditor* editor = editors_[i];
    const std::string& pointer = editor->field().pointer;
    QStringList messages;
    for (const auto& p : problems) {
      const bool under = p.pointer.size() > pointer.size() && p.pointer.compare(0, pointer.size(), pointer) == 0 &&
                         p.pointer[pointer.size()] == '/';
      if (p.pointer == pointer || (under && !editor->ownsProblemsUnder())) {
        messages << QString::fromStdString(p.message);
      }
    }
    showProblemText(problem_labels_[i], messages);
    editor->showProblems(problems);
  }
}

}  // namespace manifold::ui
