// diffSchemas: how the records' inferred schema differs from the stream's declared one.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace manifold::builder {

struct SchemaFieldChange {
  enum class Kind {
    Added,        // in the records, not declared
    Missing,      // declared, never in the records
    TypeChanged,  // in both, with types that do not match
  };
  Kind kind = Kind::Added;
  std::string path;            // "address.city", "tags[]" for an array's items
  nlohmann::json declaredType;  // the "type" keyword as declared (null when Added)
  nlohmann::json inferredType;  // as inferred (null when Missing)
};

// Compares properties recursively (objects by field, arrays by items). Types are compared
// ignoring "null" and with "integer" counting as "number", since the inferrer never reports
// integers and makes every field nullable; a declared field without a type accepts anything.
std::vector<SchemaFieldChange> diffSchemas(const nlohmann::json& declared, const nlohmann::json& inferred);

std::string_view schemaFieldChangeKindName(SchemaFieldChange::Kind kind);  // "added", "missing", "type_changed"
// [{"path","change","declared_type","inferred_type"}]
nlohmann::json toJson(const std::vector<SchemaFieldChange>& changes);

}  // namespace manifold::builder
