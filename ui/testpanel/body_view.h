// A request or response body: pretty-printed, syntax-coloured, and rendered only when shown;
// a large body shows its beginning and offers "Show all".
#pragma once

#include <QString>
#include <QWidget>

#include <string>

class QLabel;
class QPushButton;

namespace manifold::ui {

class JsonViewer;

class BodyView : public QWidget {
  Q_OBJECT

 public:
  // Bodies longer than this (in characters, after pretty-printing) show their beginning first.
  static constexpr qsizetype kPreviewChars = 64 * 1024;

  // `name` is the accessible name of the text view ("Response body").
  explicit BodyView(const QString& name, QWidget* parent = nullptr);

  void setBody(std::string body);
  void clear();
  // The whole pretty-printed text, whether or not it is on screen yet.
  QString fullText() const;
  // What the view holds right now (the preview of a large body).
  QString shownText() const;
  bool isTruncated() const;

 public slots:
  void showAll();

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void render();

  JsonViewer* view_ = nullptr;
  QWidget* cutBar_ = nullptr;
  QLabel* cutLabel_ = nullptr;
  QPushButton* showAll_ = nullptr;
  std::string raw_;
  mutable QString pretty_;
  mutable bool prettyReady_ = false;
  bool rendered_ = false;
  bool expanded_ = false;
};

}  // namespace manifold::ui
