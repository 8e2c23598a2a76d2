// The expression playground: expressions typed into "Expression" are evaluated against the
// testing values as you type; errors show where they are.
#include "ui/mainwindow/main_window.h"
#include "ui/playground/expression_playground.h"
#include "ui/secrets/memory_secret_store.h"

#include <gtest/gtest.h>

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>
#include <QTreeWidget>

using manifold::ui::ExpressionPlayground;

namespace {

QLineEdit* expressionEdit(QWidget* root) {
  for (auto* e : root->findChildren<QLineEdit*>()) {
    if (e->accessibleName() == QStringLiteral("Expression")) return e;
  }
  return nullptr;
}

void typeExpression(ExpressionPlayground& playground, const QString& text) {
  QLineEdit* edit = expressionEdit(&playground);
  ASSERT_NE(edit, nullptr);
  edit->setFocus();
  edit->clear();
  QTest::keyClicks(edit, text);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !playground.isBusy(); }, 5000));
}

}  // namespace

TEST(ExpressionPlayground, EvaluatesAgainstTheTestingValuesAsYouType) {
  ExpressionPlayground playground;
  playground.show();
  playground.setConfig({{"api_key", "abcdefgh"}, {"region", "eu"}});
  typeExpression(playground, QStringLiteral("config['api_key'] | length"));
  EXPECT_TRUE(playground.lastOutcome().ok);
  EXPECT_EQ(playground.resultView()->toPlainText(), QStringLiteral("8"));
  EXPECT_EQ(playground.statusLabel()->text(), QStringLiteral("Value (integer)"));

  typeExpression(playground, QStringLiteral("{'r': config.region, 'n': [1, 2]}"));
  EXPECT_EQ(playground.resultView()->toPlainText(), QStringLiteral("{\n  \"n\": [\n    1,\n    2\n  ],\n  \"r\": \"eu\"\n}"));

  // New testing values re-evaluate the expression on screen.
  typeExpression(playground, QStringLiteral("config['api_key'] | length"));
  playground.setConfig({{"api_key", "abc"}});
  ASSERT_TRUE(QTest::qWaitFor([&] { return !playground.isBusy(); }, 5000));
  EXPECT_EQ(playground.resultView()->toPlainText(), QStringLiteral("3"));
}

TEST(ExpressionPlayground, ShowsTheErrorAndWhereItIs) {
  ExpressionPlayground playground;
  playground.show();
  playground.setConfig({{"api_key", "abcdefgh"}});
  typeExpression(playground, QStringLiteral("config['api_key' | length"));
  ASSERT_FALSE(playground.lastOutcome().ok);
  EXPECT_GT(playground.lastOutcome().column, 1);
  EXPECT_TRUE(playground.statusLabel()->text().startsWith(QStringLiteral("⚠ Error at column ")))
      << playground.statusLabel()->text().toStdString();
  // The result view points at the column under the expression.
  const QStringList lines = playground.resultView()->toPlainText().split(QLatin1Char('\n'));
  ASSERT_GE(lines.size(), 3);
  EXPECT_EQ(lines[0], QStringLiteral("config['api_key' | length"));
  EXPECT_EQ(lines[1].indexOf(QLatin1Char('^')), playground.lastOutcome().column - 1);
}

TEST(ExpressionPlayground, UsesTheLastResponseAndRecord) {
  ExpressionPlayground playground;
  playground.setResponse({{"next", "p2"}});
  playground.setRecord({{"id", 7}});
  typeExpression(playground, QStringLiteral("response.next ~ '/' ~ record.id"));
  EXPECT_EQ(playground.resultView()->toPlainText(), QStringLiteral("\"p2/7\""));
}

TEST(ExpressionPlayground, ListsConfigKeysVariablesMacrosAndFilters) {
  ExpressionPlayground playground;
  playground.setConfig({{"api_key", "x"}});
  QTreeWidget* list = playground.variablesView();
  EXPECT_EQ(list->accessibleName(), QStringLiteral("Variables, macros and filters"));
  const auto found = list->findItems(QStringLiteral("config['api_key']"), Qt::MatchExactly | Qt::MatchRecursive);
  ASSERT_EQ(found.size(), 1);
  EXPECT_FALSE(list->findItems(QStringLiteral("format_datetime"), Qt::MatchStartsWith | Qt::MatchRecursive).isEmpty());
  EXPECT_FALSE(list->findItems(QStringLiteral("regex_search"), Qt::MatchStartsWith | Qt::MatchRecursive).isEmpty());
  // Activating an entry inserts it into the expression.
  emit list->itemActivated(found.first(), 0);
  EXPECT_EQ(playground.expressionEdit()->text(), QStringLiteral("config['api_key']"));
}

TEST(ExpressionPlayground, TheMainWindowFeedsItTheTestingValues) {
  manifold::ui::MainWindow window;
  window.setSecretStore(new manifold::ui::MemorySecretStore);
  window.setTestingValues({{"api_key", "abcdefgh"}});
  ASSERT_NE(expressionEdit(&window), nullptr);
  typeExpression(*window.playground(), QStringLiteral("config['api_key'] | length"));
  EXPECT_EQ(window.playground()->resultView()->toPlainText(), QStringLiteral("8"));
}
