// "1 record", "25 records": a count with its noun in the right number.
#include "ui/common/count_text.h"

#include <QLocale>

namespace manifold::ui {

QString countText(qint64 count, const QString& singular, const QString& plural) {
  return QLocale().toString(count) + QLatin1Char(' ') + (count == 1 ? singular : plural);
}

}  // namespace manifold::ui
