// A list of plain values (strings, numbers): an editable list with Add and Remove.
#include "ui/testing_values/value_list_editor.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace manifold::ui {

using config::FieldKind;

ValueListEditor::ValueListEditor(const config::ConfigField& field, QWidget* parent) : FieldEditor(field, parent) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  list_ = new QListWidget(this);
  describeInput(list_);
  if (const std::string hint = field.hint(); !hint.empty()) {
    list_->setToolTip(list_->toolTip() + (list_->toolTip().isEmpty() ? QString() : QStringLiteral("\n")) +
                      tr("For example: %1").arg(QString::fromStdString(hint)));
  }
  list_->setMaximumHeight(QFontMetrics(font()).height() * 6);
  layout->addWidget(list_, 1);
  auto* buttons = new QVBoxLayout;
  const QString title = QString::fromStdString(field.title);
  add_ = new QPushButton(tr("Add"), this);
  add_->setAccessibleName(tr("Add to %1").arg(title));
  remove_ = new QPushButton(tr("Remove"), this);
  remove_->setAccessibleName(tr("Remove from %1").arg(title));
  buttons->addWidget(add_);
  buttons->addWidget(remove_);
  buttons->addStretch(1);
  layout->addLayout(buttons);
  connect(add_, &QPushButton::clicked, this, &ValueListEditor::addEntry);
  connect(remove_, &QPushButton::clicked, this, &ValueListEditor::removeCurrentEntry);
  connect(list_, &QListWidget::itemChanged, this, &FieldEditor::edited);
  setFocusProxy(list_);
}

void ValueListEditor::addEntry() {
  auto* item = new QListWidgetItem(list_);  // owned by the list
  item->setFlags(item->flags() | Qt::ItemIsEditable);
  list_->setCurrentItem(item);
  list_->editItem(item);
}

void ValueListEditor::removeCurrentEntry() {
  const int row = list_->currentRow();
  if (row < 0) return;
  delete list_->takeItem(row);
  emit edited();
}

nlohmann::json ValueListEditor::value() const {
  nlohmann::json out = nlohmann::json::array();
  const FieldKind kind = field().items.empty() ? FieldKind::String : field().items.front().kind;
  for (int i = 0; i < list_->count(); ++i) {
    const QString text = list_->item(i)->text().trimmed();
    if (text.isEmpty()) continue;
    bool ok = false;
    if (kind == FieldKind::Integer || kind == FieldKind::Number) {
      const qlonglong n = text.toLongLong(&ok);
      if (ok) {
        out.push_back(n);
        continue;
      }
      const double d = text.toDouble(&ok);
      if (ok && kind == FieldKind::Number) {
        out.push_back(d);
        continue;
      }
    }
    out.push_back(text.toStdString());
  }
  if (out.empty()) return nullptr;
  return out;
}

void ValueListEditor::setValue(const nlohmann::json& value) {
  const QSignalBlocker block(list_);
  list_->clear();
  if (!value.is_array()) return;
  for (const auto& v : value) {
    auto* item = new QListWidgetItem(QString::fromStdString(config::displayText(v)), list_);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
  }
}

QWidget* ValueListEditor::input() const { return list_; }

}  // namespace manifold::ui
