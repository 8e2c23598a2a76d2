// The test panel as a user meets it: results of a read in every tab, failures selected, warnings,
// the detected schema written into the manifest and undone, keyboard and accessible names.
#include "ui/bridge/manifest_check.h"
#include "ui/editor/live_validator.h"
#include "ui/editor/outline_view.h"
#include "ui/editor/yaml_editor.h"
#include "ui/mainwindow/main_window.h"
#include "ui/testpanel/body_view.h"
#include "ui/testpanel/http_message_view.h"
#include "ui/testpanel/logs_view.h"
#include "ui/testpanel/page_navigator.h"
#include "ui/testpanel/records_model.h"
#include "ui/testpanel/records_view.h"
#include "ui/testpanel/schema_view.h"
#include "ui/testpanel/state_view.h"
#include "ui/testpanel/test_panel.h"

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QAccessible>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using manifold::ui::MainWindow;
using manifold::ui::PageNavigator;
using manifold::ui::TestPanel;
using nlohmann::json;

namespace {

json page(const std::string& url, int status, json records, std::string body = "") {
  if (body.empty()) body = json{{"data", records}}.dump();
  return {{"request", {{"url", url}, {"http_method", "GET"}, {"headers", {{"Accept", "application/json"}}}, {"body", nullptr}}},
          {"response", {{"status", status}, {"headers", {{"Content-Type", "application/json"}}}, {"body", body}, {"time_ms", 12}}},
          {"records", std::move(records)}};
}

json twoPageRead() {
  return {{"logs", json::array({{{"level", "INFO"}, {"message", "Read 3 records"}}})},
          {"slices",
           json::array({{{"slice_descriptor", nullptr},
                         {"pages", json::array({page("http://127.0.0.1:1/v1/customers?page=1", 200,
                                                     json::array({{{"id", 1}, {"name", "Ada"}}, {{"id", 2}, {"name", "Bob"}}})),
                                                page("http://127.0.0.1:1/v1/customers?page=2", 200,
                                                     json::array({{{"id", 3}, {"name", "Cy"}}}))})},
                         {"state", {{"updated_at", "2024-01-02"}}}}})},
          {"test_read_limit_reached", false},
          {"auxiliary_requests", json::array()},
          {"inferred_schema",
           {{"$schema", "http://json-schema.org/schema#"},
            {"type", "object"},
            {"properties", {{"id", {{"type", json::array({"null", "integer"})}}}, {"name", {{"type", json::array({"null", "string"})}}}}}}},
          {"latest_config_update", nullptr}};
}

manifold::ui::UiStreamSummary customersStream(json schema) {
  manifold::ui::UiStreamSummary s;
  s.name = QStringLiteral("customers");
  s.line = 1;
  s.definition = {{"type", "DeclarativeStream"},
                  {"name", "customers"},
                  {"primary_key", json::array({"id"})},
                  {"schema_loader", {{"type", "InlineSchemaLoader"}, {"schema", std::move(schema)}}}};
  s.fingerprint = "v1";
  return s;
}

}  // namespace

TEST(TestPanel, ShowsPagesRecordsRequestAndResponseOfARead) {
  TestPanel panel;
  panel.resize(1100, 400);
  panel.show();
  panel.showStreamRead(QStringLiteral("customers"), twoPageRead());

  EXPECT_EQ(panel.navigator()->totalPageCount(), 2);
  EXPECT_EQ(panel.recordsView()->model()->rowCount(), 3);
  EXPECT_EQ(panel.recordsView()->model()->columnNames(), (QStringList{"id", "name"}));
  EXPECT_TRUE(panel.requestView()->summary().contains(QStringLiteral("GET http://127.0.0.1:1/v1/customers?page=2")));
  EXPECT_TRUE(panel.responseView()->summary().contains(QStringLiteral("Status 200")));
  EXPECT_EQ(panel.responseView()->headerCount(), 1);
  EXPECT_TRUE(panel.summary().startsWith(QStringLiteral("Read 3 records from 2 pages"))) << panel.summary().toStdString();
  EXPECT_EQ(panel.logsView()->entryCount(), 1);
  EXPECT_EQ(panel.stateView()->state(), json({{"updated_at", "2024-01-02"}}));

  // Choosing the first page shows only its records and its own request.
  panel.navigator()->selectPage(0, 0);
  EXPECT_EQ(panel.recordsView()->model()->rowCount(), 2);
  EXPECT_TRUE(panel.requestView()->summary().endsWith(QStringLiteral("page=1")));
  EXPECT_EQ(panel.navigator()->accessibleDescription(), QStringLiteral("Slice 1 of 1, page 1 of 2"));
  panel.tabs()->setCurrentWidget(panel.responseView());
  QTRY_VERIFY(panel.responseView()->body()->shownText().contains(QStringLiteral("\"name\": \"Ada\"")));
}

