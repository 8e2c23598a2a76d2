// The Manifold main window: manifest editor in the centre, outline and test-result docks.
#pragma once

#include "ui/common/text_file.h"

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;

namespace manifold::ui {

class YamlEditor;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);

  YamlEditor* editor() const { return editor_; }
  QString currentFile() const { return file_path_; }

 public slots:
  // Loads `path` into the editor; on failure shows why and keeps the current buffer.
  bool openFile(const QString& path);
  // Saves to the current file, asking for a name when there is none yet.
  bool save();
  bool saveAs();
  // Writes the buffer to `path` atomically; on failure shows why and keeps the buffer modified.
  bool saveToFile(const QString& path);

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void createActions();
  void createDocks();
  void showError(const QString& title, const QString& message);
  void setCurrentFile(const QString& path);
  void updateTitle();
  bool maybeSave();
  void openWithDialog();

  YamlEditor* editor_ = nullptr;
  QDockWidget* outline_dock_ = nullptr;
  QDockWidget* results_dock_ = nullptr;
  QString file_path_;
  TextFile file_format_;  // BOM and line-ending style of the open file, kept on save
};

}  // namespace manifold::ui
