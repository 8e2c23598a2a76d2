// Runs a test read on a worker thread and hands its events to the GUI thread as signals.
#include "ui/bridge/test_read_runner.h"

#include "core/builder/test_read.h"

#include <thread>

namespace manifold::ui {

struct TestReadRunner::Read {
  std::jthread thread;
};

TestReadRunner::TestReadRunner(QObject* parent) : QObject(parent) {}

TestReadRunner::~TestReadRunner() {
  for (auto& read : reads_) read->thread.request_stop();
  reads_.clear();  // joins each thread; their queued events die with this object
}

template <typename F>
void TestReadRunner::post(quint64 generation, F deliver) {
  // Called on the worker thread: queue the call; the generation is checked on the GUI thread.
  QMetaObject::invokeMethod(
      this,
      [this, generation, deliver = std::move(deliver)]() mutable {
        if (generation == generation_) deliver();
      },
      Qt::QueuedConnection);
}

void TestReadRunner::start(const TestReadSpec& spec) {
  cancel();
  const quint64 generation = ++generation_;
  running_ = true;

  builder::TestReadRequest request;
  request.manifestYaml = spec.manifestText.toStdString();
  request.manifestDir = spec.manifestDir.toStdString();
  request.config = spec.config;
  request.stream = spec.stream.toStdString();
  request.state = spec.state;
  request.limits.records = static_cast<std::size_t>(spec.recordLimit);
  request.limits.slices = static_cast<std::size_t>(spec.sliceLimit);
  request.limits.pagesPerSlice = static_cast<std::size_t>(spec.pageLimit);

  auto read = std::make_unique<Read>();
  Read* raw = read.get();
  reads_.push_back(std::move(read));
  raw->thread = std::jthread([this, generation, raw, request = std::move(request)](std::stop_token stop) {
    builder::TestReadEvents events;
    events.sliceStarted = [&](std::size_t slice, const nlohmann::json& descriptor) {
      post(generation, [this, slice, descriptor] { emit sliceStarted(static_cast<int>(slice), descriptor); });
    };
    events.pageDone = [&](std::size_t slice, const nlohmann::json& page) {
      post(generation, [this, slice, page] { emit pageDone(static_cast<int>(slice), page); });
    };
    events.sliceDone = [&](std::size_t slice, const nlohmann::json& state) {
      post(generation, [this, slice, state] { emit sliceDone(static_cast<int>(slice), state); });
    };
    events.log = [&](const nlohmann::json& entry) {
      post(generation, [this, entry] { emit logEntry(entry); });
    };
    events.auxiliaryRequest = [&](const nlohmann::json& aux) {
      post(generation, [this, aux] { emit auxiliaryRequest(aux); });
    };
    builder::TestReadResult result = builder::runTestRead(request, events, stop);

    TestReadOutcome outcome;
    outcome.streamRead = std::move(result.streamRead);
    outcome.cancelled = result.cancelled;
    if (result.error) outcome.error = QString::fromStdString(*result.error);
    outcome.recordCount = static_cast<int>(result.recordCount);
    // The last thing this thread does: the GUI thread then joins it, which returns at once.
    QMetaObject::invokeMethod(
        this,
        [this, generation, raw, outcome = std::move(outcome)] {
          if (generation == generation_) {
            running_ = false;
            emit finished(outcome);
          }
          retire(raw);
        },
        Qt::QueuedConnection);
  });
}

void TestReadRunner::cancel() {
  if (!running_) return;
  running_ = false;
  ++generation_;  // from here on, nothing of that read reaches the panels
  if (!reads_.empty()) reads_.back()->thread.request_stop();
}

void TestReadRunner::retire(Read* read) {
  reads_.remove_if([read](const std::unique_ptr<Read>& r) { return r.get() == read; });
}

}  // namespace manifold::ui
