// What a test read takes from outside the test panel: the manifest and the testing values.
#pragma once

#include <nlohmann/json.hpp>

#include <QString>

namespace manifold::ui {

struct TestInputs {
  QString manifestText;
  QString manifestDir;  // folder of the manifest file, for relative schema files; may be empty
  nlohmann::json config = nlohmann::json::object();  // the testing values
};

}  // namespace manifold::ui
