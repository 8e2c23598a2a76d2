// An OpenAPI 3.0/3.1 or Swagger 2.0 document read from text, a file or an http(s) URL.
#pragma once

#include "core/http/http_client.h"
#include "core/openapi/result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <stop_token>
#include <string>
#include <string_view>

namespace manifold::openapi {

// Documents keep the order they were written in, so streams come out in the document's order.
using Json = nlohmann::ordered_json;

enum class SpecVersion { Swagger2, OpenApi30, OpenApi31 };

std::string_view specVersionName(SpecVersion version);  // "Swagger 2.0", "OpenAPI 3.0", "OpenAPI 3.1"

struct OpenApiDocument {
  Json root;
  SpecVersion version = SpecVersion::OpenApi30;
  std::string versionText;  // as written: "3.1.0", "2.0"
  std::string location;     // the file path or URL it was read from; empty for plain text
  bool fromUrl = false;
};

struct LoadOptions {
  // GitHub's and Stripe's documents are 5–10 MB; anything far beyond is refused with a message
  // rather than parsed into several hundred MB of memory.
  std::size_t maxBytes = std::size_t{16} << 20;
  http::HttpClientOptions http = defaultHttpOptions();
  std::stop_token stop;

  static http::HttpClientOptions defaultHttpOptions();
};

// Parses JSON (text starting with '{') or YAML and checks that it is an OpenAPI/Swagger
// document. `location` only names the source in messages and anchors relative references.
Result<OpenApiDocument> parseOpenApi(std::string_view text, std::string location = {});

// Reads a file, or an http(s) URL through core/http (its timeouts and the size cap apply).
Result<OpenApiDocument> loadOpenApi(const std::string& fileOrUrl, const LoadOptions& options = {});

// Parses JSON or YAML text into a tree without checking what it describes (external $ref
// targets). `where` names the source in messages.
Result<Json> parseJsonOrYaml(std::string_view text, const std::string& where);

bool isHttpUrl(std::string_view text);

}  // namespace manifold::openapi
