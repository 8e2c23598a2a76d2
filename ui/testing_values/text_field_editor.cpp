// A line edit for text, numbers, dates and secrets (hidden echo with a show toggle).
#include "ui/testing_values/text_field_editor.h"

#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <QWidgetAction>

namespace manifold::ui {

using config::FieldKind;

TextFieldEditor::TextFieldEditor(const config::ConfigField& field, QWidget* parent) : FieldEditor(field, parent) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  edit_ = new QLineEdit(this);
  describeInput(edit_);
  QString hint = QString::fromStdString(field.hint());
  if (hint.isEmpty() && field.format == "date-time") hint = QStringLiteral("YYYY-MM-DDTHH:MM:SSZ");
  if (hint.isEmpty() && field.format == "date") hint = QStringLiteral("YYYY-MM-DD");
  if (hint.isEmpty() && field.kind == FieldKind::Other) hint = tr("JSON value");
  edit_->setPlaceholderText(hint);
  layout->addWidget(edit_, 1);
  connect(edit_, &QLineEdit::textEdited, this, &FieldEditor::edited);

  if (field.secret) {
    edit_->setEchoMode(QLineEdit::Password);
    reveal_ = new QToolButton(this);
    reveal_->setText(tr("Show"));
    reveal_->setCheckable(true);
    reveal_->setAccessibleName(tr("Show %1").arg(QString::fromStdString(field.title)));
    reveal_->setToolTip(tr("Show or hide the value"));
    connect(reveal_, &QToolButton::toggled, this, [this](bool shown) {
      edit_->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
      reveal_->setText(shown ? tr("Hide") : tr("Show"));
    });
    layout->addWidget(reveal_);
  }
  if (field.isDate()) addDatePicker();
  setFocusProxy(edit_);
}

void TextFieldEditor::addDatePicker() {
  auto* button = new QToolButton(this);
  button->setText(tr("Pick…"));
  button->setAccessibleName(tr("Pick %1").arg(QString::fromStdString(field().title)));
  button->setToolTip(tr("Choose a date from a calendar"));
  button->setPopupMode(QToolButton::InstantPopup);
  auto* menu = new QMenu(button);
  auto* calendar = new QCalendarWidget(menu);
  calendar->setAccessibleName(tr("Calendar"));
  auto* action = new QWidgetAction(menu);
  action->setDefaultWidget(calendar);
  menu->addAction(action);
  button->setMenu(menu);
  connect(calendar, &QCalendarWidget::clicked, this, [this, menu](QDate date) {
    QString text = date.toString(Qt::ISODate);
    if (field().format == "date-time") text += QStringLiteral("T00:00:00Z");
    edit_->setText(text);
    menu->close();
    emit edited();
  });
  layout()->addWidget(button);
}

nlohmann::json TextFieldEditor::value() const {
  const QString text = edit_->text();
  if (text.trimmed().isEmpty()) return nullptr;
  const QByteArray utf8 = text.toUtf8();
  switch (field().kind) {
    case FieldKind::Integer: {
      bool ok = false;
      const qlonglong n = text.trimmed().toLongLong(&ok);
      if (ok) return n;
      break;
    }
    case FieldKind::Number: {
      bool ok = false;
      const qlonglong n = text.trimmed().toLongLong(&ok);
      if (ok) return n;
      const double d = text.trimmed().toDouble(&ok);
      if (ok) return d;
      break;
    }
    case FieldKind::Other: {
      auto parsed = nlohmann::json::parse(utf8.constData(), utf8.constData() + utf8.size(), nullptr, false);
      if (!parsed.is_discarded()) return parsed;
      break;
    }
    default:
      break;
  }
  return utf8.toStdString();
}

void TextFieldEditor::setValue(const nlohmann::json& value) {
  const std::string text = field().kind == FieldKind::Other && !value.is_string() && !value.is_null()
                               ? value.dump()
                               : config::displayText(value);
  edit_->setText(QString::fromStdString(text));
}

QWidget* TextFieldEditor::input() const { return edit_; }

}  // namespace manifold::ui
