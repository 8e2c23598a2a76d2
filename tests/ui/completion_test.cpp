// Completion and hover in the manifest editor, driven by keys as a user would.
#include "ui/editor/completion_assist.h"
#include "ui/editor/live_validator.h"
#include "ui/editor/yaml_editor.h"
#include "ui/mainwindow/main_window.h"

#include <gtest/gtest.h>

#include <QListWidget>
#include <QTemporaryDir>
#include <QTest>

using manifold::ui::MainWindow;
using manifold::ui::RecoveryStore;

namespace {

struct Completion : ::testing::Test {
  QTemporaryDir dir;
  MainWindow window{RecoveryStore(dir.filePath(QStringLiteral("recovery")))};

  void SetUp() override {
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.editor()->setFocus();
  }

  QStringList offered() const {
    QStringList items;
    auto* popup = window.completionAssist()->popup();
    for (int i = 0; i < popup->count(); ++i) items << popup->item(i)->data(Qt::AccessibleTextRole).toString();
    return items;
  }
};

const char* kRetriever =
    "type: DeclarativeSource\n"
    "streams:\n"
    "  - type: DeclarativeStream\n"
    "    name: users\n"
    "    retriever:\n"
    "      type: SimpleRetriever\n"
    "      requester:\n"
    "        type: HttpRequester\n"
    "        url_base: https://x.io\n"
    "      \n";

}  // namespace

TEST_F(Completion, CtrlSpaceOffersTheMissingFieldsAndEnterInsertsOne) {
  window.editor()->setText(QString::fromUtf8(kRetriever));
  window.editor()->setCursorPosition(9, 6);
  QTest::keyClick(window.editor(), Qt::Key_Space, Qt::ControlModifier);
  ASSERT_TRUE(window.completionAssist()->isShowing());
  const QStringList items = offered();
  EXPECT_TRUE(items.contains(QStringLiteral("record_selector")));
  EXPECT_FALSE(items.contains(QStringLiteral("requester"))) << "already written";

  QTest::keyClicks(window.editor(), "rec");  // typing narrows the list
  EXPECT_EQ(offered(), QStringList{QStringLiteral("record_selector")});
  QTest::keyClick(window.editor(), Qt::Key_Return);
  EXPECT_FALSE(window.completionAssist()->isShowing());
  EXPECT_EQ(window.editor()->text(9), QStringLiteral("      record_selector: \n"));
}

TEST_F(Completion, TypingTypeColonOffersTheTypesThatFitThePlace) {
  window.editor()->setText(QString::fromUtf8(kRetriever));
  window.editor()->setCursorPosition(9, 6);
  QTest::keyClicks(window.editor(), "paginator:");
  QTest::keyClick(window.editor(), Qt::Key_Return);
  QTest::keyClicks(window.editor(), "  type: ");
  ASSERT_TRUE(window.completionAssist()->isShowing()) << window.editor()->text().toStdString();
  const QStringList items = offered();
  EXPECT_TRUE(items.contains(QStringLiteral("DefaultPaginator")));
  EXPECT_FALSE(items.contains(QStringLiteral("HttpRequester")));
  QTest::keyClick(window.editor(), Qt::Key_Escape);
  EXPECT_FALSE(window.completionAssist()->isShowing());
  EXPECT_EQ(window.editor()->text(10), QStringLiteral("        type: \n"));
}

namespace {

const char* kTemplated =
    "version: 6.4.0\n"                                                   // 0
    "type: DeclarativeSource\n"                                          // 1
    "check:\n"                                                           // 2
    "  type: CheckStream\n"                                              // 3
    "  stream_names: [users]\n"                                          // 4
    "streams:\n"                                                         // 5
    "  - type: DeclarativeStream\n"                                      // 6
    "    name: users\n"                                                  // 7
    "    retriever:\n"                                                   // 8
    "      type: SimpleRetriever\n"                                      // 9
    "      requester:\n"                                                 // 10
    "        type: HttpRequester\n"                                      // 11
    "        url_base: https://x.io\n"                                   // 12
    "        path: /users\n"                                             // 13
    "        authenticator:\n"                                           // 14
    "          type: ApiKeyAuthenticator\n"                              // 15
    "          api_token: \n"                                            // 16
    "      record_selector:\n"                                           // 17
    "        type: RecordSelector\n"                                     // 18
    "        extractor:\n"                                               // 19
    "          type: DpathExtractor\n"                                   // 20
    "          field_path: []\n"                                         // 21
    "spec:\n"                                                            // 22
    "  type: Spec\n"                                                     // 23
    "  connection_specification:\n"                                      // 24
    "    type: object\n"                                                 // 25
    "    properties:\n"                                                  // 26
    "      api_key: {type: string, title: API key, airbyte_secret: true}\n"  // 27
    "      region: {type: string, enum: [eu, us]}\n";                    // 28

}  // namespace

