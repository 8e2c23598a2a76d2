// One side of an HTTP exchange as captured by a test read: a summary line (method and URL, or
// status and time), the headers and the body.
#pragma once

#include <nlohmann/json.hpp>

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace manifold::ui {

class BodyView;

class HttpMessageView : public QWidget {
  Q_OBJECT

 public:
  enum class Side { Request, Response };

  // `name` prefixes the accessible names of the parts: "Request" gives "Request headers", ...
  HttpMessageView(Side side, const QString& name, QWidget* parent = nullptr);

  // {"url","http_method","headers","body"} for a request; {"status","headers","body","time_ms"}
  // for a response. Null clears the view and shows `emptyText`.
  void showMessage(const nlohmann::json& message);
  void setEmptyText(const QString& text);

  QString summary() const;
  int headerCount() const;
  BodyView* body() const { return body_; }
  QTreeWidget* headers() const { return headers_; }

 private:
  Side side_;
  QString emptyText_;
  QLabel* summary_ = nullptr;
  QTreeWidget* headers_ = nullptr;
  BodyView* body_ = nullptr;
};

}  // namespace manifold::ui
