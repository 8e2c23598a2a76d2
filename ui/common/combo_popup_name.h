// A QComboBox's popup list is a separate accessible object; without a name of its own a screen
// reader announces an unnamed list (docs/accessibility.md). Call after naming the combo box.
#pragma once

#include <QAbstractItemView>
#include <QComboBox>
#include <QCoreApplication>

namespace manifold::ui {

inline void nameComboPopup(QComboBox* combo) {
  combo->view()->setAccessibleName(
      QCoreApplication::translate("manifold::ui", "%1 choices").arg(combo->accessibleName()));
}

}  // namespace manifold::ui
