// The Hosts dock and the question before a forked connector's first test read sends credentials
// to another host, against servers on 127.0.0.1 (and "localhost" as the other host).
#include "tests/support/local_http_server.h"
#include "ui/editor/yaml_editor.h"
#include "ui/hosts/hosts_view.h"
#include "ui/mainwindow/main_window.h"
#include "ui/secrets/memory_secret_store.h"
#include "ui/testpanel/test_panel.h"

#include <gtest/gtest.h>

#include <atomic>

#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using manifold::testing::LocalHttpServer;
using manifold::ui::HostsView;
using manifold::ui::MainWindow;
using manifold::ui::UiContactedHost;
using nlohmann::json;

namespace {

void writeFile(const QString& path, const std::string& text) {
  QDir().mkpath(QFileInfo(path).absolutePath());
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly)) << path.toStdString();
  f.write(QByteArray::fromStdString(text));
}

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// One stream at `base`/items; with `tokenUrl`, an OAuth authenticator refreshing there.
std::string manifestFor(const std::string& base, const std::string& tokenUrl = "") {
  std::string auth;
  if (!tokenUrl.empty()) {
    auth = "        authenticator:\n"
           "          type: OAuthAuthenticator\n"
           "          token_refresh_endpoint: " + tokenUrl + "\n"
           "          client_id: the-client\n"
           "          client_secret: the-client-secret\n"
           "          refresh_token: the-refresh-token\n";
  }
  return "version: 6.7.0\n"
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
         "        path: /items\n" + auth +
         "      record_selector:\n"
         "        type: RecordSelector\n"
         "        extractor: {type: DpathExtractor, field_path: [data]}\n";
}

struct Server {
  LocalHttpServer http;
  std::atomic<int> items{0};
  std::atomic<int> tokens{0};
  Server() {
    http.server().Get("/items", [this](const httplib::Request&, httplib::Response& res) {
      ++items;
      res.set_content(R"({"data":[{"id":1},{"id":2}]})", "application/json");
    });
    http.server().Post("/token", [this](const httplib::Request&, httplib::Response& res) {
      ++tokens;
      res.set_content(R"({"access_token":"the-access-token","expires_in":3600})", "application/json");
    });
    http.start();
  }
  int port() const { return http.port(); }
};

constexpr const char* kOrigin =
    "origin:\n"
    "  catalog: bundled\n"
    "  path: manifests/items\n"
    "  version: 0.1.0\n"
    "  date: 2026-12-07T10:00:00Z\n";

struct Window {
  Window() {
    window.setSecretStore(new manifold::ui::MemorySecretStore);
    window.resize(1300, 820);
    window.show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
  }
  void open(const QString& dir) {
    ASSERT_TRUE(window.openConnector(dir));
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.testPanel()->streamPicker()->count() == 1; }, 10000));
  }
  HostsView* hosts() { return window.hostsView(); }
  const UiContactedHost* host(const QString& name) {
    for (const auto& h : hosts()->report().contacted) {
      if (h.host == name) return &h;
    }
    return nullptr;
  }
  QMessageBox* question() { return window.findChild<QMessageBox*>(QStringLiteral("credentialHostsQuestion")); }
  MainWindow window;
};

}  // namespace