TEST(TestPanel, SelectsTheFailingPageAndWarnsAboutIt) {
  json read = twoPageRead();
  read["slices"][0]["pages"][1] = page("http://127.0.0.1:1/v1/customers?page=2", 500, json::array(), R"({"error":"boom"})");
  TestPanel panel;
  panel.show();
  panel.showStreamRead(QStringLiteral("customers"), read);

  EXPECT_EQ(panel.navigator()->currentSlice(), 0);
  EXPECT_EQ(panel.navigator()->currentPage(), 1);
  EXPECT_EQ(panel.tabs()->currentWidget(), panel.responseView());
  EXPECT_TRUE(panel.responseView()->summary().contains(QStringLiteral("Status 500")));
  EXPECT_TRUE(panel.navigator()->currentItem()->text(0).contains(QStringLiteral("failed")));
  ASSERT_FALSE(panel.warnings().isEmpty());
  EXPECT_TRUE(panel.warnings().first().contains(QStringLiteral("returned HTTP 500"))) << panel.warnings().first().toStdString();
}

TEST(TestPanel, WarnsAboutPrimaryKeysSchemaAndChangesBeforePublishing) {
  json read = twoPageRead();
  read["slices"][0]["pages"][1]["records"] = json::array({{{"id", 1}, {"name", "dup"}}, {{"name", "no key"}}, {{"id", "7"}, {"name", "x"}}});
  TestPanel panel;
  panel.setStreams({customersStream({{"type", "object"}, {"properties", {{"id", {{"type", "integer"}}}, {"name", {{"type", "string"}}}}}})});
  panel.showStreamRead(QStringLiteral("customers"), read);

  const QString all = panel.warnings().join(QLatin1Char('\n'));
  EXPECT_TRUE(all.contains(QStringLiteral("repeats the primary key 'id' = 1"))) << all.toStdString();
  EXPECT_TRUE(all.contains(QStringLiteral("has no primary key 'id'"))) << all.toStdString();
  EXPECT_TRUE(all.contains(QStringLiteral("'id' is string where the schema says integer"))) << all.toStdString();
  EXPECT_FALSE(all.contains(QStringLiteral("changed since")));

  // Editing the stream afterwards: the results are now stale.
  manifold::ui::UiStreamSummary edited = customersStream({{"type", "object"}});
  edited.fingerprint = "v2";
  panel.setStreams({edited});
  EXPECT_TRUE(panel.warnings().join(QLatin1Char('\n')).contains(QStringLiteral("changed since this test read")));
}

TEST(TestPanel, WarnsWhenAReadReturnsNoRecords) {
  json read = twoPageRead();
  read["slices"][0]["pages"] = json::array({page("http://127.0.0.1:1/v1/customers", 200, json::array())});
  read["inferred_schema"] = nullptr;
  TestPanel panel;
  panel.showStreamRead(QStringLiteral("customers"), read);
  EXPECT_TRUE(panel.warnings().contains(QStringLiteral("The read returned no records")));
  EXPECT_FALSE(panel.schemaView()->useButton()->isEnabled());
}

TEST(TestPanel, ShowsTheSchemaDiffAgainstTheDeclaredSchema) {
  TestPanel panel;
  panel.setStreams({customersStream(
      {{"type", "object"}, {"properties", {{"id", {{"type", "string"}}}, {"email", {{"type", "string"}}}}}})});
  panel.showStreamRead(QStringLiteral("customers"), twoPageRead());
  QTreeWidget* diff = panel.schemaView()->differences();
  ASSERT_EQ(diff->topLevelItemCount(), 3);
  QStringList rows;
  for (int i = 0; i < diff->topLevelItemCount(); ++i) {
    rows << diff->topLevelItem(i)->text(0) + QLatin1Char(' ') + diff->topLevelItem(i)->text(1);
  }
  EXPECT_TRUE(rows.contains(QStringLiteral("id type changed"))) << rows.join(',').toStdString();
  EXPECT_TRUE(rows.contains(QStringLiteral("name added")));
  EXPECT_TRUE(rows.contains(QStringLiteral("email missing")));
  EXPECT_TRUE(panel.schemaView()->useButton()->isEnabled());
}

