// Authentication from securitySchemes (OpenAPI 3) or securityDefinitions (Swagger 2).
#pragma once

#include "core/openapi/import_plan.h"
#include "core/openapi/ref_resolver.h"

namespace manifold::openapi {

// The schemes the document's security requirements name (all defined ones when none are
// named), each mapped to a declarative authenticator; schemes with no declarative equivalent
// (openIdConnect, implicit-only OAuth, digest, mutual TLS) are left out with a note.
std::vector<AuthScheme> inferAuth(RefResolver& resolver, const OpenApiDocument& document, std::vector<Inference>& inferred,
                                  std::vector<std::string>& notes);

}  // namespace manifold::openapi
