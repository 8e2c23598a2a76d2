// SettingsPage: one page of the Settings dialog. A page edits a copy of its settings and writes
// them in apply(), only what changed (like Qt Creator's option pages).
#pragma once

#include <QWidget>

namespace manifold::ui {

class SettingsPage : public QWidget {
  Q_OBJECT

 public:
  using QWidget::QWidget;

  // The name in the dialog's page list ("GitHub").
  virtual QString title() const = 0;
  // Writes the page's edits to the settings (OK and Apply).
  virtual void apply() = 0;
  // Drops unsaved edits (Cancel); by default nothing to do.
  virtual void discard() {}
};

}  // namespace manifold::ui