TEST_F(Completion, InsideATemplateTheFieldsVariablesAndTheSpecsConfigKeysAreOffered) {
  window.editor()->setText(QString::fromUtf8(kTemplated));
  window.liveValidator()->validateNow();
  ASSERT_TRUE(QTest::qWaitFor([&] { return !window.liveValidator()->isBusy(); }, 10000));

  // ApiKeyAuthenticator.api_token receives only config (and parameters): no response, no record.
  window.editor()->setCursorPosition(16, 21);
  QTest::keyClicks(window.editor(), "\"{{ ");
  ASSERT_TRUE(window.completionAssist()->isShowing()) << "typing '{{ ' opens the list";
  QStringList items = offered();
  EXPECT_TRUE(items.contains(QStringLiteral("config")));
  EXPECT_TRUE(items.contains(QStringLiteral("format_datetime")));
  EXPECT_FALSE(items.contains(QStringLiteral("response")));
  EXPECT_FALSE(items.contains(QStringLiteral("record")));

  QTest::keyClicks(window.editor(), "conf");
  EXPECT_EQ(offered().first(), QStringLiteral("config"));
  QTest::keyClick(window.editor(), Qt::Key_Return);
  EXPECT_EQ(window.editor()->text(16), QStringLiteral("          api_token: \"{{ config\n"));

  // A quote after '[' lists the spec's keys; Enter closes the subscript.
  QTest::keyClicks(window.editor(), "['");
  ASSERT_TRUE(window.completionAssist()->isShowing());
  EXPECT_EQ(offered(), (QStringList{QStringLiteral("api_key"), QStringLiteral("region")}));
  const QString shown = window.completionAssist()->popup()->item(0)->text();
  EXPECT_TRUE(shown.contains(QStringLiteral("API key"))) << shown.toStdString();
  QTest::keyClick(window.editor(), Qt::Key_Return);
  EXPECT_EQ(window.editor()->text(16), QStringLiteral("          api_token: \"{{ config['api_key']\n"));

  // "|" lists the filters with their signatures.
  QTest::keyClicks(window.editor(), " | ");
  ASSERT_TRUE(window.completionAssist()->isShowing());
  items = offered();
  EXPECT_TRUE(items.contains(QStringLiteral("base64encode")));
  EXPECT_FALSE(items.contains(QStringLiteral("config")));
  QTest::keyClicks(window.editor(), "regex_r");
  QTest::keyClick(window.editor(), Qt::Key_Tab);
  EXPECT_EQ(window.editor()->text(16),
            QStringLiteral("          api_token: \"{{ config['api_key'] | regex_replace(\n"));
}

TEST_F(Completion, ConfigKeysStayWhileTheTemplateBeingTypedBreaksTheYaml) {
  window.editor()->setText(QString::fromUtf8(kTemplated));
  window.liveValidator()->validateNow();
  ASSERT_TRUE(QTest::qWaitFor([&] { return !window.liveValidator()->isBusy(); }, 10000));
  window.editor()->setCursorPosition(16, 21);
  QTest::keyClicks(window.editor(), "\"{{ config[");  // an unterminated quoted scalar
  QTest::keyClick(window.editor(), Qt::Key_Escape);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !window.liveValidator()->isBusy(); }, 10000));
  ASSERT_GT(window.liveValidator()->lastResult().errorCount(), 0) << "the YAML is broken now";
  QTest::keyClicks(window.editor(), "\"");
  ASSERT_TRUE(window.completionAssist()->isShowing());
  EXPECT_EQ(offered(), (QStringList{QStringLiteral("api_key"), QStringLiteral("region")}));
}
