// Test reads from the panel against servers on 127.0.0.1: pressing Test fills every tab; Cancel
// against a server that hangs gives the GUI back at once, and the stopped read shows nothing more.
#include "tests/support/local_http_server.h"
#include "ui/bridge/test_read_runner.h"
#include "ui/editor/live_validator.h"
#include "ui/editor/yaml_editor.h"
#include "ui/mainwindow/main_window.h"
#include "ui/testpanel/http_message_view.h"
#include "ui/testpanel/page_navigator.h"
#include "ui/testpanel/records_model.h"
#include "ui/testpanel/records_view.h"
#include "ui/testpanel/test_panel.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <thread>

using manifold::testing::LocalHttpServer;
using manifold::ui::MainWindow;
using manifold::ui::TestPanel;
using nlohmann::json;

namespace {

std::string itemsManifest(const std::string& base) {
  return "version: 6.4.0\n"
         "type: DeclarativeSource\n"
         "check: {type: CheckStream, stream_names: [items]}\n"
         "streams:\n"
         "  - type: DeclarativeStream\n"
         "    name: items\n"
         "    primary_key: [id]\n"
         "    retriever:\n"
         "      type: SimpleRetriever\n"
         "      requester:\n"
         "        type: HttpRequester\n"
         "        url_base: " + base + "\n"
         "        path: /items\n"
         "      record_selector:\n"
         "        type: RecordSelector\n"
         "        extractor: {type: DpathExtractor, field_path: [data]}\n"
         "      paginator:\n"
         "        type: DefaultPaginator\n"
         "        pagination_strategy: {type: PageIncrement, page_size: 3, start_from_page: 1}\n"
         "        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}\n";
}

// /items?page=N: two pages of three records, then an empty page.
void servePages(LocalHttpServer& server) {
  server.server().Get("/items", [](const httplib::Request& req, httplib::Response& res) {
    const int page = req.has_param("page") ? std::stoi(req.get_param_value("page")) : 1;
    json data = json::array();
    for (int i = 0; page <= 2 && i < 3; ++i) data.push_back({{"id", (page - 1) * 3 + i}, {"name", "item"}});
    res.set_content(json{{"data", data}}.dump(), "application/json");
  });
}

// /items never answers until released (or 30 s pass), like a server that hangs.
struct HangingServer {
  LocalHttpServer http;
  std::atomic<int> arrived{0};
  std::atomic<bool> released{false};

  HangingServer() {
    http.server().Get("/items", [this](const httplib::Request&, httplib::Response& res) {
      ++arrived;
      const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
      while (!released && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      res.set_content(R"({"data":[{"id":1}]})", "application/json");
    });
    http.start();
  }
  ~HangingServer() { released = true; }
};

void loadManifest(MainWindow& window, const std::string& yaml) {
  window.editor()->setText(QString::fromStdString(yaml));
  window.liveValidator()->validateNow();
  QTRY_COMPARE(window.testPanel()->streamPicker()->count(), 1);
}

}  // namespace

TEST(TestPanelRead, PressingTestShowsPagesRecordsRequestAndResponse) {
  LocalHttpServer server;
  servePages(server);
  server.start();
  MainWindow window;
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  loadManifest(window, itemsManifest(server.baseUrl()));
  TestPanel* panel = window.testPanel();

  QTest::mouseClick(panel->testButton(), Qt::LeftButton);
  QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), 20000);

  EXPECT_EQ(server.requestCount(), 3u);
  EXPECT_EQ(panel->navigator()->totalPageCount(), 3);
  EXPECT_EQ(panel->recordsView()->model()->rowCount(), 6);
  EXPECT_EQ(panel->recordsView()->model()->columnNames(), (QStringList{"id", "name"}));
  EXPECT_TRUE(panel->requestView()->summary().contains(QString::fromStdString(server.baseUrl() + "/items?page=3")))
      << panel->requestView()->summary().toStdString();
  EXPECT_TRUE(panel->responseView()->summary().contains(QStringLiteral("Status 200")));
  panel->navigator()->selectPage(0, 1);
  EXPECT_EQ(panel->recordsView()->model()->rowCount(), 3);
  EXPECT_TRUE(panel->requestView()->summary().endsWith(QStringLiteral("/items?page=2")));
  EXPECT_TRUE(window.testStatus()->text().startsWith(QStringLiteral("Read 6 records from 3 pages in ")))
      << window.testStatus()->text().toStdString();
  EXPECT_FALSE(panel->lastResponse().is_null());
  EXPECT_EQ(panel->lastRecord(), json({{"id", 5}, {"name", "item"}}));
}

TEST(TestPanelRead, CancelAgainstAHangingServerGivesTheGuiBackAtOnce) {
  HangingServer server;
  MainWindow window;
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  loadManifest(window, itemsManifest(server.http.baseUrl()));
  TestPanel* panel = window.testPanel();

  QTest::mouseClick(panel->testButton(), Qt::LeftButton);
  ASSERT_TRUE(panel->isRunning());
  QTRY_COMPARE_WITH_TIMEOUT(server.arrived.load(), 1, 10000);

  // While the server hangs, the event loop runs: timers fire and the editor takes typing.
  bool ticked = false;
  QTimer::singleShot(20, &window, [&ticked] { ticked = true; });
  QTRY_VERIFY(ticked);
  EXPECT_TRUE(panel->isRunning());
  EXPECT_TRUE(panel->cancelButton()->isEnabled());

  // Esc in the panel cancels (the Cancel button has the focus while a read runs).
  ASSERT_TRUE(panel->cancelButton()->hasFocus() || (panel->cancelButton()->setFocus(), true));
  QTest::keyClick(panel->cancelButton(), Qt::Key_Escape);
  EXPECT_FALSE(panel->isRunning());
  EXPECT_TRUE(panel->testButton()->isEnabled());
  EXPECT_FALSE(panel->cancelButton()->isEnabled());
  EXPECT_TRUE(panel->summary().startsWith(QStringLiteral("Cancelled"))) << panel->summary().toStdString();

  // The stopped read never fills the panel, even once the server answers.
  server.released = true;
  QTest::qWait(300);
  EXPECT_EQ(panel->navigator()->totalPageCount(), 0);
  EXPECT_EQ(panel->recordsView()->model()->rowCount(), 0);
  EXPECT_TRUE(panel->summary().startsWith(QStringLiteral("Cancelled")));
}

TEST(TestReadRunner, DropsEverythingFromAReadItCancelled) {
  HangingServer server;
  manifold::ui::TestReadRunner runner;
  QSignalSpy pages(&runner, &manifold::ui::TestReadRunner::pageDone);
  QSignalSpy finished(&runner, &manifold::ui::TestReadRunner::finished);
  manifold::ui::TestReadSpec spec;
  spec.manifestText = QString::fromStdString(itemsManifest(server.http.baseUrl()));
  spec.stream = QStringLiteral("items");
  runner.start(spec);
  QTRY_COMPARE_WITH_TIMEOUT(server.arrived.load(), 1, 10000);
  runner.cancel();
  EXPECT_FALSE(runner.isRunning());
  server.released = true;
  // The thread ends on its own (stopped by the token or by the answer) and is joined.
  QTRY_COMPARE_WITH_TIMEOUT(runner.threadCount(), 0, 20000);
  EXPECT_EQ(pages.count(), 0);
  EXPECT_EQ(finished.count(), 0);

  // A new read on the same runner reports as usual.
  server.released = true;
  runner.start(spec);
  QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
  EXPECT_GE(pages.count(), 1);
}
