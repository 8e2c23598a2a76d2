// The demo API's OpenAPI 3 document (core/demo/demo_openapi.json, compiled in).
#pragma once

#include <string_view>

namespace manifold::demo {

// The JSON text of the document, exactly as in core/demo/demo_openapi.json.
std::string_view demoOpenApiDocument();

}  // namespace manifold::demo