TEST(HostsView, ShowsContactedAgainstDeclaredHostsAndAddsWhatTestReadsSaw) {
  Server server;
  QTemporaryDir dir;
  const std::string base = "http://127.0.0.1:" + std::to_string(server.port());
  writeFile(dir.filePath("manifest.yaml"), manifestFor(base, "https://auth.example.com/oauth/token"));
  writeFile(dir.filePath("metadata.yaml"),
            "data:\n  name: source-items\n  allowedHosts:\n    hosts:\n      - auth.example.com\n      - cdn.example.com\n");
  Window w;
  w.open(dir.path());

  // The dock and its list carry the names docs/accessibility.md lists.
  auto* dock = w.window.findChild<QDockWidget*>(QStringLiteral("hostsDock"));
  ASSERT_NE(dock, nullptr);
  EXPECT_EQ(dock->accessibleName(), QStringLiteral("Hosts"));
  EXPECT_EQ(w.hosts()->tree()->accessibleName(), QStringLiteral("Hosts list"));

  ASSERT_TRUE(QTest::qWaitFor([&] { return w.hosts()->report().contacted.size() == 2; }, 10000));
  const auto* api = w.host(QStringLiteral("127.0.0.1"));
  ASSERT_NE(api, nullptr);
  EXPECT_EQ(api->status, UiContactedHost::Status::Undeclared);
  EXPECT_EQ(api->sources, QStringList{QStringLiteral("url_base")});
  EXPECT_EQ(api->line, 12);
  const auto* auth = w.host(QStringLiteral("auth.example.com"));
  ASSERT_NE(auth, nullptr);
  EXPECT_EQ(auth->status, UiContactedHost::Status::Declared);
  EXPECT_EQ(auth->sources, QStringList{QStringLiteral("OAuth token endpoint")});
  EXPECT_EQ(w.hosts()->report().warnings.size(), 1);
  EXPECT_EQ(dock->windowTitle(), QStringLiteral("Hosts (1)"));
  EXPECT_TRUE(w.hosts()->summary().contains(QStringLiteral("2 hosts contacted, 1 not declared")))
      << w.hosts()->summary().toStdString();
  // Declared but never contacted: a note, not a warning.
  EXPECT_TRUE(w.hosts()->report().notes.join(QLatin1Char('\n')).contains(QStringLiteral("'cdn.example.com'")));

  // Enter on the host jumps to the line that names it.
  auto* tree = w.hosts()->tree();
  QTreeWidgetItem* row = tree->topLevelItem(0)->child(0);
  ASSERT_EQ(row->text(0), QStringLiteral("127.0.0.1"));
  tree->setFocus();
  tree->setCurrentItem(row);
  QTest::keyClick(tree, Qt::Key_Return);
  int line = 0, index = 0;
  w.window.editor()->getCursorPosition(&line, &index);
  EXPECT_EQ(line + 1, 12);

  // A plain read (no token endpoint) records the host it contacted, and the view adds "test read".
  w.window.editor()->setText(QString::fromStdString(manifestFor(base)));
  ASSERT_TRUE(QTest::qWaitFor([&] { return w.hosts()->report().contacted.size() == 1; }, 10000));
  QTest::mouseClick(w.window.testPanel()->testButton(), Qt::LeftButton);
  QTRY_VERIFY_WITH_TIMEOUT(!w.window.testPanel()->isRunning(), 20000);
  EXPECT_EQ(server.items.load(), 1);
  QTRY_VERIFY_WITH_TIMEOUT(w.host(QStringLiteral("127.0.0.1")) != nullptr &&
                               w.host(QStringLiteral("127.0.0.1"))->sources.contains(QStringLiteral("test read")),
                           10000);
  QTRY_VERIFY_WITH_TIMEOUT(readAll(dir.filePath(".manifold/last_test_read.json")).contains("\"127.0.0.1\""), 10000);

  // A new session on the folder still knows what test reads saw.
  Window again;
  again.open(dir.path());
  QTRY_VERIFY_WITH_TIMEOUT(again.host(QStringLiteral("127.0.0.1")) != nullptr &&
                               again.host(QStringLiteral("127.0.0.1"))->sources.contains(QStringLiteral("test read")),
                           10000);
}

