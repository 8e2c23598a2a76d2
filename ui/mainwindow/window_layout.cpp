#include "ui/mainwindow/window_layout.h"

#include "ui/settings/app_settings.h"

#include <QDockWidget>
#include <QEvent>
#include <QGuiApplication>
#include <QMainWindow>
#include <QScreen>

#include <algorithm>
#include <utility>

namespace manifold::ui {
namespace {

// Bumped when the docks change, so a layout saved by an older build is not applied to new docks.
constexpr int kLayoutVersion = 1;

void applyDefaultLayout(QMainWindow& window, const LayoutDocks& docks) {
  const QSize size = defaultWindowSize(window.screen() ? window.screen() : QGuiApplication::primaryScreen());
  window.resize(size);
  if (docks.outline) window.resizeDocks({docks.outline}, {std::clamp(size.width() / 5, 220, 320)}, Qt::Horizontal);
  if (docks.testingValues) {
    window.resizeDocks({docks.testingValues}, {defaultTestingValuesWidth(size.width())}, Qt::Horizontal);
  }
  if (docks.results) window.resizeDocks({docks.results}, {std::clamp(size.height() * 3 / 10, 220, 420)}, Qt::Vertical);
}

// Applies a saved dock layout when the window is first shown (its layout has the restored size
// by then), or the default layout when Qt cannot read the saved one; then deletes itself.
class StateRestorer : public QObject {
 public:
  StateRestorer(QMainWindow& window, QByteArray state, const LayoutDocks& docks)
      : QObject(&window), window_(window), state_(std::move(state)), docks_(docks) {
    window.installEventFilter(this);
  }

  bool eventFilter(QObject* watched, QEvent* event) override {
    if (watched == &window_ && event->type() == QEvent::Show) {
      window_.removeEventFilter(this);
      if (!window_.restoreState(state_, kLayoutVersion)) applyDefaultLayout(window_, docks_);
      deleteLater();
    }
    return false;
  }

 private:
  QMainWindow& window_;
  QByteArray state_;
  LayoutDocks docks_;
};

}  // namespace

QSize defaultWindowSize(const QScreen* screen) {
  const QSize wanted(1200, 800);
  if (!screen) return wanted;
  const QSize available = screen->availableGeometry().size();
  const QSize most(available.width() * 9 / 10, available.height() * 9 / 10);
  return most.expandedTo(wanted).boundedTo(available);
}

int defaultTestingValuesWidth(int windowWidth) { return std::clamp(windowWidth * 3 / 10, 400, 520); }

void restoreWindowLayout(QMainWindow& window, const LayoutDocks& docks) {
  AppSettings& settings = AppSettings::instance();
  const QByteArray geometry = settings.windowGeometry.value();
  const QByteArray state = settings.windowState.value();
  if (geometry.isEmpty() || state.isEmpty() || !window.restoreGeometry(geometry)) {
    applyDefaultLayout(window, docks);
    return;
  }
  // Dock sizes are kept only when the state is applied to a laid-out window: before the first
  // show Qt scales them to the unshown window's size, so apply it as the window is shown.
  new StateRestorer(window, state, docks);
}

void saveWindowLayout(const QMainWindow& window) {
  AppSettings& settings = AppSettings::instance();
  settings.windowGeometry.setValue(window.saveGeometry());
  settings.windowState.setValue(window.saveState(kLayoutVersion));
}

}  // namespace manifold::ui
