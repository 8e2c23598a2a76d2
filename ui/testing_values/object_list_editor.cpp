// A list of objects: one group of fields per element, with Add and Remove.
#include "ui/testing_values/object_list_editor.h"

#include "core/manifest/json_pointer.h"
#include "ui/testing_values/object_field_editor.h"

#include <QGroupBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace manifold::ui {

ObjectListEditor::ObjectListEditor(const config::ConfigField& field, QWidget* parent) : FieldEditor(field, parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  rows_ = new QVBoxLayout;
  layout->addLayout(rows_);
  add_ = new QPushButton(tr("Add"), this);
  add_->setAccessibleName(tr("Add to %1").arg(QString::fromStdString(field.title)));
  layout->addWidget(add_, 0, Qt::AlignLeft);
  connect(add_, &QPushButton::clicked, this, &ObjectListEditor::addElement);
}

void ObjectListEditor::rebuild(const nlohmann::json& elements) {
  qDeleteAll(frames_);
  frames_.clear();
  elements_.clear();
  if (!elements.is_array() || field().items.empty()) return;
  const QString title = QString::fromStdString(field().title);
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const int index = static_cast<int>(i);
    const auto item = config::withPointerPrefix(field().items.front(), manifest::childPointer(field().pointer, i));
    auto* frame = new QGroupBox(tr("%1 %2").arg(title).arg(index + 1), this);
    auto* layout = new QVBoxLayout(frame);
    auto* editor = new ObjectFieldEditor(item, frame);
    editor->setValue(elements[i]);
    connect(editor, &FieldEditor::edited, this, &FieldEditor::edited);
    layout->addWidget(editor);
    auto* remove = new QPushButton(tr("Remove"), frame);
    remove->setAccessibleName(tr("Remove %1 %2").arg(title).arg(index + 1));
    connect(remove, &QPushButton::clicked, this, [this, index] { removeElement(index); });
    layout->addWidget(remove, 0, Qt::AlignRight);
    rows_->addWidget(frame);
    frames_ << frame;
    elements_ << editor;
  }
}

void ObjectListEditor::addElement() {
  nlohmann::json elements = value();
  if (!elements.is_array()) elements = nlohmann::json::array();
  elements.push_back(nlohmann::json::object());
  rebuild(elements);
  elements_.back()->input()->setFocus();
  emit edited();
}

void ObjectListEditor::removeElement(int index) {
  nlohmann::json elements = value();
  if (!elements.is_array() || index < 0 || index >= static_cast<int>(elements.size())) return;
  elements.erase(static_cast<std::size_t>(index));
  // Deleting the frame that holds the clicked button must wait until its signal returns.
  QMetaObject::invokeMethod(this, [this, elements] {
    rebuild(elements);
    add_->setFocus();
    emit edited();
  }, Qt::QueuedConnection);
}

nlohmann::json ObjectListEditor::value() const {
  if (elements_.isEmpty()) return nullptr;
  nlohmann::json out = nlohmann::json::array();
  for (const ObjectFieldEditor* e : elements_) {
    nlohmann::json v = e->value();
    out.push_back(v.is_null() ? nlohmann::json::object() : v);
  }
  return out;
}

void ObjectListEditor::setValue(const nlohmann::json& value) { rebuild(value); }

QWidget* ObjectListEditor::input() const { return add_; }

void ObjectListEditor::showProblems(const std::vector<config::ConfigProblem>& problems) {
  for (ObjectFieldEditor* e : elements_) e->showProblems(problems);
}

}  // namespace manifold::ui
