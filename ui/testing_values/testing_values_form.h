// The "Testing values" form: fields generated from spec.connection_specification, validated
// against the spec, regenerated when the spec changes while keeping what was typed.
#pragma once

#include "core/config/config_field.h"
#include "core/config/config_validation.h"

#include <QWidget>

#include <nlohmann/json.hpp>

#include <vector>

class QLabel;
class QScrollArea;

namespace manifold::ui {

class FieldEditor;

class TestingValuesForm : public QWidget {
  Q_OBJECT

 public:
  explicit TestingValuesForm(QWidget* parent = nullptr);

  // Rebuilds the fields when the spec differs from the current one; values are kept.
  void setSpec(const nlohmann::ordered_json& connectionSpecification);
  const nlohmann::ordered_json& spec() const { return spec_json_; }
  const config::ConfigField& specField() const { return spec_; }

  // The config the form holds: every set field plus keys it does not show (kept as given).
  nlohmann::json values() const;
  void setValues(const nlohmann::json& values);

  // Checks the values against the spec and shows each problem next to its field and in the
  // summary; after the first call, problems follow every edit.
  std::vector<config::ConfigProblem> validate();
  void clearProblems();

 signals:
  // The user changed a value (not setValues or a rebuild).
  void edited();

 private:
  void rebuild();
  void showProblems(const std::vector<config::ConfigProblem>& problems);

  nlohmann::ordered_json spec_json_;
  config::ConfigField spec_;
  QLabel* summary_ = nullptr;
  QLabel* empty_ = nullptr;
  QScrollArea* scroll_ = nullptr;
  FieldEditor* root_ = nullptr;
  nlohmann::json values_ = nlohmann::json::object();  // before a spec arrives
  bool live_problems_ = false;
};

}  // namespace manifold::ui
