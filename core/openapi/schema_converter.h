// OpenAPI schema → the JSON schema an InlineSchemaLoader declares for a stream's records.
#pragma once

#include "core/openapi/ref_resolver.h"

#include <cstddef>

namespace manifold::openapi {

struct SchemaLimits {
  int maxDepth = 8;              // nesting below the record; deeper objects stay open
  std::size_t maxNodes = 4000;   // per stream, so one huge schema cannot blow up the manifest
};

// Converts a record's item schema: $refs inlined (a cycle or the depth bound ends in an open
// object), allOf merged, OpenAPI 3.0 `nullable` / Swagger `x-nullable` / 3.1 type arrays all
// become ["T", "null"], properties that are not required become nullable too (APIs send null
// for them in practice), formats kept, descriptions, examples and enums left out. The result
// has "$schema", "type": "object" and "additionalProperties": true.
Json convertRecordSchema(RefResolver& resolver, Node itemSchema, const SchemaLimits& limits = {});

// The properties of an object schema after $ref and allOf, in document order, each with whether
// it is required. Shared by the record locator and the inference rules.
struct SchemaProperty {
  std::string name;
  Node schema;
  bool required = false;
};
std::vector<SchemaProperty> objectProperties(RefResolver& resolver, Node schema);

// The schema's type names after $ref, ignoring "null" ("object", "array", "string", ...); an
// untyped schema with properties counts as "object", with items as "array".
std::vector<std::string> schemaTypes(RefResolver& resolver, Node schema);
bool isObjectSchema(RefResolver& resolver, Node schema);
bool isArraySchema(RefResolver& resolver, Node schema);

}  // namespace manifold::openapi
