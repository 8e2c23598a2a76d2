// The log messages of a test read (level and message) with the details of the selected one.
#pragma once

#include <nlohmann/json.hpp>

#include <QWidget>

#include <vector>

class QPlainTextEdit;
class QTreeWidget;

namespace manifold::ui {

class LogsView : public QWidget {
  Q_OBJECT

 public:
  explicit LogsView(QWidget* parent = nullptr);

  void clear();
  // {"level","message","internal_message"?,"stacktrace"?, ...}
  void addEntry(const nlohmann::json& entry);
  int entryCount() const;
  int errorCount() const;
  // Selects the last error so that its details are on screen.
  void selectLastError();
  QTreeWidget* list() const { return list_; }
  QString detailsText() const;

 private:
  void showDetails();

  QTreeWidget* list_ = nullptr;
  QPlainTextEdit* details_ = nullptr;
  std::vector<nlohmann::json> entries_;
};

}  // namespace manifold::ui
