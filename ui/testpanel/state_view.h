// The stream state a test read ended with, and the input state the next test starts from.
#pragma once

#include <nlohmann/json.hpp>

#include <QWidget>

class QLabel;
class QPushButton;

namespace manifold::ui {

class JsonViewer;

class StateView : public QWidget {
  Q_OBJECT

 public:
  explicit StateView(QWidget* parent = nullptr);

  // The state shown (after the selected slice, or at the end of the read); null clears it.
  void setState(const nlohmann::json& state);
  const nlohmann::json& state() const { return state_; }
  // The state the next test read starts from; null = none.
  void setInputState(const nlohmann::json& state);
  const nlohmann::json& inputState() const { return input_; }

  QPushButton* useButton() const { return use_; }
  QPushButton* clearButton() const { return clear_; }

 signals:
  void inputStateChanged(const nlohmann::json& state);

 private:
  JsonViewer* view_ = nullptr;
  QLabel* inputLabel_ = nullptr;
  QPushButton* use_ = nullptr;
  QPushButton* clear_ = nullptr;
  nlohmann::json state_;
  nlohmann::json input_;
};

}  // namespace manifold::ui
