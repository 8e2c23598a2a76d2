// The find/replace bar under an editor (Ctrl+F, Ctrl+H): incremental search, match count.
#include "ui/editor/find_replace_bar.h"

#include "ui/common/clear_button.h"

#include <Qsci/qsciscintilla.h>

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QToolButton>

namespace manifold::ui {

namespace {

QPushButton* makeButton(const QString& text, const QString& accessibleName, QWidget* parent) {
  auto* b = new QPushButton(text, parent);
  b->setAccessibleName(accessibleName);
  b->setAutoDefault(false);
  return b;
}

}  // namespace

FindReplaceBar::FindReplaceBar(QsciScintilla* editor, QWidget* parent)
    : QWidget(parent), editor_(editor) {
  find_ = new QLineEdit(this);
  find_->setPlaceholderText(tr("Find"));
  find_->setAccessibleName(tr("Find text"));
  enableClearButton(find_);
  replace_ = new QLineEdit(this);
  replace_->setPlaceholderText(tr("Replace with"));
  replace_->setAccessibleName(tr("Replacement text"));
  match_case_ = new QCheckBox(tr("Match &case"), this);
  match_case_->setAccessibleName(tr("Match case"));
  whole_word_ = new QCheckBox(tr("&Whole words"), this);
  whole_word_->setAccessibleName(tr("Whole words"));
  regex_ = new QCheckBox(tr("Re&gular expression"), this);
  regex_->setAccessibleName(tr("Regular expression"));
  status_ = new QLabel(this);
  status_->setMinimumWidth(110);

  auto* previous = makeButton(tr("Previous"), tr("Find previous"), this);
  auto* next = makeButton(tr("Next"), tr("Find next"), this);
  auto* replaceOne = makeButton(tr("Replace"), tr("Replace"), this);
  auto* replaceEvery = makeButton(tr("Replace All"), tr("Replace all"), this);
  auto* close = new QToolButton(this);
  close->setText(QStringLiteral("✕"));
  close->setAccessibleName(tr("Close find bar"));
  close->setAutoRaise(true);

  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(6, 4, 6, 4);
  grid->addWidget(find_, 0, 0);
  grid->addWidget(previous, 0, 1);
  grid->addWidget(next, 0, 2);
  grid->addWidget(match_case_, 0, 3);
  grid->addWidget(whole_word_, 0, 4);
  grid->addWidget(regex_, 0, 5);
  grid->addWidget(status_, 0, 6);
  grid->addWidget(close, 0, 7);
  replace_row_ = new QWidget(this);
  auto* replaceLayout = new QHBoxLayout(replace_row_);
  replaceLayout->setContentsMargins(0, 0, 0, 0);
  replaceLayout->addWidget(replace_, 1);
  replaceLayout->addWidget(replaceOne);
  replaceLayout->addWidget(replaceEvery);
  grid->addWidget(replace_row_, 1, 0, 1, 3);
  grid->setColumnStretch(0, 1);

  connect(find_, &QLineEdit::textChanged, this, [this] { find(true, true); });
  connect(find_, &QLineEdit::returnPressed, this, &FindReplaceBar::findNext);
  connect(replace_, &QLineEdit::returnPressed, this, &FindReplaceBar::replaceCurrent);
  connect(previous, &QPushButton::clicked, this, &FindReplaceBar::findPrevious);
  connect(next, &QPushButton::clicked, this, &FindReplaceBar::findNext);
  connect(replaceOne, &QPushButton::clicked, this, &FindReplaceBar::replaceCurrent);
  connect(replaceEvery, &QPushButton::clicked, this, &FindReplaceBar::replaceAll);
  connect(close, &QToolButton::clicked, this, [this] {
    hide();
    editor_->setFocus();
  });
  for (QCheckBox* box : {match_case_, whole_word_, regex_}) {
    connect(box, &QCheckBox::toggled, this, [this] { find(true, true); });
  }
  setReplaceVisible(false);
  hide();
}

void FindReplaceBar::showFind() {
  setReplaceVisible(false);
  if (editor_->hasSelectedText() && !editor_->selectedText().contains(QLatin1Char('\n'))) {
    find_->setText(editor_->selectedText());
  }
  show();
  find_->setFocus();
  find_->selectAll();
}

void FindReplaceBar::showReplace() {
  showFind();
  setReplaceVisible(true);
}

void FindReplaceBar::setReplaceVisible(bool visible) { replace_row_->setVisible(visible); }

bool FindReplaceBar::find(bool forward, bool fromStart) {
  if (find_->text().isEmpty()) {
    status_->clear();
    return false;
  }
  int line = -1;
  int index = -1;
  if (fromStart) {
    // Incremental search restarts from the start of the current selection.
    int lineTo = 0;
    int indexTo = 0;
    editor_->getSelection(&line, &index, &lineTo, &indexTo);
    if (line < 0) editor_->getCursorPosition(&line, &index);
  } else if (!forward && editor_->hasSelectedText()) {
    // Scintilla searches backwards from the caret, which sits at the selection's end.
    int lineTo = 0;
    int indexTo = 0;
    editor_->getSelection(&line, &index, &lineTo, &indexTo);
  }
  const bool found = editor_->findFirst(find_->text(), regex_->isChecked(), match_case_->isChecked(),
                                        whole_word_->isChecked(), true, forward, line, index, true,
                                        false, true);
  updateStatus();
  if (!found) status_->setText(tr("Not found"));
  return found;
}

bool FindReplaceBar::findNext() { return find(true, false); }
bool FindReplaceBar::findPrevious() { return find(false, false); }

bool FindReplaceBar::replaceCurrent() {
  if (!editor_->hasSelectedText() || matchCount() == 0) return findNext();
  editor_->replace(replace_->text());
  findNext();
  return true;
}

int FindReplaceBar::replaceAll() {
  if (find_->text().isEmpty()) return 0;
  int replaced = 0;
  editor_->beginUndoAction();
  bool found = editor_->findFirst(find_->text(), regex_->isChecked(), match_case_->isChecked(),
                                  whole_word_->isChecked(), false, true, 0, 0, false, false, true);
  const int limit = editor_->length() + 1;  // an empty regex match must not loop forever
  while (found && replaced < limit) {
    editor_->replace(replace_->text());
    ++replaced;
    found = editor_->findNext();
  }
  editor_->endUndoAction();
  status_->setText(tr("%n replaced", nullptr, replaced));
  return replaced;
}

QString FindReplaceBar::regexPattern() const {
  QString pattern = regex_->isChecked() ? find_->text() : QRegularExpression::escape(find_->text());
  if (whole_word_->isChecked()) pattern = QStringLiteral("\\b(?:%1)\\b").arg(pattern);
  return pattern;
}

int FindReplaceBar::matchCount() const {
  if (find_->text().isEmpty()) return 0;
  QRegularExpression re(regexPattern(), match_case_->isChecked()
                                            ? QRegularExpression::NoPatternOption
                                            : QRegularExpression::CaseInsensitiveOption);
  if (!re.isValid()) return 0;
  int count = 0;
  auto it = re.globalMatch(editor_->text());
  while (it.hasNext()) {
    if (it.next().capturedLength() > 0) ++count;
  }
  return count;
}

void FindReplaceBar::updateStatus() {
  if (regex_->isChecked() && !QRegularExpression(regexPattern()).isValid()) {
    status_->setText(tr("Invalid expression"));
    return;
  }
  status_->setText(tr("%n match(es)", nullptr, matchCount()));
}

void FindReplaceBar::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Escape) {
    hide();
    editor_->setFocus();
    return;
  }
  QWidget::keyPressEvent(event);
}

}  // namespace manifold::ui
