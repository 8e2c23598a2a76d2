// The find/replace bar under an editor (Ctrl+F, Ctrl+H): incremental search, match count.
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QsciScintilla;

namespace manifold::ui {

class FindReplaceBar : public QWidget {
  Q_OBJECT

 public:
  explicit FindReplaceBar(QsciScintilla* editor, QWidget* parent = nullptr);

  // Shows the bar with the editor's selection as the search text.
  void showFind();
  void showReplace();

  QLineEdit* findField() const { return find_; }
  QLineEdit* replaceField() const { return replace_; }

  // Counts matches of the current search in the whole text.
  int matchCount() const;

 public slots:
  bool findNext();
  bool findPrevious();
  bool replaceCurrent();
  int replaceAll();

 protected:
  void keyPressEvent(QKeyEvent* event) override;

 private:
  bool find(bool forward, bool fromStart);
  void setReplaceVisible(bool visible);
  void updateStatus();
  QString regexPattern() const;

  QsciScintilla* editor_;
  QLineEdit* find_;
  QLineEdit* replace_;
  QCheckBox* match_case_;
  QCheckBox* whole_word_;
  QCheckBox* regex_;
  QLabel* status_;
  QWidget* replace_row_;
};

}  // namespace manifold::ui
