// A line edit's clear button (QLineEdit::setClearButtonEnabled) is a tool button Qt leaves
// unnamed; screen readers then announce "push button". This turns it on with a name.
#pragma once

#include <QString>

class QLineEdit;

namespace manifold::ui {

// Shows the clear button of `edit` and names it `name`, or "Clear <edit's accessible name>".
void enableClearButton(QLineEdit* edit, const QString& name = {});

}  // namespace manifold::ui
