#include "ui/settings/settings_dialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "ui/settings/settings_page.h"

namespace manifold::ui {

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent), list_(new QListWidget(this)), stack_(new QStackedWidget(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this)) {
  setWindowTitle(tr("Settings"));
  setAccessibleName(tr("Settings"));
  setObjectName(QStringLiteral("settingsDialog"));
  list_->setAccessibleName(tr("Settings pages"));
  list_->setMaximumWidth(180);
  list_->setMinimumWidth(130);
  buttons_->button(QDialogButtonBox::Ok)->setAccessibleName(tr("OK"));
  buttons_->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
  buttons_->button(QDialogButtonBox::Apply)->setAccessibleName(tr("Apply"));

  auto* body = new QHBoxLayout;
  body->addWidget(list_);
  body->addWidget(stack_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(body, 1);
  layout->addWidget(buttons_);

  connect(list_, &QListWidget::currentRowChanged, stack_, &QStackedWidget::setCurrentIndex);
  connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
    applyAll();
    accept();
  });
  connect(buttons_, &QDialogButtonBox::rejected, this, [this] {
    for (int i = 0; i < stack_->count(); ++i) static_cast<SettingsPage*>(stack_->widget(i))->discard();
    reject();
  });
  connect(buttons_->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &SettingsDialog::applyAll);
  resize(820, 560);
}

void SettingsDialog::addPage(SettingsPage* page) {
  page->setParent(stack_);
  stack_->addWidget(page);
  list_->addItem(page->title());
  if (list_->currentRow() < 0) list_->setCurrentRow(0);
}

bool SettingsDialog::showPage(const QString& title) {
  for (int i = 0; i < stack_->count(); ++i) {
    if (static_cast<SettingsPage*>(stack_->widget(i))->title() == title) {
      list_->setCurrentRow(i);
      return true;
    }
  }
  return false;
}

SettingsPage* SettingsDialog::currentPage() const { return static_cast<SettingsPage*>(stack_->currentWidget()); }

int SettingsDialog::pageCount() const { return stack_->count(); }

void SettingsDialog::applyAll() {
  for (int i = 0; i < stack_->count(); ++i) static_cast<SettingsPage*>(stack_->widget(i))->apply();
}

}  // namespace manifold::ui
