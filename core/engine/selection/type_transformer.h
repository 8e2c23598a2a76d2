// TypeTransformer: schema_normalization Default, the reference's TypeTransformer with
// DefaultSchemaNormalization (REFERENCE-NOTES 5.5): values under `properties` and `items` are
// cast to their single non-null declared type; a failed cast keeps the value, and every value
// whose type still differs from the schema's is reported in the reference's warning words.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace manifold::engine {

class TypeTransformer {
 public:
  explicit TypeTransformer(nlohmann::json schema) : schema_(std::move(schema)) {}

  // Normalizes `record` in place; `warn` receives "Failed to transform value from type ... to
  // type ... at path: ..." for each value that still does not match its declared type.
  void transform(nlohmann::json& record, const std::function<void(const std::string&)>& warn) const;

  // default_convert: one value against its subschema.
  static nlohmann::json defaultConvert(const nlohmann::json& value, const nlohmann::json& subschema);

  const nlohmann::json& schema() const { return schema_; }

 private:
  void walk(nlohmann::json& instance, const nlohmann::json& schema, std::vector<std::string>& path,
            const std::function<void(const std::string&)>& warn, int refDepth) const;

  nlohmann::json schema_;
};

}  // namespace manifold::engine
