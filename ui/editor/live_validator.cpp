// Validates the editor's text on every pause in typing, off the GUI thread, newest result wins.
#include "ui/editor/live_validator.h"

#include <Qsci/qsciscintilla.h>

#include <QtConcurrent/QtConcurrentRun>

namespace manifold::ui {

LiveValidator::LiveValidator(QsciScintilla* editor, QObject* parent)
    : QObject(parent), editor_(editor) {
  timer_.setSingleShot(true);
  timer_.setInterval(kDebounceMs);
  connect(&timer_, &QTimer::timeout, this, &LiveValidator::launch);
  connect(editor_, &QsciScintilla::textChanged, this, [this] {
    ++generation_;
    timer_.start();
  });
  connect(&watcher_, &QFutureWatcher<ManifestCheck>::finished, this, &LiveValidator::onFinished);
}

LiveValidator::~LiveValidator() {
  timer_.stop();
  // The check works on its own copy of the text; waiting keeps the watcher valid until it ends.
  watcher_.waitForFinished();
}

void LiveValidator::validateNow() {
  ++generation_;
  timer_.stop();
  launch();
}

void LiveValidator::launch() {
  if (running_) {
    pending_ = true;  // one check at a time; the newest text is checked when this one ends
    return;
  }
  pending_ = false;
  running_ = true;
  emit started();
  const QString snapshot = editor_->text();
  const quint64 generation = generation_;
  watcher_.setFuture(QtConcurrent::run([snapshot, generation] {
    return checkManifest(snapshot, generation);
  }));
}

void LiveValidator::onFinished() {
  ManifestCheck result = watcher_.result();
  running_ = false;
  if (pending_) {
    launch();
    return;
  }
  if (result.generation != generation_) return;  // the text changed since: a newer check is queued
  last_ = std::move(result);
  emit checked(last_);
}

}  // namespace manifold::ui
