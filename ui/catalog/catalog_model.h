// The catalog browser's list: catalog entries with icons, and the filter behind "Search connectors".
#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QIcon>
#include <QSortFilterProxyModel>

#include <vector>

#include "core/catalog/catalog_entry.h"

namespace manifold::ui {

// "api_key" → "API key": the auth types core reports, as a user reads them.
QString authTypeLabel(const std::string& authType);

class CatalogModel : public QAbstractListModel {
  Q_OBJECT

 public:
  enum Role { NameRole = Qt::UserRole + 1, CategoryRole };

  using QAbstractListModel::QAbstractListModel;

  void setEntries(std::vector<catalog::CatalogEntry> entries);
  // Replaces the entry of the same name and source (details read later).
  void updateEntry(const catalog::CatalogEntry& entry);
  const catalog::CatalogEntry* entry(int row) const;
  QStringList categories() const;

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

 private:
  QIcon iconFor(const catalog::CatalogEntry& entry) const;

  std::vector<catalog::CatalogEntry> entries_;
  mutable QHash<QString, QIcon> icons_;  // by file path
};

// Rows whose name, title, category or description contain the search text, in the chosen category.
class CatalogFilterModel : public QSortFilterProxyModel {
  Q_OBJECT

 public:
  using QSortFilterProxyModel::QSortFilterProxyModel;

  void setQuery(const QString& query);
  void setCategory(const QString& category);  // empty: every category

 protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

 private:
  QString query_;
  QString category_;
};

}  // namespace manifold::ui
