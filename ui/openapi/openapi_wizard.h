// File > New from OpenAPI…: pick a document (file or URL), choose among the candidate streams
// with the report beside each, and get a new manifest for the editor.
#pragma once

#include "ui/bridge/openapi_import.h"

#include <QDialog>
#include <QFutureWatcher>

#include <memory>
#include <stop_token>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace manifold::ui {

class OpenApiWizard : public QDialog {
  Q_OBJECT

 public:
  explicit OpenApiWizard(QWidget* parent = nullptr);
  ~OpenApiWizard() override;  // stops a load in progress and waits for it

  QLineEdit* sourceEdit() const { return source_edit_; }
  QLineEdit* baseUrlEdit() const { return base_url_edit_; }
  QTreeWidget* streamList() const { return streams_; }
  QPlainTextEdit* reportView() const { return report_; }
  QLabel* statusLabel() const { return status_; }
  QProgressBar* progressBar() const { return progress_; }
  QPushButton* createButton() const { return create_; }
  QPushButton* loadButton() const { return load_; }
  bool loading() const { return watcher_.isRunning(); }

 public slots:
  // Reads the document named in the source field on a worker thread.
  void load();

 signals:
  // The manifest for the chosen streams; the dialog closes after emitting it.
  void manifestCreated(const QString& manifestYaml, const QString& title);

 private:
  void browse();
  void onLoaded();
  void showSelectedReport();
  void updateCreateButton();
  void setAllChecked(bool checked);
  void create();
  QStringList checkedStreams() const;

  QLineEdit* source_edit_ = nullptr;
  QPushButton* browse_ = nullptr;
  QLineEdit* base_url_edit_ = nullptr;
  QPushButton* load_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QLabel* status_ = nullptr;
  QTreeWidget* streams_ = nullptr;
  QPlainTextEdit* report_ = nullptr;
  QPushButton* select_all_ = nullptr;
  QPushButton* select_none_ = nullptr;
  QDialogButtonBox* buttons_ = nullptr;
  QPushButton* create_ = nullptr;

  QFutureWatcher<OpenApiImport> watcher_;
  std::unique_ptr<std::stop_source> stop_;
  quint64 generation_ = 0;
  OpenApiImport current_;
};

}  // namespace manifold::ui
