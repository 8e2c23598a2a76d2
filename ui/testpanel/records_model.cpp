// The records of a test read as a table: one row per record, one column per key seen so far.
#include "ui/testpanel/records_model.h"

#include "ui/testpanel/json_display.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>
#include <set>

namespace manifold::ui {

namespace {

// A record that is not an object (a bare value) shows in a column of its own.
const std::string kValueColumn = "(value)";

QString csvField(const QString& text) {
  const bool quote = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
                     text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r')) ||
                     (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()));
  if (!quote) return text;
  QString escaped = text;
  escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
  return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString csvValue(const nlohmann::json* value) {
  if (value == nullptr || value->is_null()) return {};
  if (value->is_string()) return fromUtf8(value->get_ref<const std::string&>());
  return fromUtf8(value->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

struct RowsAndColumns {
  std::vector<int> rows;
  std::vector<int> columns;
};

RowsAndColumns spanOf(const QModelIndexList& selection) {
  std::set<int> rows;
  std::set<int> columns;
  for (const QModelIndex& index : selection) {
    if (!index.isValid()) continue;
    rows.insert(index.row());
    columns.insert(index.column());
  }
  return {{rows.begin(), rows.end()}, {columns.begin(), columns.end()}};
}

}  // namespace

RecordsModel::RecordsModel(QObject* parent) : QAbstractTableModel(parent) {}

void RecordsModel::clear() {
  beginResetModel();
  records_.clear();
  columns_.clear();
  columnIndex_.clear();
  endResetModel();
}

void RecordsModel::appendRecords(std::vector<nlohmann::json> records) {
  if (records.empty()) return;
  std::vector<std::string> newColumns;
  auto note = [&](const std::string& key) {
    if (columnIndex_.count(key) != 0) return;
    if (std::find(newColumns.begin(), newColumns.end(), key) == newColumns.end()) newColumns.push_back(key);
  };
  for (const nlohmann::json& record : records) {
    if (!record.is_object()) {
      note(kValueColumn);
      continue;
    }
    for (auto it = record.begin(); it != record.end(); ++it) note(it.key());
  }
  if (!newColumns.empty()) {
    const int first = static_cast<int>(columns_.size());
    beginInsertColumns({}, first, first + static_cast<int>(newColumns.size()) - 1);
    for (std::string& key : newColumns) {
      columnIndex_.emplace(key, static_cast<int>(columns_.size()));
      columns_.push_back(std::move(key));
    }
    endInsertColumns();
  }
  const int firstRow = static_cast<int>(records_.size());
  beginInsertRows({}, firstRow, firstRow + static_cast<int>(records.size()) - 1);
  records_.insert(records_.end(), std::make_move_iterator(records.begin()),
                  std::make_move_iterator(records.end()));
  endInsertRows();
}

int RecordsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(records_.size());
}

int RecordsModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(columns_.size());
}

const nlohmann::json* RecordsModel::cell(int row, int column) const {
  if (row < 0 || column < 0 || row >= rowCount() || column >= columnCount()) return nullptr;
  const nlohmann::json& record = records_[static_cast<std::size_t>(row)];
  const std::string& key = columns_[static_cast<std::size_t>(column)];
  if (!record.is_object()) return key == kValueColumn ? &record : nullptr;
  auto it = record.find(key);
  return it == record.end() ? nullptr : &*it;
}

QVariant RecordsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid()) return {};
  const nlohmann::json* value = cell(index.row(), index.column());
  switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
      if (value == nullptr) return role == Qt::AccessibleTextRole ? tr("absent") : QString();
      return compactJson(*value, kCellChars);
    case Qt::ToolTipRole:
      if (value == nullptr) return tr("This record has no “%1”").arg(fromUtf8(columns_[static_cast<std::size_t>(index.column())]));
      if (value->is_structured() || (value->is_string() && value->get_ref<const std::string&>().size() > kCellChars)) {
        return prettyJson(*value).left(4000);
      }
      return {};
    case kFullTextRole:
      return value == nullptr ? QVariant() : QVariant(csvValue(value));
    case Qt::TextAlignmentRole:
      if (value != nullptr && value->is_number()) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
      return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
      // null is a value, not text: shown dimmed (the word "null" says it without colour).
      if (value != nullptr && value->is_null()) return QGuiApplication::palette().brush(QPalette::PlaceholderText);
      return {};
    default:
      return {};
  }
}

QVariant RecordsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole) return {};
  if (orientation == Qt::Vertical) return section + 1;
  if (section < 0 || section >= columnCount()) return {};
  return fromUtf8(columns_[static_cast<std::size_t>(section)]);
}

QStringList RecordsModel::columnNames() const {
  QStringList names;
  names.reserve(static_cast<qsizetype>(columns_.size()));
  for (const std::string& c : columns_) names << fromUtf8(c);
  return names;
}

QString RecordsModel::selectionAsJson(const QModelIndexList& selection) const {
  const RowsAndColumns span = spanOf(selection);
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (int row : span.rows) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (int column : span.columns) {
      if (const nlohmann::json* value = cell(row, column)) {
        object[columns_[static_cast<std::size_t>(column)]] = *value;
      }
    }
    out.push_back(std::move(object));
  }
  return fromUtf8(out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

QString RecordsModel::selectionAsCsv(const QModelIndexList& selection) const {
  const RowsAndColumns span = spanOf(selection);
  if (span.rows.empty()) return {};
  const QString eol = QStringLiteral("\r\n");
  QStringList fields;
  for (int column : span.columns) fields << csvField(fromUtf8(columns_[static_cast<std::size_t>(column)]));
  QString out = fields.join(QLatin1Char(',')) + eol;
  for (int row : span.rows) {
    fields.clear();
    for (int column : span.columns) fields << csvField(csvValue(cell(row, column)));
    out += fields.join(QLatin1Char(',')) + eol;
  }
  return out;
}

}  // namespace manifold::ui
