// Runs a test read on a worker thread and hands its events to the GUI thread as signals.
// One read counts at a time: starting or cancelling one drops every later event of the one
// before (a generation number), while that thread winds down on its own.
#pragma once

#include <nlohmann/json.hpp>

#include <QObject>
#include <QString>

#include <list>
#include <memory>
#include <optional>
#include <string>

namespace manifold::ui {

// A snapshot of everything a read needs, taken on the GUI thread.
struct TestReadSpec {
  QString manifestText;
  QString manifestDir;  // where relative schema files are found; may be empty
  nlohmann::json config = nlohmann::json::object();
  QString stream;
  nlohmann::json state;  // null = no input state
  int recordLimit = 100;
  int sliceLimit = 5;
  int pageLimit = 5;
};

struct TestReadOutcome {
  nlohmann::json streamRead;
  bool cancelled = false;
  std::optional<QString> error;
  int recordCount = 0;
};

class TestReadRunner : public QObject {
  Q_OBJECT

 public:
  explicit TestReadRunner(QObject* parent = nullptr);
  // Asks every read still running to stop and waits for them (core stops promptly).
  ~TestReadRunner() override;

  // Starts a read; a read already running is cancelled first.
  void start(const TestReadSpec& spec);
  // Stops the current read; it emits nothing more.
  void cancel();
  bool isRunning() const { return running_; }
  // Threads still winding down after a cancel (0 once they ended).
  int threadCount() const { return static_cast<int>(reads_.size()); }

 signals:
  void sliceStarted(int slice, const nlohmann::json& descriptor);
  void pageDone(int slice, const nlohmann::json& page);
  void sliceDone(int slice, const nlohmann::json& state);
  void logEntry(const nlohmann::json& entry);
  void auxiliaryRequest(const nlohmann::json& request);
  void finished(const manifold::ui::TestReadOutcome& outcome);

 private:
  struct Read;
  // Runs `deliver` on the GUI thread if the read of `generation` is still the current one.
  template <typename F>
  void post(quint64 generation, F deliver);
  void retire(Read* read);

  std::list<std::unique_ptr<Read>> reads_;
  quint64 generation_ = 0;
  bool running_ = false;
};

}  // namespace manifold::ui
