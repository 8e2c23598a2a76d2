// A request or response body: pretty-printed, syntax-coloured, and rendered only when shown;
// a large body shows its beginning and offers "Show all".
#include "ui/testpanel/body_view.h"

#include "ui/editor/json_viewer.h"
#include "ui/testpanel/json_display.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace manifold::ui {

BodyView::BodyView(const QString& name, QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  view_ = new JsonViewer(this);
  view_->setAccessibleName(name);
  layout->addWidget(view_, 1);

  cutBar_ = new QWidget(this);
  auto* bar = new QHBoxLayout(cutBar_);
  bar->setContentsMargins(4, 0, 4, 0);
  cutLabel_ = new QLabel(cutBar_);
  showAll_ = new QPushButton(tr("Show all"), cutBar_);
  showAll_->setAccessibleName(tr("Show all of the %1").arg(name.toLower()));
  bar->addWidget(cutLabel_, 1);
  bar->addWidget(showAll_);
  layout->addWidget(cutBar_);
  cutBar_->hide();
  connect(showAll_, &QPushButton::clicked, this, &BodyView::showAll);
}

void BodyView::setBody(std::string body) {
  raw_ = std::move(body);
  prettyReady_ = false;
  expanded_ = false;
  rendered_ = false;
  if (isVisible()) render();
}

void BodyView::clear() { setBody({}); }

QString BodyView::fullText() const {
  if (!prettyReady_) {
    pretty_ = prettyBody(raw_);
    prettyReady_ = true;
  }
  return pretty_;
}

QString BodyView::shownText() const { return view_->text(); }

bool BodyView::isTruncated() const { return !expanded_ && fullText().size() > kPreviewChars; }

void BodyView::showAll() {
  expanded_ = true;
  render();
}

void BodyView::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (!rendered_) render();
}

void BodyView::render() {
  rendered_ = true;
  const QString& text = fullText();
  if (isTruncated()) {
    // Cut at a line break so the preview never ends inside a token.
    qsizetype cut = text.lastIndexOf(QLatin1Char('\n'), kPreviewChars);
    if (cut <= 0) cut = kPreviewChars;
    view_->setText(text.left(cut));
    cutLabel_->setText(tr("Showing the first %1 of %2.")
                           .arg(byteSize(cut), byteSize(static_cast<qint64>(text.size()))));
    cutBar_->show();
  } else {
    view_->setText(text);
    cutBar_->hide();
  }
}

}  // namespace manifold::ui
