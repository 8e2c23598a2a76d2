// "1 record", "25 records": a count with its noun in the right number.
#pragma once

#include <QString>

namespace manifold::ui {

// English plurals without a translator loaded (tr's "%n item(s)" prints "(s)" literally).
QString countText(qint64 count, const QString& singular, const QString& plural);

}  // namespace manifold::ui
