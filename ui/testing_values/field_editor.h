// FieldEditor: the widget that edits one field of the testing-values form.
#pragma once

#include "core/config/config_field.h"
#include "core/config/config_validation.h"

#include <QWidget>

#include <nlohmann/json.hpp>

#include <vector>

namespace manifold::ui {

class FieldEditor : public QWidget {
  Q_OBJECT

 public:
  FieldEditor(config::ConfigField field, QWidget* parent);

  const config::ConfigField& field() const { return field_; }
  // The value as the config holds it; null when the user left the field empty.
  virtual nlohmann::json value() const = 0;
  virtual void setValue(const nlohmann::json& value) = 0;
  // The control a label is the buddy of, and that takes focus for this field.
  virtual QWidget* input() const = 0;
  // Containers show the problems of their own fields; leaves leave that to their row.
  virtual void showProblems(const std::vector<config::ConfigProblem>& problems);
  // True when the editor shows the problems at `pointer` itself (a nested field's).
  virtual bool ownsProblemsUnder() const { return false; }

 signals:
  void edited();

 protected:
  // Names the input after the field: the accessible name is the title, the description
  // says "required" and what the spec says about it.
  void describeInput(QWidget* input) const;

 private:
  config::ConfigField field_;
};

// The editor for `field`'s kind, owned by `parent`.
FieldEditor* createFieldEditor(const config::ConfigField& field, QWidget* parent);

}  // namespace manifold::ui
