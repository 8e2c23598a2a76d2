// The records of a test read as a table: one row per record, one column per key seen so far.
#pragma once

#include <nlohmann/json.hpp>

#include <QAbstractTableModel>
#include <QModelIndexList>

#include <string>
#include <unordered_map>
#include <vector>

namespace manifold::ui {

class RecordsModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  // The full value of a cell (nlohmann::json is not a QVariant: use record() for it).
  static constexpr int kFullTextRole = Qt::UserRole + 1;
  // A cell shows at most this many characters; the tooltip and the copies have everything.
  static constexpr int kCellChars = 200;

  explicit RecordsModel(QObject* parent = nullptr);

  void clear();
  // Appends a batch as one row insertion (and one column insertion for keys not seen before),
  // so a view repaints once per batch however many records it holds.
  void appendRecords(std::vector<nlohmann::json> records);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  const nlohmann::json& record(int row) const { return records_.at(static_cast<std::size_t>(row)); }
  const std::vector<nlohmann::json>& records() const { return records_; }
  QStringList columnNames() const;

  // The selected cells' rows and columns as a JSON array of objects (keys in column order).
  QString selectionAsJson(const QModelIndexList& selection) const;
  // The same as CSV (RFC 4180): a header line, then one line per row; nested values as JSON.
  QString selectionAsCsv(const QModelIndexList& selection) const;

 private:
  const nlohmann::json* cell(int row, int column) const;

  std::vector<nlohmann::json> records_;
  std::vector<std::string> columns_;  // union of keys in order of first appearance
  std::unordered_map<std::string, int> columnIndex_;
};

}  // namespace manifold::ui
