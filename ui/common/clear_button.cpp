#include "ui/common/clear_button.h"

#include <QCoreApplication>
#include <QLineEdit>
#include <QToolButton>

namespace manifold::ui {

namespace {

// "Find text" → "find text", but "API address" stays as it is.
QString inSentence(QString name) {
  if (name.size() > 1 && name[0].isUpper() && name[1].isLower()) name[0] = name[0].toLower();
  return name;
}

}  // namespace

void enableClearButton(QLineEdit* edit, const QString& name) {
  edit->setClearButtonEnabled(true);
  const QString label = name.isEmpty()
                            ? QCoreApplication::translate("ClearButton", "Clear %1").arg(inSentence(edit->accessibleName()))
                            : name;
  for (auto* button : edit->findChildren<QToolButton*>()) button->setAccessibleName(label);
}

}  // namespace manifold::ui
