// The main window's layout: a first start fits the screen and gives the testing values room;
// the layout the user leaves at closing is the one the next start shows.
#include "ui/mainwindow/main_window.h"
#include "ui/mainwindow/window_layout.h"
#include "ui/settings/app_settings.h"

#include <gtest/gtest.h>

#include <QDockWidget>
#include <QGuiApplication>
#include <QScreen>
#include <QTest>

using manifold::ui::AppSettings;
using manifold::ui::MainWindow;

namespace {

QDockWidget* dock(const MainWindow& window, const char* name) {
  return window.findChild<QDockWidget*>(QString::fromLatin1(name));
}

// Each test starts as a first start and leaves no layout behind for the other tests.
class WindowLayout : public ::testing::Test {
 protected:
  void SetUp() override { forget(); }
  void TearDown() override { forget(); }
  static void forget() {
    AppSettings::instance().windowGeometry.reset();
    AppSettings::instance().windowState.reset();
  }
};

}  // namespace

TEST_F(WindowLayout, DefaultSizeTakesMostOfTheScreenButNeverMoreThanIt) {
  const QScreen* screen = QGuiApplication::primaryScreen();
  ASSERT_NE(screen, nullptr);
  const QSize available = screen->availableGeometry().size();
  const QSize size = manifold::ui::defaultWindowSize(screen);
  EXPECT_LE(size.width(), available.width());
  EXPECT_LE(size.height(), available.height());
  EXPECT_GE(size.width(), std::min(1200, available.width()));
  EXPECT_GE(size.height(), std::min(800, available.height()));
  EXPECT_EQ(manifold::ui::defaultWindowSize(nullptr), QSize(1200, 800));
}

TEST_F(WindowLayout, TestingValuesDockIsWideEnoughForAFieldAndItsButton) {
  EXPECT_EQ(manifold::ui::defaultTestingValuesWidth(1000), 400);
  EXPECT_EQ(manifold::ui::defaultTestingValuesWidth(1500), 450);
  EXPECT_EQ(manifold::ui::defaultTestingValuesWidth(2560), 520);
}

TEST_F(WindowLayout, FirstStartOpensTheTestingValuesDockAtItsDefaultWidth) {
  MainWindow window;
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  QDockWidget* testing = dock(window, "testingValuesDock");
  ASSERT_NE(testing, nullptr);
  EXPECT_EQ(window.dockWidgetArea(testing), Qt::RightDockWidgetArea);
  EXPECT_GE(window.width(), 1200);
  EXPECT_EQ(testing->width(), manifold::ui::defaultTestingValuesWidth(window.width()));
}

TEST_F(WindowLayout, TheNextStartShowsTheLayoutLeftAtClosing) {
  int testingWidth = 0;
  QSize windowSize;
  {
    MainWindow window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.resize(window.width() - 40, window.height() - 30);
    QDockWidget* testing = dock(window, "testingValuesDock");
    window.resizeDocks({testing}, {testing->width() + 37}, Qt::Horizontal);
    dock(window, "problemsDock")->raise();
    QTest::qWait(50);
    testingWidth = testing->width();
    windowSize = window.size();
    ASSERT_TRUE(window.close());  // nothing modified: closes without asking
  }
  EXPECT_FALSE(AppSettings::instance().windowState.value().isEmpty());

  MainWindow next;
  next.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&next));
  QTest::qWait(50);
  EXPECT_EQ(next.size(), windowSize);
  EXPECT_EQ(dock(next, "testingValuesDock")->width(), testingWidth);
  EXPECT_FALSE(dock(next, "problemsDock")->visibleRegion().isEmpty()) << "the tab raised at closing is in front";
}

TEST_F(WindowLayout, AnUnreadableSavedLayoutFallsBackToTheDefault) {
  AppSettings::instance().windowGeometry.setValue(QByteArray("not a geometry"));
  AppSettings::instance().windowState.setValue(QByteArray("not a state"));
  MainWindow window;
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  EXPECT_EQ(window.size(), manifold::ui::defaultWindowSize(window.screen()));
  EXPECT_GE(dock(window, "testingValuesDock")->width(), 400);
  EXPECT_TRUE(dock(window, "testingValuesDock")->isVisible());
}
