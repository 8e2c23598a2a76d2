// The records model: columns from the union of keys, batches, 100,000 rows, copy as JSON/CSV.
#include "ui/testpanel/records_model.h"

#include <gtest/gtest.h>

#include <QSignalSpy>

using manifold::ui::RecordsModel;
using nlohmann::json;

namespace {

std::vector<json> records(std::initializer_list<json> items) { return {items.begin(), items.end()}; }

QModelIndexList wholeRows(const RecordsModel& model, std::initializer_list<int> rows) {
  QModelIndexList list;
  for (int row : rows) {
    for (int column = 0; column < model.columnCount(); ++column) list << model.index(row, column);
  }
  return list;
}

}  // namespace

TEST(RecordsModel, ColumnsAreTheUnionOfKeysInOrderOfFirstAppearance) {
  RecordsModel model;
  model.appendRecords(records({{{"id", 1}, {"name", "a"}}}));
  model.appendRecords(records({{{"id", 2}, {"email", "b@x"}}, {{"zip", "1"}, {"id", 3}}}));
  EXPECT_EQ(model.columnNames(), (QStringList{"id", "name", "email", "zip"}));
  EXPECT_EQ(model.rowCount(), 3);
  EXPECT_EQ(model.index(1, 2).data().toString(), QStringLiteral("b@x"));
  EXPECT_EQ(model.index(1, 1).data().toString(), QString());  // absent, not "null"
  EXPECT_EQ(model.headerData(3, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("zip"));
}

TEST(RecordsModel, ShowsNestedValuesAsCompactJsonAndNullAsNull) {
  RecordsModel model;
  model.appendRecords(records({{{"a", {{"b", 1}, {"c", json::array({1, 2})}}}, {"n", nullptr}, {"s", "x\ny"}}}));
  EXPECT_EQ(model.index(0, 0).data().toString(), QStringLiteral(R"({"b":1,"c":[1,2]})"));
  EXPECT_EQ(model.index(0, 1).data().toString(), QStringLiteral("null"));
  EXPECT_EQ(model.index(0, 2).data().toString(), QStringLiteral("x ⏎ y"));
}

TEST(RecordsModel, CutsLongCellsButKeepsTheWholeValueForCopies) {
  RecordsModel model;
  const std::string longText(10000, 'x');
  model.appendRecords(records({{{"t", longText}}}));
  EXPECT_EQ(model.index(0, 0).data().toString().size(), RecordsModel::kCellChars);
  EXPECT_TRUE(model.selectionAsCsv(wholeRows(model, {0})).contains(QString::fromStdString(longText)));
}

TEST(RecordsModel, AppendsEachBatchAsOneRowInsertion) {
  RecordsModel model;
  QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
  QSignalSpy columns(&model, &QAbstractItemModel::columnsInserted);
  for (int batch = 0; batch < 3; ++batch) {
    std::vector<json> page;
    for (int i = 0; i < 50; ++i) page.push_back({{"id", batch * 50 + i}});
    model.appendRecords(std::move(page));
  }
  EXPECT_EQ(inserted.count(), 3);
  EXPECT_EQ(columns.count(), 1);
  EXPECT_EQ(inserted.at(2).at(1).toInt(), 100);
  EXPECT_EQ(inserted.at(2).at(2).toInt(), 149);
}

TEST(RecordsModel, HoldsAHundredThousandRows) {
  RecordsModel model;
  constexpr int kRows = 100000;
  constexpr int kBatch = 1000;
  for (int start = 0; start < kRows; start += kBatch) {
    std::vector<json> batch;
    batch.reserve(kBatch);
    for (int i = start; i < start + kBatch; ++i) {
      batch.push_back({{"id", i}, {"name", "customer " + std::to_string(i)}, {"tags", json::array({"a", i % 7})}});
    }
    model.appendRecords(std::move(batch));
  }
  ASSERT_EQ(model.rowCount(), kRows);
  EXPECT_EQ(model.columnCount(), 3);
  EXPECT_EQ(model.index(kRows - 1, 0).data().toString(), QStringLiteral("99999"));
  EXPECT_EQ(model.index(kRows - 1, 1).data().toString(), QStringLiteral("customer 99999"));
  EXPECT_EQ(model.index(54321, 2).data().toString(), QStringLiteral(R"(["a",1])"));
  EXPECT_EQ(model.headerData(kRows - 1, Qt::Vertical, Qt::DisplayRole).toInt(), kRows);
  model.clear();
  EXPECT_EQ(model.rowCount(), 0);
  EXPECT_EQ(model.columnCount(), 0);
}

TEST(RecordsModel, CopiesSelectedCellsAsCsvWithQuoting) {
  RecordsModel model;
  model.appendRecords(records({{{"id", 1}, {"name", "Smith, Jo"}, {"note", "say \"hi\""}},
                               {{"id", 2}, {"name", "Lee"}, {"nested", {{"k", "v"}}}}}));
  EXPECT_EQ(model.selectionAsCsv(wholeRows(model, {0, 1})),
            QStringLiteral("id,name,note,nested\r\n"
                           "1,\"Smith, Jo\",\"say \"\"hi\"\"\",\r\n"
                           "2,Lee,,\"{\"\"k\"\":\"\"v\"\"}\"\r\n"));
  // Only the selected columns, in column order, whatever order they were selected in.
  const QModelIndexList cells{model.index(1, 1), model.index(0, 0)};
  EXPECT_EQ(model.selectionAsCsv(cells), QStringLiteral("id,name\r\n1,Smith, Jo\r\n2,Lee\r\n").replace(
                                             QStringLiteral("Smith, Jo"), QStringLiteral("\"Smith, Jo\"")));
}

TEST(RecordsModel, CopiesSelectedCellsAsJsonWithTheirValues) {
  RecordsModel model;
  model.appendRecords(records({{{"id", 1}, {"tags", json::array({"x"})}}, {{"id", 2}}}));
  const json copied = json::parse(model.selectionAsJson(wholeRows(model, {0, 1})).toStdString());
  EXPECT_EQ(copied, json::parse(R"([{"id":1,"tags":["x"]},{"id":2}])"));
  const json one = json::parse(model.selectionAsJson({model.index(0, 1)}).toStdString());
  EXPECT_EQ(one, json::parse(R"([{"tags":["x"]}])"));
}
