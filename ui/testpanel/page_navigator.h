// The slices and pages of a test read as a tree; choosing a page shows its records, request and
// response. Failed pages are marked by an icon and text, not by colour alone.
#pragma once

#include <nlohmann/json.hpp>

#include <QTreeWidget>

namespace manifold::ui {

class PageNavigator : public QTreeWidget {
  Q_OBJECT

 public:
  // slice/page value of the "All records" entry.
  static constexpr int kAll = -1;

  struct PageSummary {
    int status = 0;  // HTTP status; 0 when no response came back
    int recordCount = 0;
    double timeMs = -1;
    bool failed = false;  // no response, a non-2xx status, or the read stopped on this page
  };

  explicit PageNavigator(QWidget* parent = nullptr);

  // Back to a single "All records" entry (not QAbstractItemView::reset, which the model calls).
  void clearPages();
  void addSlice(int slice, const nlohmann::json& descriptor);
  void addPage(int slice, int page, const PageSummary& summary);
  void setTotalRecords(int count);
  // Selects and reveals a page (kAll, kAll for all records); emits pageSelected.
  void selectPage(int slice, int page);

  int currentSlice() const;
  int currentPage() const;
  int sliceCount() const;
  int pageCount(int slice) const;
  int totalPageCount() const;
  // "Slice 2 of 5, page 1 of 3", also the tree's accessible description.
  QString positionText() const;

 signals:
  void pageSelected(int slice, int page);

 private:
  QTreeWidgetItem* sliceItem(int slice) const;
  QTreeWidgetItem* pageItem(int slice, int page) const;
  void onCurrentChanged();

  QTreeWidgetItem* all_ = nullptr;
};

}  // namespace manifold::ui
