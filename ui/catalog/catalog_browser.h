// The catalog browser (Ctrl+Shift+O): find a connector in the bundled or a GitHub catalog,
// see its metadata at a glance, fork it into the workspace, open the user's connectors.
#pragma once

#include <QDialog>
#include <QFutureWatcher>

#include <stop_token>

#include "ui/bridge/catalog_bridge.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QListWidget;
class QPushButton;

namespace manifold::ui {

class CatalogFilterModel;
class CatalogModel;

class CatalogBrowser : public QDialog {
  Q_OBJECT

 public:
  explicit CatalogBrowser(CatalogSettings settings = CatalogSettings::fromAppSettings(), QWidget* parent = nullptr);
  ~CatalogBrowser() override;

  QLineEdit* searchField() const { return search_; }
  QComboBox* categoryBox() const { return category_; }
  QComboBox* catalogBox() const { return catalog_; }
  QListView* connectorList() const { return list_; }
  QListWidget* workspaceList() const { return workspace_; }
  QPushButton* forkButton() const { return fork_; }
  QPushButton* openButton() const { return open_; }
  QLabel* statusLabel() const { return status_; }
  bool isBusy() const;

  // Selects the catalog entry called `name` in the list (when the filter shows it).
  bool selectEntry(const QString& name);

 public slots:
  // Forks the selected entry as `name` (empty: its own name); asks for another name when
  // that folder exists, unless `ask` is false.
  void forkSelected(const QString& name = {}, bool ask = true);
  void openSelected();
  void refreshWorkspace();

 signals:
  // The user wants this connector folder open in the main window.
  void openConnectorRequested(const QString& dir);

 private:
  void loadCatalog(int index);
  void showSelected();
  void setStatus(const QString& text);
  const catalog::CatalogEntry* selectedEntry() const;

  CatalogSettings settings_;
  CatalogModel* model_ = nullptr;
  CatalogFilterModel* filter_ = nullptr;
  QLineEdit* search_ = nullptr;
  QComboBox* category_ = nullptr;
  QComboBox* catalog_ = nullptr;
  QListView* list_ = nullptr;
  QLabel* title_ = nullptr;
  QLabel* description_ = nullptr;
  QLabel* auth_ = nullptr;
  QLabel* streams_ = nullptr;
  QLabel* support_ = nullptr;
  QLabel* source_ = nullptr;
  QLabel* version_ = nullptr;
  QPushButton* fork_ = nullptr;
  QPushButton* open_ = nullptr;
  QListWidget* workspace_ = nullptr;
  QLabel* workspacePath_ = nullptr;
  QLabel* status_ = nullptr;
  QFutureWatcher<CatalogLoad>* loadWatcher_ = nullptr;
  QFutureWatcher<std::optional<catalog::CatalogEntry>>* detailsWatcher_ = nullptr;
  QFutureWatcher<ForkOutcome>* forkWatcher_ = nullptr;
  std::stop_source stop_;
  int generation_ = 0;  // of the catalog shown; results of an older listing are dropped
};

}  // namespace manifold::ui
