// planImport: an OpenAPI document → candidate streams with pagination, auth, parents, schemas.
#pragma once

#include "core/openapi/import_plan.h"
#include "core/openapi/schema_converter.h"

namespace manifold::openapi {

struct ImportOptions {
  std::string baseUrl;  // replaces the document's servers/host when set (a local or staging API)
  SchemaLimits schemaLimits;
};

// Infers every candidate stream (GET lists, and POST searches whose body is only filters).
// Fails with a message when the document has no list endpoint at all.
Result<ImportPlan> planImport(const OpenApiDocument& document, const ImportOptions& options = {});

// "listCustomerOrders" / "/v1/Customer-Orders.json" segment → "customer_orders".
std::string snakeCase(std::string_view text);

}  // namespace manifold::openapi
