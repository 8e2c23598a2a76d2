// Completion (Ctrl+Space, after "type: " and inside {{ … }}) and hover documentation for the manifest editor.
#pragma once

#include "ui/bridge/editing_assist.h"

#include <QObject>

class QListWidget;

namespace manifold::ui {

class CodeEditor;

class CompletionAssist : public QObject {
  Q_OBJECT

 public:
  explicit CompletionAssist(CodeEditor* editor);

  // Opens the list for the caret's place; does nothing when there is nothing to offer.
  void showCompletions();
  // Inserts the chosen row (the current one when row < 0) in place of the typed prefix.
  void accept(int row = -1);
  bool isShowing() const;
  QListWidget* popup() const { return popup_; }
  // spec.connection_specification of the manifest, for config['…'] keys in templates.
  void setConnectionSpecification(const nlohmann::ordered_json& specification);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void onCharAdded(int ch);
  void showHover(int position, int x, int y);
  void place();

  CodeEditor* editor_;
  QListWidget* popup_;
  CompletionRequest current_;
  nlohmann::ordered_json specification_;
};

}  // namespace manifold::ui
