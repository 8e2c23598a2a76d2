// The Records tab: the records as a table (or as raw JSON), with copy as JSON and as CSV.
#pragma once

#include <nlohmann/json.hpp>

#include <QModelIndexList>
#include <QWidget>

#include <vector>

class QLabel;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace manifold::ui {

class BodyView;
class RecordsModel;

class RecordsView : public QWidget {
  Q_OBJECT

 public:
  explicit RecordsView(QWidget* parent = nullptr);

  void clear();
  void appendRecords(std::vector<nlohmann::json> records);
  void setRecords(std::vector<nlohmann::json> records);

  RecordsModel* model() const { return model_; }
  QTableView* table() const { return table_; }
  BodyView* rawView() const { return raw_; }
  QToolButton* rawToggle() const { return rawToggle_; }
  bool showsRawJson() const;

 public slots:
  void setRawJson(bool raw);
  // The selected cells, or every record when nothing is selected, onto the clipboard.
  void copyAsJson();
  void copyAsCsv();

 private:
  QModelIndexList selectionOrAll() const;
  void refreshRaw();
  void fitColumns(int firstNewColumn);
  void updateCount();

  RecordsModel* model_ = nullptr;
  QStackedWidget* stack_ = nullptr;
  QTableView* table_ = nullptr;
  BodyView* raw_ = nullptr;
  QToolButton* rawToggle_ = nullptr;
  QLabel* count_ = nullptr;
  bool rawStale_ = true;
};

}  // namespace manifold::ui
