// SchemaInferrer: a JSON Schema that fits every record seen, as the Connector Builder infers it.
#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace manifold::builder {

// Mirrors the reference's SchemaInferrer (genson's SchemaBuilder without "required", integers
// reported as "number"): each field's types are merged across records; after cleaning, every
// field is nullable (["string", "null"]), fields only ever null are dropped, a field of one
// object type and null becomes ["object", "null"], and other mixes of objects, arrays and
// scalars stay an anyOf. The primary key and cursor field paths are marked required.
class SchemaInferrer {
 public:
  SchemaInferrer();
  ~SchemaInferrer();
  SchemaInferrer(SchemaInferrer&&) noexcept;
  SchemaInferrer& operator=(SchemaInferrer&&) noexcept;

  // Each path is a list of field names from the record's root (["id"], ["meta", "key"]).
  void setRequiredPaths(std::vector<std::vector<std::string>> paths) { requiredPaths_ = std::move(paths); }

  // Adds a record's data.
  void accumulate(const nlohmann::json& record);
  bool empty() const { return records_ == 0; }

  struct Inferred {
    nlohmann::json schema;              // null when no record was seen
    std::vector<std::string> problems;  // a required path the records do not have, say
  };
  Inferred infer() const;

 private:
  struct Node;
  std::unique_ptr<Node> root_;
  std::vector<std::vector<std::string>> requiredPaths_;
  std::size_t records_ = 0;
};

}  // namespace manifold::builder
