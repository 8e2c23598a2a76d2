// Reading OpenAPI documents: JSON through nlohmann (fast for multi-MB files), YAML through the
// manifest's yaml-cpp event builder, files and URLs with a size cap.
#include "core/openapi/openapi_document.h"

#include "core/manifest/document.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace manifold::openapi {
namespace {

std::string megabytes(std::size_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return text;
}

std::string displayName(const std::string& where) { return where.empty() ? std::string("the document") : where; }

// 1-based line and column of a byte offset, for JSON parse errors (nlohmann reports bytes).
std::string lineColumn(std::string_view text, std::size_t byte) {
  if (byte > text.size()) byte = text.size();
  std::size_t line = 1;
  std::size_t lineStart = 0;
  for (std::size_t i = 0; i < byte; ++i) {
    if (text[i] == '\n') {
      ++line;
      lineStart = i + 1;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(byte - lineStart + 1);
}

bool startsWithBrace(std::string_view text) {
  std::size_t i = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // UTF-8 byte order mark
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) ++i;
  return i < text.size() && text[i] == '{';
}

Result<OpenApiDocument> checkVersion(Json root, std::string location) {
  OpenApiDocument document;
  document.location = std::move(location);
  const auto where = displayName(document.location);
  auto versionField = [&](const char* key) -> std::string {
    auto it = root.find(key);
    if (it == root.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();  // swagger: 2.0 written unquoted
    return {};
  };
  if (auto swagger = versionField("swagger"); !swagger.empty()) {
    if (swagger.rfind("2", 0) != 0) {
      return OpenApiError{where + ": Swagger version '" + swagger + "' is not supported; Swagger 2.0 is"};
    }
    document.version = SpecVersion::Swagger2;
    document.versionText = swagger;
  } else if (auto openapi = versionField("openapi"); !openapi.empty()) {
    if (openapi.rfind("3.0", 0) == 0) {
      document.version = SpecVersion::OpenApi30;
    } else if (openapi.rfind("3.", 0) == 0) {
      document.version = SpecVersion::OpenApi31;  // 3.1 and later 3.x read alike
    } else {
      return OpenApiError{where + ": OpenAPI version '" + openapi + "' is not supported; 3.0, 3.1 and Swagger 2.0 are"};
    }
    document.versionText = openapi;
  } else {
    return OpenApiError{where + " is not an OpenAPI document: it has neither an 'openapi' nor a 'swagger' version field"};
  }
  if (auto paths = root.find("paths"); paths != root.end() && !paths->is_object() && !paths->is_null()) {
    return OpenApiError{where + ": 'paths' must be a mapping of paths to operations"};
  }
  document.root = std::move(root);
  return document;
}

}  // namespace

std::string_view specVersionName(SpecVersion version) {
  switch (version) {
    case SpecVersion::Swagger2: return "Swagger 2.0";
    case SpecVersion::OpenApi30: return "OpenAPI 3.0";
    case SpecVersion::OpenApi31: return "OpenAPI 3.1";
  }
  return "OpenAPI";
}

http::HttpClientOptions LoadOptions::defaultHttpOptions() {
  http::HttpClientOptions options;
  options.connectTimeout = std::chrono::milliseconds(10'000);
  options.totalTimeout = std::chrono::milliseconds(60'000);
  options.lowSpeedWindow = std::chrono::seconds(20);
  return options;
}

bool isHttpUrl(std::string_view text) {
  return text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0;
}

Result<Json> parseJsonOrYaml(std::string_view text, const std::string& where) {
  const auto name = displayName(where);
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return OpenApiError{name + " is empty"};
  if (startsWithBrace(text)) {
    try {
      return Json::parse(text);
    } catch (const Json::parse_error& e) {
      // nlohmann's message repeats its own position text; keep only the reason after "error: ".
      std::string reason = e.what();
      if (auto at = reason.find("error: "); at != std::string::npos) reason = reason.substr(at + 7);
      return OpenApiError{name + " is not valid JSON (" + lineColumn(text, e.byte == 0 ? 0 : e.byte - 1) + "): " + reason};
    }
  }
  manifest::DocumentLimits limits;
  limits.maxNodes = 50'000'000;
  auto document = manifest::Document::parse(text, limits);
  if (!document.loaded()) {
    for (const auto& d : document.diagnostics()) {
      if (d.severity != manifest::Severity::Error) continue;
      std::string at = d.line > 0 ? " (line " + std::to_string(d.line) + ", column " + std::to_string(d.column) + ")" : "";
      return OpenApiError{name + " is not a YAML or JSON mapping" + at + ": " + d.message};
    }
    return OpenApiError{name + " is not a YAML or JSON mapping"};
  }
  return document.root();
}

Result<OpenApiDocument> parseOpenApi(std::string_view text, std::string location) {
  auto tree = parseJsonOrYaml(text, location);
  if (!tree) return tree.error();
  return checkVersion(std::move(tree.value()), std::move(location));
}

Result<OpenApiDocument> loadOpenApi(const std::string& fileOrUrl, const LoadOptions& options) {
  if (isHttpUrl(fileOrUrl)) {
    auto httpOptions = options.http;
    httpOptions.maxBodyBytes = options.maxBytes;
    http::HttpClient client(httpOptions);
    http::HttpRequest request;
    request.url = fileOrUrl;
    request.headers.push_back({"Accept", "application/json, application/yaml;q=0.9, */*;q=0.5"});
    auto response = client.send(request, options.stop);
    if (!response) {
      if (response.error().kind == http::HttpErrorKind::TooLarge) {
        return OpenApiError{"cannot read " + fileOrUrl + ": the document is larger than " + megabytes(options.maxBytes) +
                            ", the most Manifold imports"};
      }
      return OpenApiError{"cannot read " + fileOrUrl + ": " + response.error().message};
    }
    if (response->status < 200 || response->status >= 300) {
      return OpenApiError{"cannot read " + fileOrUrl + ": the server answered HTTP " + std::to_string(response->status)};
    }
    auto document = parseOpenApi(response->body, fileOrUrl);
    if (document) {
      document->fromUrl = true;
      document->location = response->url.empty() ? fileOrUrl : response->url;  // after redirects
    }
    return document;
  }
  std::error_code ec;
  const std::filesystem::path path(fileOrUrl);
  if (!std::filesystem::exists(path, ec)) return OpenApiError{"cannot read " + fileOrUrl + ": no such file"};
  if (std::filesystem::is_directory(path, ec)) return OpenApiError{"cannot read " + fileOrUrl + ": it is a folder, not a file"};
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > options.maxBytes) {
    return OpenApiError{"cannot read " + fileOrUrl + ": it is " + megabytes(size) + ", more than the " +
                        megabytes(options.maxBytes) + " Manifold imports"};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return OpenApiError{"cannot read " + fileOrUrl + ": permission denied or unreadable"};
  std::ostringstream text;
  text << in.rdbuf();
  return parseOpenApi(text.str(), fileOrUrl);
}

}  // namespace manifold::openapi
