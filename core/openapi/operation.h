// The operations of a document with their merged parameters and success response, read the same
// way for Swagger 2.0 and OpenAPI 3.x.
#pragma once

#include "core/openapi/ref_resolver.h"

#include <optional>
#include <string>
#include <vector>

namespace manifold::openapi {

struct Parameter {
  std::string name;
  std::string in;  // query, path, header, cookie (Swagger 2 also body, formData)
  bool required = false;
  Node schema;     // OpenAPI 3: the parameter's schema; Swagger 2: the parameter itself
  std::string description;

  std::optional<long long> integerField(std::string_view key) const;  // maximum, default, minimum
  bool hasDefault() const;
  std::string type() const;    // "integer", "string", ... or empty
  std::string format() const;  // "date-time", ... or empty
};

struct Operation {
  std::string method;  // upper case
  std::string path;
  std::string operationId;
  std::string summary;
  std::string description;
  Node node;
  std::vector<Parameter> parameters;  // path-level ones merged in, the operation's own winning
  std::string successStatus;          // "200", "2XX", "default" or empty
  Node successResponse;               // the Response object
  Node successSchema;                 // its JSON body schema, empty when it has none
  bool hasRequiredBody = false;

  const Parameter* parameter(std::string_view name, std::string_view in = "query") const;
};

// GET operations, and POST operations whose operationId, summary or path says they search or
// list, in document order.
std::vector<Operation> collectOperations(RefResolver& resolver, const OpenApiDocument& document);

// Where the records sit in a response schema: field path and item schema. Follows allOf and the
// usual wrappers (data, results, items, value, ...), two levels deep.
struct RecordLocation {
  std::vector<std::string> path;
  Node itemSchema;
  std::string itemRef;  // the items' $ref as written ("#/components/schemas/User"), or empty
};
std::optional<RecordLocation> locateRecords(RefResolver& resolver, Node responseSchema);

// data, results, items, value, ...: a property name that usually holds a list of records.
bool isRecordWrapper(std::string_view name);

}  // namespace manifold::openapi
