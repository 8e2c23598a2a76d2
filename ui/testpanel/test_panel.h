// The test panel (bottom dock): pick a stream, press Test, and watch slices, pages, records,
// request, response, schema, state, logs and other requests arrive while the read runs.
#pragma once

#include "ui/bridge/manifest_check.h"
#include "ui/testpanel/test_inputs.h"

#include <nlohmann/json.hpp>

#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace manifold::ui {

class AuxiliaryRequestsView;
class HttpMessageView;
class LogsView;
class PageNavigator;
class RecordsView;
class SchemaView;
class StateView;
class TestReadRunner;
struct TestReadOutcome;

class TestPanel : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kMaxRecords = 5000;
  static constexpr int kMaxPages = 20;
  static constexpr int kMaxSlices = 20;

  explicit TestPanel(QWidget* parent = nullptr);
  ~TestPanel() override;

  // Where a read gets the manifest and the testing values from, when Test is pressed.
  void setInputsProvider(std::function<TestInputs()> provider);
  // Asked when Test is pressed, before anything starts: false holds the read back (the main
  // window then asks the user and calls test() again once they agreed).
  void setReadGate(std::function<bool()> gate);

  // The manifest's streams after each check: fills the picker, keeps the chosen stream.
  void setStreams(const QList<UiStreamSummary>& streams);
  // Chooses the stream to test (the main window passes the stream under the editor caret).
  void setCurrentStream(const QString& name);
  QString currentStream() const;

  // Shows a saved result (e.g. `manifold-cli test-read` output) as if a read of `stream` had
  // just produced it.
  void showStreamRead(const QString& stream, const nlohmann::json& streamRead);

  bool isRunning() const;
  QAction* testAction() const { return testAction_; }
  QAction* cancelAction() const { return cancelAction_; }

  // "Read 25 records from 2 pages in 0.4 s" (also while running, and after a failure).
  QString summary() const { return summary_; }
  // The warnings shown above the results, one per line.
  QStringList warnings() const { return warnings_; }
  // For the expression playground: the latest page's response {status, headers, body} and the
  // last record read; null before the first page.
  const nlohmann::json& lastResponse() const { return lastResponse_; }
  const nlohmann::json& lastRecord() const { return lastRecord_; }
  // The whole result of the last read, in the StreamRead shape.
  const nlohmann::json& streamRead() const { return streamRead_; }

  // The parts, for the main window and tests.
  QComboBox* streamPicker() const { return stream_; }
  QPushButton* testButton() const { return testButton_; }
  QPushButton* cancelButton() const { return cancelButton_; }
  QSpinBox* recordLimit() const { return records_; }
  QSpinBox* pageLimit() const { return pages_; }
  QSpinBox* sliceLimit() const { return slices_; }
  PageNavigator* navigator() const { return navigator_; }
  QTabWidget* tabs() const { return tabs_; }
  RecordsView* recordsView() const { return recordsView_; }
  HttpMessageView* requestView() const { return request_; }
  HttpMessageView* responseView() const { return response_; }
  SchemaView* schemaView() const { return schema_; }
  StateView* stateView() const { return state_; }
  LogsView* logsView() const { return logs_; }
  AuxiliaryRequestsView* auxiliaryView() const { return auxiliary_; }

 public slots:
  void test();
  void cancel();

 signals:
  void runningChanged(bool running);
  void summaryChanged(const QString& summary);
  // A new page arrived: lastResponse() and lastRecord() changed.
  void lastPageChanged();
  // "Use detected schema": the main window writes `schema` into the stream's inline schema.
  void useDetectedSchemaRequested(const QString& stream, const nlohmann::json& schema);
  // A test read started with Test ended (not cancelled): `manifestText` is what was read, so
  // the record of passing reads can tell later edits apart.
  void readFinished(const QString& stream, const QString& manifestText, int records, bool passed);

 private:
  void buildLayout();
  void resetResults();
  void setRunning(bool running);
  void setSummary(const QString& text);
  void onSliceStarted(int slice, const nlohmann::json& descriptor);
  void onPageDone(int slice, const nlohmann::json& page);
  void onSliceDone(int slice, const nlohmann::json& state);
  void onFinished(const TestReadOutcome& outcome);
  void showPage(int slice, int page);
  void rebuildFrom(const nlohmann::json& slices);
  void addPage(int slice, const nlohmann::json& page);
  void refreshWarnings();
  void refreshSchema();
  void showFailure();
  nlohmann::json& sliceAt(int slice);
  const UiStreamSummary* summaryOf(const QString& name) const;
  int pageCount() const;
  int recordCount() const;
  QString countsText() const;

  std::function<TestInputs()> provider_;
  std::function<bool()> gate_;
  TestReadRunner* runner_ = nullptr;
  QAction* testAction_ = nullptr;
  QAction* cancelAction_ = nullptr;
  QComboBox* stream_ = nullptr;
  QPushButton* testButton_ = nullptr;
  QPushButton* cancelButton_ = nullptr;
  QSpinBox* records_ = nullptr;
  QSpinBox* pages_ = nullptr;
  QSpinBox* slices_ = nullptr;
  QLabel* notice_ = nullptr;
  PageNavigator* navigator_ = nullptr;
  QTabWidget* tabs_ = nullptr;
  RecordsView* recordsView_ = nullptr;
  HttpMessageView* request_ = nullptr;
  HttpMessageView* response_ = nullptr;
  SchemaView* schema_ = nullptr;
  StateView* state_ = nullptr;
  LogsView* logs_ = nullptr;
  AuxiliaryRequestsView* auxiliary_ = nullptr;

  QList<UiStreamSummary> streams_;
  QHash<QString, QByteArray> testedFingerprints_;  // stream -> definition it was last tested with
  QString readStream_;             // the stream the shown results belong to
  QString readManifest_;           // the manifest text the running read was started with
  nlohmann::json streamRead_;      // built from the events, completed by the final result
  nlohmann::json lastResponse_;
  nlohmann::json lastRecord_;
  std::optional<QString> error_;
  bool cancelled_ = false;
  QElapsedTimer clock_;
  double seconds_ = 0;
  QString summary_;
  QStringList warnings_;
};

}  // namespace manifold::ui
