// ImportPlan: everything inferred from an OpenAPI document, before a manifest is written.
#pragma once

#include "core/openapi/openapi_document.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace manifold::openapi {

// One line of the report: what was inferred and the part of the document it came from.
struct Inference {
  std::string what;  // "pagination: PageIncrement (page, per_page), page size 100"
  std::string from;  // "parameters 'page', 'per_page' of listCustomers"
};

enum class PaginationKind {
  None,
  NextUrl,       // CursorPagination on a response URL field, injected with RequestPath
  Cursor,        // CursorPagination on a token field, injected as a query parameter
  Offset,        // OffsetIncrement
  PageNumber,    // PageIncrement
  LinkHeader,    // CursorPagination on the Link header's rel="next", RequestPath
};

std::string_view paginationKindName(PaginationKind kind);  // "CursorPagination (next URL)", ...

struct PaginationPlan {
  PaginationKind kind = PaginationKind::None;
  std::string cursorValue;     // CursorPagination's cursor_value template
  std::string stopCondition;   // CursorPagination's stop_condition, may be empty
  std::string tokenParameter;  // query parameter for the cursor, offset or page number
  std::string sizeParameter;   // query parameter for the page size, may be empty
  std::optional<long long> pageSize;
  bool pageSizeGuessed = false;  // no maximum or default in the document
  long long startFromPage = 1;
};

struct ParentLink {
  std::string parentName;      // the parent stream's name
  std::string parentKey;       // the parent record's field fed into the child's path
  std::string partitionField;  // the path parameter it fills
  bool parentKeyGuessed = false;
};

struct IncrementalSuggestion {
  std::string cursorField;     // record field, e.g. updated_at
  std::string startParameter;  // query parameter, e.g. updated_since
  std::string format;          // "date-time" or "date"
};

// A config input the manifest's spec declares.
struct SpecInput {
  std::string key;
  Json schema;  // the property's JSON schema: type, title, description, enum, default, ...
  bool required = true;
};

struct CandidateStream {
  std::string name;
  std::string method = "GET";
  std::string path;         // as written in the document: /users/{user_id}/posts
  std::string requestPath;  // with templates: /users/{{ stream_partition.user_id }}/posts
  std::string operationId;
  std::string summary;
  std::vector<std::string> recordPath;  // DpathExtractor field_path; empty: the response is the list
  std::vector<std::string> primaryKey;
  PaginationPlan pagination;
  std::optional<ParentLink> parent;
  std::vector<std::pair<std::string, std::string>> requestParameters;  // name -> template
  Json schema;  // InlineSchemaLoader schema
  std::optional<IncrementalSuggestion> incremental;
  std::vector<Inference> inferred;
  std::vector<std::string> notInferred;  // what the user has to decide or check

  std::string operationLabel() const { return operationId.empty() ? method + " " + path : operationId; }
};

enum class AuthKind { ApiKey, Bearer, Basic, OAuthClientCredentials, OAuthRefreshToken };

struct AuthScheme {
  std::string name;  // the scheme's name in securitySchemes/securityDefinitions
  AuthKind kind = AuthKind::ApiKey;
  std::string injectInto;  // ApiKey: header or request_parameter
  std::string fieldName;   // ApiKey: header or query parameter name
  bool cookie = false;     // ApiKey sent as a cookie: injected as a Cookie header
  std::string tokenUrl;    // OAuth
  std::vector<std::string> scopes;
  std::string description;
};

struct ImportPlan {
  std::string title;
  std::string apiVersion;
  std::string description;
  std::string documentVersion;  // "OpenAPI 3.1 (3.1.0)"
  std::string source;           // file or URL
  std::string urlBase;          // literal URL or a template over server variables
  std::vector<AuthScheme> auth;
  std::vector<SpecInput> specInputs;  // server variables, required parameters, unfed path parameters
  std::vector<CandidateStream> streams;
  std::vector<Inference> inferred;  // document-wide: url_base, auth
  std::vector<std::string> notes;   // unresolved refs, skipped schemes and operations, guesses

  const CandidateStream* findStream(std::string_view name) const;
};

}  // namespace manifold::openapi
