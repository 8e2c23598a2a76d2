// The JSON Schema "type" rules the schema diff and the record check share: which types a schema
// node accepts and which type a value has.
#pragma once

#include <nlohmann/json.hpp>

#include <set>
#include <string>

namespace manifold::builder {

// The types a schema node names in "type" (a string or a list), also through anyOf/oneOf.
// Empty means the node accepts any value.
std::set<std::string> schemaTypes(const nlohmann::json& schema);

// "null", "boolean", "integer", "number", "string", "array" or "object".
std::string valueType(const nlohmann::json& value);

// True when a value of type `type` fits a node that accepts `accepted` (an integer fits
// "number"; anything fits an empty set).
bool typeFits(const std::string& type, const std::set<std::string>& accepted);

// "integer | null"
std::string typeText(const std::set<std::string>& types);

}  // namespace manifold::builder
