// The stream state a test read ended with, and the input state the next test starts from.
#include "ui/testpanel/state_view.h"

#include "ui/editor/json_viewer.h"
#include "ui/testpanel/json_display.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace manifold::ui {

StateView::StateView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  auto* bar = new QHBoxLayout;
  inputLabel_ = new QLabel(this);
  inputLabel_->setWordWrap(true);
  inputLabel_->setAccessibleDescription(tr("Input state"));
  use_ = new QPushButton(tr("&Use as input state"), this);
  use_->setAccessibleName(tr("Use as input state"));
  use_->setToolTip(tr("Start the next test read of this stream from this state"));
  clear_ = new QPushButton(tr("Clear i&nput state"), this);
  clear_->setAccessibleName(tr("Clear input state"));
  bar->addWidget(inputLabel_, 1);
  bar->addWidget(use_);
  bar->addWidget(clear_);
  layout->addLayout(bar);
  view_ = new JsonViewer(this);
  view_->setAccessibleName(tr("Stream state"));
  layout->addWidget(view_, 1);

  connect(use_, &QPushButton::clicked, this, [this] { setInputState(state_); });
  connect(clear_, &QPushButton::clicked, this, [this] { setInputState(nullptr); });
  setState(nullptr);
  setInputState(nullptr);
}

void StateView::setState(const nlohmann::json& state) {
  state_ = state;
  const bool has = !state.is_null() && !(state.is_object() && state.empty());
  view_->setText(has ? prettyJson(state) : tr("// This read ended without a state."));
  use_->setEnabled(has);
}

void StateView::setInputState(const nlohmann::json& state) {
  const bool changed = input_ != state;
  input_ = state;
  inputLabel_->setText(state.is_null() ? tr("The next test starts without a state.")
                                       : tr("The next test starts from: %1").arg(compactJson(state, 120)));
  clear_->setEnabled(!state.is_null());
  if (changed) emit inputStateChanged(input_);
}

}  // namespace manifold::ui
