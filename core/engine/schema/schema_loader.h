// SchemaLoader: the JSON schema a stream declares (for discover's CATALOG).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <variant>

namespace manifold::engine {

class SchemaLoader {
 public:
  virtual ~SchemaLoader() = default;
  // The schema, or a message saying where it was looked for and why it was not found.
  virtual std::variant<nlohmann::json, std::string> load() const = 0;
};

}  // namespace manifold::engine
