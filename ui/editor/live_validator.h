// Validates the editor's text on every pause in typing, off the GUI thread, newest result wins.
#pragma once

#include "ui/bridge/manifest_check.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

class QsciScintilla;

namespace manifold::ui {

class LiveValidator : public QObject {
  Q_OBJECT

 public:
  static constexpr int kDebounceMs = 150;

  explicit LiveValidator(QsciScintilla* editor, QObject* parent = nullptr);
  ~LiveValidator() override;

  // Validates the current text now, skipping the debounce (after opening a file).
  void validateNow();
  const ManifestCheck& lastResult() const { return last_; }
  // True from an edit until its result has been delivered (or dropped as stale).
  bool isBusy() const { return running_ || timer_.isActive(); }

 signals:
  void started();
  void checked(const manifold::ui::ManifestCheck& result);

 private:
  void launch();
  void onFinished();

  QsciScintilla* editor_;
  QTimer timer_;
  QFutureWatcher<ManifestCheck> watcher_;
  quint64 generation_ = 0;  // bumped on every edit; a result from an older edit is dropped
  bool pending_ = false;    // an edit arrived while a check was running
  bool running_ = false;    // a check is on the worker or its result not yet handled
  ManifestCheck last_;
};

}  // namespace manifold::ui
