// One side of an HTTP exchange as captured by a test read: a summary line (method and URL, or
// status and time), the headers and the body.
#include "ui/testpanel/http_message_view.h"

#include "ui/testpanel/body_view.h"
#include "ui/testpanel/json_display.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace manifold::ui {

namespace {

QString text(const nlohmann::json& message, const char* key) {
  auto it = message.find(key);
  if (it == message.end() || it->is_null()) return {};
  return it->is_string() ? fromUtf8(it->get_ref<const std::string&>()) : fromUtf8(it->dump());
}

std::string bodyOf(const nlohmann::json& message) {
  auto it = message.find("body");
  if (it == message.end() || it->is_null()) return {};
  return it->is_string() ? it->get<std::string>() : it->dump();
}

void addHeader(QTreeWidget* tree, const QString& name, const nlohmann::json& value) {
  if (value.is_array()) {
    for (const auto& v : value) addHeader(tree, name, v);
    return;
  }
  auto* item = new QTreeWidgetItem(tree, {name, value.is_string() ? fromUtf8(value.get_ref<const std::string&>())
                                                                    : fromUtf8(value.dump())});
  item->setToolTip(1, item->text(1));
}

}  // namespace

HttpMessageView::HttpMessageView(Side side, const QString& name, QWidget* parent)
    : QWidget(parent), side_(side) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->setSpacing(4);
  summary_ = new QLabel(this);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  summary_->setFocusPolicy(Qt::StrongFocus);
  summary_->setWordWrap(true);
  // A description, not a name: a named label reads as its name only, and its text is the point.
  summary_->setAccessibleDescription(side == Side::Request ? tr("%1 line").arg(name) : tr("%1 status").arg(name));
  layout->addWidget(summary_);

  auto* split = new QSplitter(Qt::Horizontal, this);
  headers_ = new QTreeWidget(split);
  headers_->setAccessibleName(tr("%1 headers").arg(name));
  headers_->setColumnCount(2);
  headers_->setHeaderLabels({tr("Header"), tr("Value")});
  headers_->setRootIsDecorated(false);
  headers_->setUniformRowHeights(true);
  headers_->setAlternatingRowColors(true);
  headers_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  body_ = new BodyView(tr("%1 body").arg(name), split);
  split->addWidget(headers_);
  split->addWidget(body_);
  split->setStretchFactor(0, 2);
  split->setStretchFactor(1, 3);
  split->setChildrenCollapsible(false);
  layout->addWidget(split, 1);
  showMessage(nullptr);
}

void HttpMessageView::setEmptyText(const QString& text) {
  emptyText_ = text;
  if (headers_->topLevelItemCount() == 0 && body_->fullText().isEmpty()) summary_->setText(text);
}

void HttpMessageView::showMessage(const nlohmann::json& message) {
  headers_->clear();
  if (!message.is_object()) {
    summary_->setText(emptyText_);
    body_->clear();
    return;
  }
  if (side_ == Side::Request) {
    const QString method = text(message, "http_method");
    summary_->setText((method.isEmpty() ? QStringLiteral("GET") : method) + QLatin1Char(' ') + text(message, "url"));
  } else {
    QStringList parts;
    const QString status = text(message, "status");
    parts << (status.isEmpty() ? tr("No response") : tr("Status %1").arg(status));
    if (auto it = message.find("time_ms"); it != message.end() && it->is_number()) {
      parts << tr("%1 ms").arg(it->get<double>(), 0, 'f', 0);
    }
    const std::string body = bodyOf(message);
    parts << byteSize(static_cast<qint64>(body.size()));
    summary_->setText(parts.join(QStringLiteral("  ·  ")));
  }
  if (auto it = message.find("headers"); it != message.end()) {
    if (it->is_object()) {
      for (auto h = it->begin(); h != it->end(); ++h) addHeader(headers_, fromUtf8(h.key()), h.value());
    } else if (it->is_array()) {
      for (const auto& pair : *it) {
        if (pair.is_array() && pair.size() == 2) addHeader(headers_, pair[0].is_string() ? fromUtf8(pair[0].get_ref<const std::string&>()) : QString(), pair[1]);
      }
    }
  }
  body_->setBody(bodyOf(message));
}

QString HttpMessageView::summary() const { return summary_->text(); }

int HttpMessageView::headerCount() const { return headers_->topLevelItemCount(); }

}  // namespace manifold::ui
