// Requests a test read made besides the stream's pages: token refreshes, logins and the like.
#include "ui/testpanel/auxiliary_requests_view.h"

#include "ui/testpanel/http_message_view.h"
#include "ui/testpanel/json_display.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QSplitter>

namespace manifold::ui {

namespace {
QString field(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? fromUtf8(it->get_ref<const std::string&>()) : QString();
}
}  // namespace

AuxiliaryRequestsView::AuxiliaryRequestsView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* split = new QSplitter(Qt::Horizontal, this);
  list_ = new QListWidget(split);
  list_->setAccessibleName(tr("Other requests list"));
  request_ = new HttpMessageView(HttpMessageView::Side::Request, tr("Other request"), split);
  response_ = new HttpMessageView(HttpMessageView::Side::Response, tr("Other response"), split);
  request_->setEmptyText(tr("No token or login requests in this read."));
  split->addWidget(list_);
  split->addWidget(request_);
  split->addWidget(response_);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 2);
  split->setStretchFactor(2, 2);
  layout->addWidget(split);
  connect(list_, &QListWidget::currentRowChanged, this, &AuxiliaryRequestsView::showSelected);
}

void AuxiliaryRequestsView::clear() {
  list_->clear();
  requests_.clear();
  showSelected();
}

void AuxiliaryRequestsView::addRequest(const nlohmann::json& auxiliary) {
  requests_.push_back(auxiliary);
  const QString title = field(auxiliary, "title");
  auto* item = new QListWidgetItem(title.isEmpty() ? tr("Request %1").arg(requests_.size()) : title, list_);
  item->setToolTip(field(auxiliary, "description"));
  if (list_->currentRow() < 0) list_->setCurrentRow(0);
}

int AuxiliaryRequestsView::requestCount() const { return static_cast<int>(requests_.size()); }

void AuxiliaryRequestsView::showSelected() {
  const int row = list_->currentRow();
  if (row < 0 || row >= requestCount()) {
    request_->showMessage(nullptr);
    response_->showMessage(nullptr);
    return;
  }
  const nlohmann::json& aux = requests_[static_cast<std::size_t>(row)];
  if (!aux.is_object()) return;
  request_->showMessage(aux.value("request", nlohmann::json()));
  response_->showMessage(aux.value("response", nlohmann::json()));
}

}  // namespace manifold::ui
