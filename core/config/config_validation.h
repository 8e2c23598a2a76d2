// Checks a config (testing values) against its spec before a read: required, type, enum, pattern.
#pragma once

#include "core/config/config_field.h"

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace manifold::config {

struct ConfigProblem {
  std::string pointer;  // JSON pointer of the value in the config ("/credentials/api_key")
  std::string title;    // the field's title, as a form labels it
  std::string message;  // a sentence naming the field: "API key is required"
};

// Every problem, in form order. Properties the spec does not declare are accepted (Airbyte's
// specs allow additional properties). A oneOf value is checked against the option its
// discriminator selects, else against the option it fits best.
std::vector<ConfigProblem> validateConfig(const ConfigField& spec, const nlohmann::json& config);

// "3 problems in the testing values: API key is required; …" — one line for a CLI or a summary.
std::string describeProblems(const std::vector<ConfigProblem>& problems);

}  // namespace manifold::config