// The second page's link names "localhost": a host the manifest does not name and metadata.yaml
// does not declare, seen only by the test read.
TEST(HostsView, AHostOnlyATestReadSawAndTheDeclarationLacksIsAWarningNamingIt) {
  LocalHttpServer server;
  std::atomic<int> pages{0};
  server.server().Get("/items", [&](const httplib::Request& req, httplib::Response& res) {
    ++pages;
    json body{{"data", json::array({{{"id", pages.load()}}})}};
    if (!req.has_param("page")) body["next"] = "http://localhost:" + std::to_string(server.port()) + "/items?page=2";
    res.set_content(body.dump(), "application/json");
  });
  server.start();
  QTemporaryDir dir;
  const std::string base = "http://127.0.0.1:" + std::to_string(server.port());
  std::string manifest = manifestFor(base);
  const std::string selector = "      record_selector:\n";
  manifest.insert(manifest.find(selector),
                  "      paginator:\n"
                  "        type: DefaultPaginator\n"
                  "        pagination_strategy:\n"
                  "          type: CursorPagination\n"
                  "          cursor_value: \"{{ response.next }}\"\n"
                  "          stop_condition: \"{{ not response.next }}\"\n"
                  "        page_token_option: {type: RequestPath}\n");
  writeFile(dir.filePath("manifest.yaml"), manifest);
  writeFile(dir.filePath("metadata.yaml"), "data:\n  name: source-items\n  allowedHosts:\n    hosts:\n      - 127.0.0.1\n");
  Window w;
  w.open(dir.path());
  auto* dock = w.window.findChild<QDockWidget*>(QStringLiteral("hostsDock"));
  ASSERT_NE(dock, nullptr);

  // Before the read: the one url_base host, declared.
  ASSERT_TRUE(QTest::qWaitFor([&] { return w.hosts()->report().contacted.size() == 1; }, 10000));
  EXPECT_EQ(w.hosts()->report().contacted.front().status, UiContactedHost::Status::Declared);
  EXPECT_TRUE(w.hosts()->report().warnings.isEmpty());
  EXPECT_EQ(dock->windowTitle(), QStringLiteral("Hosts"));

  QTest::mouseClick(w.window.testPanel()->testButton(), Qt::LeftButton);
  QTRY_VERIFY_WITH_TIMEOUT(!w.window.testPanel()->isRunning(), 20000);
  EXPECT_EQ(pages.load(), 2);

  QTRY_VERIFY_WITH_TIMEOUT(w.host(QStringLiteral("localhost")) != nullptr, 10000);
  const auto* seen = w.host(QStringLiteral("localhost"));
  EXPECT_EQ(seen->sources, QStringList{QStringLiteral("test read")});
  EXPECT_EQ(seen->status, UiContactedHost::Status::Undeclared);
  EXPECT_EQ(w.host(QStringLiteral("127.0.0.1"))->status, UiContactedHost::Status::Declared);
  ASSERT_EQ(w.hosts()->report().warnings.size(), 1);
  EXPECT_TRUE(w.hosts()->report().warnings.front().startsWith(QStringLiteral("localhost (test read)")))
      << w.hosts()->report().warnings.front().toStdString();
  EXPECT_EQ(dock->windowTitle(), QStringLiteral("Hosts (1)"));
  // The warning is on screen: in the summary line and on the host's row.
  auto* summary = w.hosts()->findChild<QLabel*>(QStringLiteral("hostsSummary"));
  ASSERT_NE(summary, nullptr);
  EXPECT_TRUE(summary->text().contains(QStringLiteral("localhost"))) << summary->text().toStdString();
  const auto rows = w.hosts()->tree()->findItems(QStringLiteral("localhost"), Qt::MatchExactly | Qt::MatchRecursive);
  ASSERT_EQ(rows.size(), 1);
  EXPECT_EQ(rows.front()->text(2), QStringLiteral("Not declared"));
}

TEST(HostsView, WithoutAllowedHostsSaysSoAndWarnsOfNothing) {
  QTemporaryDir dir;
  writeFile(dir.filePath("manifest.yaml"), manifestFor("https://{{ config['subdomain'] }}.example.com/api"));
  writeFile(dir.filePath("metadata.yaml"), "data:\n  name: source-items\n");
  Window w;
  w.open(dir.path());
  ASSERT_TRUE(QTest::qWaitFor([&] { return w.hosts()->report().contacted.size() == 1; }, 10000));
  const auto& host = w.hosts()->report().contacted.front();
  EXPECT_FALSE(host.resolved);
  EXPECT_EQ(host.host, QStringLiteral("${subdomain}.example.com"));
  EXPECT_EQ(host.status, UiContactedHost::Status::NoDeclaration);
  EXPECT_TRUE(w.hosts()->report().warnings.isEmpty());
  EXPECT_TRUE(w.hosts()->summary().contains(QStringLiteral("declares no allowedHosts")));
}

// A forked connector whose token endpoint (a server of its own, as "localhost") is not its
// url_base host (the API server, as "127.0.0.1").
struct CredentialQuestion : ::testing::Test {
  Server server;     // the API: /items
  Server tokenHost;  // the OAuth token endpoint: /token
  QTemporaryDir dir;
  void SetUp() override {
    writeFile(dir.filePath("manifest.yaml"),
              manifestFor("http://127.0.0.1:" + std::to_string(server.port()),
                          "http://localhost:" + std::to_string(tokenHost.port()) + "/token"));
    writeFile(dir.filePath("metadata.yaml"), std::string("data:\n  name: source-items\n") + kOrigin);
  }
};