TEST(TestPanel, UsesTheStateOfAReadAsTheNextInputState) {
  TestPanel panel;
  panel.showStreamRead(QStringLiteral("customers"), twoPageRead());
  EXPECT_TRUE(panel.stateView()->inputState().is_null());
  panel.stateView()->useButton()->click();
  EXPECT_EQ(panel.stateView()->inputState(), json({{"updated_at", "2024-01-02"}}));
  panel.stateView()->clearButton()->click();
  EXPECT_TRUE(panel.stateView()->inputState().is_null());
}

TEST(TestPanel, ShowsTheBeginningOfALargeBodyUntilShowAll) {
  json big = json::array();
  for (int i = 0; i < 4000; ++i) big.push_back({{"id", i}, {"text", "some words to fill the body up"}});
  json read = twoPageRead();
  read["slices"][0]["pages"] = json::array({page("http://127.0.0.1:1/v1/big", 200, json::array({{{"id", 1}}}), json{{"data", big}}.dump())});
  TestPanel panel;
  panel.show();
  panel.showStreamRead(QStringLiteral("customers"), read);
  panel.tabs()->setCurrentWidget(panel.responseView());
  manifold::ui::BodyView* body = panel.responseView()->body();
  QTRY_VERIFY(!body->shownText().isEmpty());
  EXPECT_TRUE(body->isTruncated());
  EXPECT_LE(body->shownText().size(), manifold::ui::BodyView::kPreviewChars);
  body->showAll();
  EXPECT_FALSE(body->isTruncated());
  EXPECT_EQ(body->shownText(), body->fullText());
  EXPECT_TRUE(body->shownText().contains(QStringLiteral("\"id\": 3999")));
}

TEST(TestPanel, LimitsStayWithinTheBuildersBounds) {
  TestPanel panel;
  EXPECT_EQ(panel.recordLimit()->maximum(), 5000);
  EXPECT_EQ(panel.pageLimit()->maximum(), 20);
  EXPECT_EQ(panel.sliceLimit()->maximum(), 20);
  EXPECT_EQ(panel.recordLimit()->minimum(), 1);
}

TEST(TestPanel, EveryControlHasAnAccessibleName) {
  TestPanel panel;
  panel.show();
  panel.showStreamRead(QStringLiteral("customers"), twoPageRead());
  QStringList unnamed;
  for (QWidget* w : panel.findChildren<QWidget*>()) {
    if (w->focusPolicy() == Qt::NoFocus || qobject_cast<QLabel*>(w) != nullptr) continue;
    // The line edit of a spin box and the popup list of a combo box speak through their owner.
    if (w->parentWidget() != nullptr && (w->parentWidget()->inherits("QAbstractSpinBox") || w->inherits("QComboBoxListView"))) {
      continue;
    }
    if (w->parentWidget() != nullptr && w->parentWidget()->inherits("QAbstractScrollArea") && !w->inherits("QAbstractButton")) {
      continue;  // scroll area viewports and scroll bars belong to their view
    }
    QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
    if (a == nullptr || a->text(QAccessible::Name).trimmed().isEmpty()) {
      unnamed << QString::fromLatin1(w->metaObject()->className()) + QLatin1Char('/') + w->objectName();
    }
  }
  EXPECT_TRUE(unnamed.isEmpty()) << unnamed.join(QStringLiteral(", ")).toStdString();
  QStringList tabNames;
  for (int i = 0; i < panel.tabs()->count(); ++i) tabNames << panel.tabs()->tabText(i);
  EXPECT_EQ(tabNames, (QStringList{"Records", "Request", "Response", "Schema", "State", "Logs", "Other requests"}));
  EXPECT_EQ(panel.testButton()->accessibleName(), QStringLiteral("Test"));
  EXPECT_EQ(panel.cancelButton()->accessibleName(), QStringLiteral("Cancel"));
  EXPECT_EQ(panel.streamPicker()->accessibleName(), QStringLiteral("Stream"));
}

// --- In the main window: the manifest, the caret and the editor ---------------------------------

