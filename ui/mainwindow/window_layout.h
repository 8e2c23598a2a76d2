// Where the main window and its docks sit: the layout the user left at the last close, or on a
// first start a default fitted to the screen, so the editor and the testing-values form both
// have room to work in.
#pragma once

#include <QSize>

class QDockWidget;
class QMainWindow;
class QScreen;

namespace manifold::ui {

// The docks whose first-start size the default layout sets.
struct LayoutDocks {
  QDockWidget* outline = nullptr;        // left
  QDockWidget* testingValues = nullptr;  // right
  QDockWidget* results = nullptr;        // bottom
};

// The first-start window size: most of the screen's available area, but at least 1200×800
// where the screen has it, and never larger than the screen.
QSize defaultWindowSize(const QScreen* screen);

// The first-start width of the testing-values dock for a window `windowWidth` wide: wide enough
// for a label, a date-time field and its Pick button side by side.
int defaultTestingValuesWidth(int windowWidth);

// Restores the geometry and dock layout saved by saveWindowLayout. Without a saved layout (or
// with one Qt cannot apply, e.g. from an older version), sizes the window and the docks by
// default. Call once, after the docks exist.
void restoreWindowLayout(QMainWindow& window, const LayoutDocks& docks);

// Saves the window's geometry and dock layout for the next start.
void saveWindowLayout(const QMainWindow& window);

}  // namespace manifold::ui