TEST_F(CredentialQuestion, DeclinedSendsNothingTrustedReadsAndIsNotAskedAgainAfterReopening) {
  Window w;
  w.open(dir.path());
  auto* panel = w.window.testPanel();

  QTest::mouseClick(panel->testButton(), Qt::LeftButton);
  QTRY_VERIFY(w.question() != nullptr);
  EXPECT_FALSE(panel->isRunning());
  EXPECT_TRUE(w.question()->text().contains(
      QStringLiteral("sends your client secret and refresh token to localhost (its OAuth token endpoint), "
                     "which is not the API's host (127.0.0.1)")))
      << w.question()->text().toStdString();
  EXPECT_EQ(w.question()->accessibleName(), QStringLiteral("Credentials go to another host"));
  // Pressing Test again while it is open asks nothing more.
  panel->test();
  EXPECT_EQ(w.window.findChildren<QMessageBox*>(QStringLiteral("credentialHostsQuestion")).size(), 1);

  auto* cancel = w.question()->findChild<QPushButton*>(QStringLiteral("credentialHostsCancel"));
  ASSERT_NE(cancel, nullptr);
  QTest::mouseClick(cancel, Qt::LeftButton);
  QTRY_VERIFY(w.question() == nullptr);
  QTest::qWait(200);
  EXPECT_FALSE(panel->isRunning());
  EXPECT_EQ(tokenHost.http.requestCount(), 0u);  // the client secret went nowhere
  EXPECT_EQ(server.http.requestCount(), 0u);
  EXPECT_FALSE(QFile::exists(dir.filePath(".manifold/accepted_credential_hosts.json")));

  // Asked again; Trust and Test starts the read.
  QTest::mouseClick(panel->testButton(), Qt::LeftButton);
  QTRY_VERIFY(w.question() != nullptr);
  auto* proceed = w.question()->findChild<QPushButton*>(QStringLiteral("credentialHostsTrust"));
  ASSERT_NE(proceed, nullptr);
  QTest::mouseClick(proceed, Qt::LeftButton);
  EXPECT_TRUE(panel->isRunning());
  QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), 20000);
  EXPECT_EQ(tokenHost.tokens.load(), 1);
  EXPECT_EQ(server.items.load(), 1);
  QTRY_VERIFY_WITH_TIMEOUT(readAll(dir.filePath(".manifold/accepted_credential_hosts.json")).contains("localhost"),
                           10000);

  // The next read is not asked about.
  QTest::mouseClick(panel->testButton(), Qt::LeftButton);
  EXPECT_TRUE(panel->isRunning());
  EXPECT_EQ(w.question(), nullptr);
  QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), 20000);
  EXPECT_EQ(server.items.load(), 2);

  // Nor in a later session on the same folder.
  Window again;
  again.open(dir.path());
  QTest::mouseClick(again.window.testPanel()->testButton(), Qt::LeftButton);
  EXPECT_TRUE(again.window.testPanel()->isRunning());
  EXPECT_EQ(again.question(), nullptr);
  QTRY_VERIFY_WITH_TIMEOUT(!again.window.testPanel()->isRunning(), 20000);
  EXPECT_EQ(server.items.load(), 3);

  // A token endpoint moved to yet another host is asked about again.
  const std::string port = std::to_string(tokenHost.port());
  again.window.editor()->setText(QString::fromStdString(
      manifestFor("http://127.0.0.1:" + std::to_string(server.port()), "http://127.0.0.2:" + port + "/token")));
  QTest::mouseClick(again.window.testPanel()->testButton(), Qt::LeftButton);
  QTRY_VERIFY(again.question() != nullptr);
  EXPECT_TRUE(again.question()->text().contains(QStringLiteral("127.0.0.2")));
  QTest::keyClick(again.question(), Qt::Key_Escape);
  QTRY_VERIFY(again.question() == nullptr);
  EXPECT_FALSE(again.window.testPanel()->isRunning());
}

TEST_F(CredentialQuestion, AConnectorThatIsNotAForkIsNotAskedAbout) {
  writeFile(dir.filePath("metadata.yaml"), "data:\n  name: source-items\n");
  Window w;
  w.open(dir.path());
  QTest::mouseClick(w.window.testPanel()->testButton(), Qt::LeftButton);
  EXPECT_TRUE(w.window.testPanel()->isRunning());
  EXPECT_EQ(w.question(), nullptr);
  QTRY_VERIFY_WITH_TIMEOUT(!w.window.testPanel()->isRunning(), 20000);
  EXPECT_EQ(server.items.load(), 1);
}