namespace {

const char* kTwoStreams =
    "version: 6.4.0\n"
    "type: DeclarativeSource\n"
    "check:\n"
    "  type: CheckStream\n"
    "  stream_names: [customers]\n"
    "definitions:\n"
    "  base:\n"
    "    type: DeclarativeStream\n"
    "    name: customers\n"
    "    primary_key: id\n"
    "    retriever:\n"
    "      type: SimpleRetriever\n"
    "      requester:\n"
    "        type: HttpRequester\n"
    "        url_base: http://127.0.0.1:1\n"
    "        path: /v1/customers\n"
    "      record_selector:\n"
    "        type: RecordSelector\n"
    "        extractor:\n"
    "          type: DpathExtractor\n"
    "          field_path: [data]\n"
    "    schema_loader:\n"
    "      type: InlineSchemaLoader\n"
    "      schema:\n"
    "        $ref: \"#/schemas/customers\"\n"
    "streams:\n"
    "  - $ref: \"#/definitions/base\"\n"
    "  - type: DeclarativeStream\n"
    "    name: orders\n"
    "    retriever:\n"
    "      type: SimpleRetriever\n"
    "      requester:\n"
    "        type: HttpRequester\n"
    "        url_base: http://127.0.0.1:1\n"
    "        path: /v1/orders\n"
    "      record_selector:\n"
    "        type: RecordSelector\n"
    "        extractor:\n"
    "          type: DpathExtractor\n"
    "          field_path: [data]\n"
    "schemas:\n"
    "  customers:\n"
    "    type: object\n"
    "    properties:\n"
    "      id:\n"
    "        type: integer\n"
    "  # kept: a comment after the schema\n"
    "  orders: {}\n";

void loadManifest(MainWindow& window, const char* text) {
  window.editor()->setText(QString::fromUtf8(text));
  window.liveValidator()->validateNow();
  QTRY_COMPARE(window.testPanel()->streamPicker()->count(), 2);
}

}  // namespace

TEST(TestPanelInWindow, PicksTheStreamUnderTheCaret) {
  MainWindow window;
  window.show();
  loadManifest(window, kTwoStreams);
  EXPECT_EQ(window.testPanel()->currentStream(), QStringLiteral("customers"));
  EXPECT_EQ(window.outlineView()->streamAt(29), QStringLiteral("orders"));
  // QScintilla reports caret moves when it updates the view, so wait for the event loop.
  window.editor()->setCursorPosition(28, 4);  // "name: orders"
  QTRY_COMPARE(window.testPanel()->currentStream(), QStringLiteral("orders"));
  window.editor()->setCursorPosition(26, 4);  // the customers entry
  QTRY_COMPARE(window.testPanel()->currentStream(), QStringLiteral("customers"));
}

TEST(TestPanelInWindow, UseDetectedSchemaWritesItIntoTheManifestAsOneUndoableEdit) {
  MainWindow window;
  window.show();
  loadManifest(window, kTwoStreams);
  const QString original = window.editor()->text();
  window.testPanel()->showStreamRead(QStringLiteral("customers"), twoPageRead());
  window.testPanel()->schemaView()->useButton()->click();

  const QString edited = window.editor()->text();
  EXPECT_NE(edited, original);
  // The schema that `$ref` names is replaced; the comment after it and the other schema stay.
  EXPECT_TRUE(edited.contains(QStringLiteral("  customers:\n    $schema: http://json-schema.org/schema#\n    type: object\n"
                                             "    properties:\n      id:\n        type:\n        - \"null\"\n        - integer\n")))
      << edited.toStdString();
  EXPECT_TRUE(edited.contains(QStringLiteral("  # kept: a comment after the schema\n  orders: {}\n")));
  // The new text loads, and the stream's declared schema is now the detected one: no differences.
  QTRY_COMPARE(window.testPanel()->schemaView()->differenceCount(), 0);

  window.editor()->undo();
  EXPECT_EQ(window.editor()->text(), original);
  window.editor()->redo();
  EXPECT_EQ(window.editor()->text(), edited);
}

TEST(TestPanelInWindow, CtrlEnterInTheEditorStartsATestAndTheStatusBarSaysHowItWent) {
  MainWindow window;
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  loadManifest(window, kTwoStreams);
  window.editor()->setFocus();
  QTest::keyClick(window.editor(), Qt::Key_Return, Qt::ControlModifier);
  // Port 1 refuses connections: the read ends with a failure the status bar reports.
  QTRY_VERIFY_WITH_TIMEOUT(!window.testPanel()->isRunning(), 20000);
  EXPECT_FALSE(window.testStatus()->text().isEmpty());
  EXPECT_TRUE(window.testStatus()->text().contains(QStringLiteral("customers")) ||
              window.testStatus()->text().startsWith(QStringLiteral("Read")))
      << window.testStatus()->text().toStdString();
}
