// The Settings dialog (Edit › Settings…, Ctrl+,): a list of pages on the left, the chosen page on
// the right. Each area adds its own SettingsPage with addPage(); the dialog knows none of them.
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QListWidget;
class QStackedWidget;

namespace manifold::ui {

class SettingsPage;

class SettingsDialog : public QDialog {
  Q_OBJECT

 public:
  explicit SettingsDialog(QWidget* parent = nullptr);

  // The dialog takes ownership; pages appear in the order added.
  void addPage(SettingsPage* page);
  // Shows the page titled `title`; false when there is none.
  bool showPage(const QString& title);
  SettingsPage* currentPage() const;
  int pageCount() const;
  QListWidget* pageList() const { return list_; }
  QDialogButtonBox* buttons() const { return buttons_; }

  // Every page's apply().
  void applyAll();

 private:
  QListWidget* list_;
  QStackedWidget* stack_;
  QDialogButtonBox* buttons_;
};

}  // namespace manifold::ui
