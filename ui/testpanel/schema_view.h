// The schema a test read detected, its differences from the stream's declared schema, and the
// action that writes the detected schema into the manifest.
#pragma once

#include <nlohmann/json.hpp>

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace manifold::ui {

class JsonViewer;

class SchemaView : public QWidget {
  Q_OBJECT

 public:
  explicit SchemaView(QWidget* parent = nullptr);

  // `declared` is null when the stream declares no inline schema.
  void setSchemas(const nlohmann::json& detected, const nlohmann::json& declared);
  void clear();
  const nlohmann::json& detectedSchema() const { return detected_; }
  int differenceCount() const;
  QString summary() const;
  QTreeWidget* differences() const { return diff_; }
  QPushButton* useButton() const { return use_; }

 signals:
  void useDetectedSchema(const nlohmann::json& schema);

 private:
  JsonViewer* view_ = nullptr;
  QTreeWidget* diff_ = nullptr;
  QLabel* summary_ = nullptr;
  QPushButton* use_ = nullptr;
  nlohmann::json detected_;
};

}  // namespace manifold::ui
