#include "ui/catalog/catalog_model.h"

#include <QFileInfo>
#include <QPainter>
#include <QSvgRenderer>

#include <algorithm>

namespace manifold::ui {

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

}  // namespace

QString authTypeLabel(const std::string& authType) {
  static const QHash<QString, QString> labels{
      {QStringLiteral("none"), QObject::tr("None")},
      {QStringLiteral("api_key"), QObject::tr("API key")},
      {QStringLiteral("bearer"), QObject::tr("Bearer token")},
      {QStringLiteral("basic"), QObject::tr("HTTP Basic")},
      {QStringLiteral("oauth2"), QObject::tr("OAuth 2.0")},
      {QStringLiteral("session_token"), QObject::tr("Session token")},
      {QStringLiteral("jwt"), QObject::tr("JWT")},
      {QStringLiteral("selective"), QObject::tr("Selectable")},
      {QStringLiteral("custom"), QObject::tr("Custom")}};
  const QString key = q(authType);
  return labels.value(key, key);
}

void CatalogModel::setEntries(std::vector<catalog::CatalogEntry> entries) {
  beginResetModel();
  entries_ = std::move(entries);
  endResetModel();
}

void CatalogModel::updateEntry(const catalog::CatalogEntry& entry) {
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].name == entry.name && entries_[i].source.label() == entry.source.label()) {
      entries_[i] = entry;
      const QModelIndex at = index(static_cast<int>(i));
      emit dataChanged(at, at);
      return;
    }
  }
}

const catalog::CatalogEntry* CatalogModel::entry(int row) const {
  return row >= 0 && row < static_cast<int>(entries_.size()) ? &entries_[static_cast<std::size_t>(row)] : nullptr;
}

QStringList CatalogModel::categories() const {
  QStringList out;
  for (const auto& e : entries_) {
    if (!e.category.empty() && !out.contains(q(e.category))) out << q(e.category);
  }
  out.sort();
  return out;
}

int CatalogModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

QIcon CatalogModel::iconFor(const catalog::CatalogEntry& e) const {
  const QString path = q(e.iconPath);
  if (path.isEmpty()) return QIcon::fromTheme(QStringLiteral("application-x-executable"));
  auto it = icons_.find(path);
  if (it != icons_.end()) return *it;
  // Rendered once per file; catalog icons are small SVGs without a fixed size.
  QIcon icon;
  QSvgRenderer renderer(path);
  if (renderer.isValid()) {
    for (const int size : {24, 32, 48}) {
      QPixmap pixmap(size, size);
      pixmap.fill(Qt::transparent);
      QPainter painter(&pixmap);
      renderer.render(&painter);
      painter.end();
      icon.addPixmap(pixmap);
    }
  }
  icons_.insert(path, icon);
  return icon;
}

QVariant CatalogModel::data(const QModelIndex& index, int role) const {
  const catalog::CatalogEntry* e = entry(index.row());
  if (e == nullptr || index.column() != 0) return {};
  switch (role) {
    case Qt::DisplayRole: {
      QString second = q(e->category);
      if (!e->authType.empty()) second += (second.isEmpty() ? QString() : QStringLiteral(" · ")) + authTypeLabel(e->authType);
      return second.isEmpty() ? q(e->title) : q(e->title) + QLatin1Char('\n') + second;
    }
    case Qt::AccessibleTextRole:
      return q(e->title) + QStringLiteral(", ") + q(e->category.empty() ? e->source.label() : e->category);
    case Qt::ToolTipRole: return q(e->description.empty() ? e->name : e->description);
    case Qt::DecorationRole: return iconFor(*e);
    case NameRole: return q(e->name);
    case CategoryRole: return q(e->category);
    default: return {};
  }
}

void CatalogFilterModel::setQuery(const QString& query) {
  query_ = query.trimmed();
  invalidateFilter();
}

void CatalogFilterModel::setCategory(const QString& category) {
  category_ = category;
  invalidateFilter();
}

bool CatalogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
  const auto* model = qobject_cast<const CatalogModel*>(sourceModel());
  const catalog::CatalogEntry* e = model != nullptr ? model->entry(sourceRow) : nullptr;
  if (e == nullptr) return false;
  if (!category_.isEmpty() && q(e->category) != category_) return false;
  return catalog::matchesQuery(*e, query_.toStdString());
}

}  // namespace manifold::ui
