// Requests a test read made besides the stream's pages: token refreshes, logins and the like.
#pragma once

#include <nlohmann/json.hpp>

#include <QWidget>

#include <vector>

class QListWidget;

namespace manifold::ui {

class HttpMessageView;

class AuxiliaryRequestsView : public QWidget {
  Q_OBJECT

 public:
  explicit AuxiliaryRequestsView(QWidget* parent = nullptr);

  void clear();
  // {"title","description","request","response"}
  void addRequest(const nlohmann::json& auxiliary);
  int requestCount() const;
  QListWidget* list() const { return list_; }
  HttpMessageView* requestView() const { return request_; }
  HttpMessageView* responseView() const { return response_; }

 private:
  void showSelected();

  QListWidget* list_ = nullptr;
  HttpMessageView* request_ = nullptr;
  HttpMessageView* response_ = nullptr;
  std::vector<nlohmann::json> requests_;
};

}  // namespace manifold::ui
