// Each inference rule on small documents written for the tests (tests/core/openapi/data).
#include "tests/core/openapi/openapi_test_support.h"

namespace manifold::openapi {
namespace {

using namespace manifold::openapi::testing;

std::vector<std::string> names(const ImportPlan& plan) {
  std::vector<std::string> out;
  for (const auto& s : plan.streams) out.push_back(s.name);
  return out;
}

const SpecInput* input(const ImportPlan& plan, const std::string& key) {
  for (const auto& i : plan.specInputs) {
    if (i.key == key) return &i;
  }
  return nullptr;
}

bool mentions(const std::vector<std::string>& notes, const std::string& text) {
  return std::any_of(notes.begin(), notes.end(), [&](const std::string& n) { return n.find(text) != std::string::npos; });
}

// --- Swagger 2.0 -----------------------------------------------------------------------------

TEST(SwaggerImport, HostBasePathAndHttpsGiveTheUrlBase) {
  const auto plan = planFromFixture("petstore_swagger2.yaml");
  EXPECT_EQ(plan.urlBase, "https://petstore.example.com/v2");
  EXPECT_EQ(plan.documentVersion, "Swagger 2.0 (2.0)");
}

TEST(SwaggerImport, BareArrayResponseIsTheRecordList) {
  const auto plan = planFromFixture("petstore_swagger2.yaml");
  EXPECT_EQ(names(plan), std::vector<std::string>{"pets"});  // GET /pets/{petId} returns one pet
  const auto pets = streamNamed(plan, "pets");
  EXPECT_TRUE(pets.recordPath.empty());
  EXPECT_EQ(pets.primaryKey, std::vector<std::string>{"id"});
}

TEST(SwaggerImport, OffsetAndLimitGiveOffsetIncrementSizedByTheMaximum) {
  const auto& p = streamNamed(planFromFixture("petstore_swagger2.yaml"), "pets").pagination;
  EXPECT_EQ(p.kind, PaginationKind::Offset);
  EXPECT_EQ(p.tokenParameter, "offset");
  EXPECT_EQ(p.sizeParameter, "limit");
  EXPECT_EQ(p.pageSize, 200);
}

TEST(SwaggerImport, BasicAuthAndARequiredEnumParameterBecomeSpecInputs) {
  const auto plan = planFromFixture("petstore_swagger2.yaml");
  ASSERT_EQ(plan.auth.size(), 1u);
  EXPECT_EQ(plan.auth[0].kind, AuthKind::Basic);
  const auto* status = input(plan, "status");
  ASSERT_NE(status, nullptr);
  EXPECT_EQ(status->schema["type"], "string");
  EXPECT_EQ(status->schema["enum"], Json::array({"available", "pending", "sold"}));
  EXPECT_EQ(status->schema["description"], "Status values to filter by.");
  const auto pets = streamNamed(plan, "pets");
  ASSERT_EQ(pets.requestParameters.size(), 1u);
  EXPECT_EQ(pets.requestParameters[0], (std::pair<std::string, std::string>{"status", "{{ config['status'] }}"}));
}

TEST(SwaggerImport, XNullableAndOptionalPropertiesBecomeNullableWithFormatsKept) {
  const auto& schema = streamNamed(planFromFixture("petstore_swagger2.yaml"), "pets").schema;
  EXPECT_EQ(schema["properties"]["id"], (Json{{"type", "integer"}, {"format", "int64"}}));
  EXPECT_EQ(schema["properties"]["name"]["type"], "string");
  EXPECT_EQ(schema["properties"]["tag"]["type"], Json::array({"string", "null"}));
  EXPECT_EQ(schema["properties"]["photoUrls"]["items"]["type"], "string");
  EXPECT_EQ(schema["properties"]["category"]["properties"]["name"]["type"], Json::array({"string", "null"}));
}

// --- OpenAPI 3.0 -----------------------------------------------------------------------------

TEST(OpenApi30Import, BearerSchemeGivesBearerAuthenticator) {
  const auto plan = planFromFixture("repos_openapi30.yaml");
  ASSERT_EQ(plan.auth.size(), 1u);
  EXPECT_EQ(plan.auth[0].kind, AuthKind::Bearer);
  EXPECT_EQ(plan.urlBase, "https://api.codehost.example");  // the trailing slash dropped
}

TEST(OpenApi30Import, DocumentedLinkHeaderGivesLinkHeaderPagination) {
  const auto& p = streamNamed(planFromFixture("repos_openapi30.yaml"), "users").pagination;
  EXPECT_EQ(p.kind, PaginationKind::LinkHeader);
  EXPECT_EQ(p.cursorValue, "{{ headers.get('link', {}).get('next', {}).get('url') }}");
  EXPECT_EQ(p.sizeParameter, "per_page");
  EXPECT_EQ(p.pageSize, 100);
}

TEST(OpenApi30Import, ChildPathBecomesSubstreamKeyedByTheMatchingParentField) {
  const auto plan = planFromFixture("repos_openapi30.yaml");
  const auto repos = streamNamed(plan, "repos");
  ASSERT_TRUE(repos.parent);
  EXPECT_EQ(repos.parent->parentName, "users");
  EXPECT_EQ(repos.parent->parentKey, "login");  // the users' own 'login', not their id
  EXPECT_EQ(repos.parent->partitionField, "login");
  EXPECT_FALSE(repos.parent->parentKeyGuessed);
  EXPECT_EQ(repos.requestPath, "/users/{{ stream_partition.login }}/repos");
}

TEST(OpenApi30Import, GrandchildReadsTheGrandparentValueFromParentSlice) {
  const auto& issues = streamNamed(planFromFixture("repos_openapi30.yaml"), "issues");
  ASSERT_TRUE(issues.parent);
  EXPECT_EQ(issues.parent->parentName, "repos");
  EXPECT_EQ(issues.parent->parentKey, "id");
  EXPECT_TRUE(issues.parent->parentKeyGuessed);  // {repo} probably wants a name, not an id
  EXPECT_EQ(issues.requestPath,
            "/users/{{ stream_partition.parent_slice.login }}/repos/{{ stream_partition.repo }}/issues");
  EXPECT_TRUE(mentions(issues.notInferred, "parent key"));
}

// A parameter named like user-id is no identifier: the template must index, not dot into, the partition.
TEST(OpenApi30Import, PathParameterThatIsNoIdentifierIsReadByIndex) {
  const std::string text = R"(
openapi: 3.0.0
info: {title: T, version: "1"}
servers: [{url: "https://api.example.com"}]
paths:
  /users:
    get: {responses: {"200": {description: x, content: {application/json: {schema: {type: array, items: {type: object, properties: {user-id: {type: string}}}}}}}}}
  /users/{user-id}/posts:
    get:
      parameters: [{name: user-id, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: x, content: {application/json: {schema: {type: array, items: {type: object}}}}}}
  /orgs/{org'name}/teams:
    get:
      parameters: [{name: "org'name", in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: x, content: {application/json: {schema: {type: array, items: {type: object}}}}}}
)";
  const auto plan = planFromText(text);
  const auto posts = streamNamed(plan, "posts");
  ASSERT_TRUE(posts.parent);
  EXPECT_EQ(posts.parent->partitionField, "user-id");
  EXPECT_EQ(posts.requestPath, "/users/{{ stream_partition['user-id'] }}/posts");
  EXPECT_EQ(streamNamed(plan, "teams").requestPath, "/orgs/{{ config['org\\'name'] }}/teams");
  auto yaml = writeManifest(plan);
  ASSERT_TRUE(yaml) << yaml.error().message;
  EXPECT_EQ(manifestFindings(yaml.value()), "") << yaml.value();
}

TEST(OpenApi30Import, PathParameterWithoutParentListBecomesASpecInput) {
  const auto plan = planFromFixture("repos_openapi30.yaml");
  const auto comments = streamNamed(plan, "comments");
  EXPECT_FALSE(comments.parent);
  EXPECT_EQ(comments.requestPath, "/gists/{{ config['gist_id'] }}/comments");
  const auto* gist = input(plan, "gist_id");
  ASSERT_NE(gist, nullptr);
  EXPECT_EQ(gist->schema["description"], "The gist's id.");
}

TEST(OpenApi30Import, NullableTrueBecomesATypeList) {
  const auto& schema = streamNamed(planFromFixture("repos_openapi30.yaml"), "users").schema;
  EXPECT_EQ(schema["properties"]["login"]["type"], "string");  // required, not nullable
  EXPECT_EQ(schema["properties"]["name"]["type"], Json::array({"string", "null"}));
}

TEST(OpenApi30Import, SinceFilterWithUpdatedAtIsSuggestedNotApplied) {
  const auto& issues = streamNamed(planFromFixture("repos_openapi30.yaml"), "issues");
  ASSERT_TRUE(issues.incremental);
  EXPECT_EQ(issues.incremental->cursorField, "updated_at");
  EXPECT_EQ(issues.incremental->startParameter, "since");
  EXPECT_EQ(issues.pagination.kind, PaginationKind::None);
}

TEST(OpenApi30Import, PropertyDescribedAsUniqueIsThePrimaryKey) {
  EXPECT_EQ(streamNamed(planFromFixture("repos_openapi30.yaml"), "issues").primaryKey,
            std::vector<std::string>{"number"});
}

// --- OpenAPI 3.1 -----------------------------------------------------------------------------

TEST(OpenApi31Import, ServerVariablesBecomeSpecInputsInTheUrlBase) {
  const auto plan = planFromFixture("shapes_openapi31.json");
  EXPECT_EQ(plan.urlBase, "https://{{ config['region'] }}.shapes.example/{{ config['basePath'] }}");
  const auto* region = input(plan, "region");
  ASSERT_NE(region, nullptr);
  EXPECT_EQ(region->schema["enum"], Json::array({"eu", "us"}));
  EXPECT_EQ(region->schema["default"], "eu");
}

TEST(OpenApi31Import, TwoSchemesGiveSelectiveAuthWithOAuthClientCredentials) {
  const auto plan = planFromFixture("shapes_openapi31.json");
  ASSERT_EQ(plan.auth.size(), 2u);
  EXPECT_EQ(plan.auth[0].kind, AuthKind::ApiKey);
  EXPECT_EQ(plan.auth[0].injectInto, "request_parameter");
  EXPECT_EQ(plan.auth[0].fieldName, "key");
  EXPECT_EQ(plan.auth[1].kind, AuthKind::OAuthClientCredentials);
  EXPECT_EQ(plan.auth[1].tokenUrl, "https://auth.shapes.example/token");
  EXPECT_EQ(plan.auth[1].scopes, std::vector<std::string>{"read"});
}

TEST(OpenApi31Import, CandidatesAreListsAndSearchesOnly) {
  const auto plan = planFromFixture("shapes_openapi31.json");
  EXPECT_EQ(names(plan), (std::vector<std::string>{"circles", "squares", "triangles", "polygons", "hexagons",
                                                   "shapes_search", "stars"}));
  EXPECT_EQ(streamNamed(plan, "shapes_search").method, "POST");
}

TEST(OpenApi31Import, WrappersLocateTheRecords) {
  const auto plan = planFromFixture("shapes_openapi31.json");
  EXPECT_EQ(streamNamed(plan, "circles").recordPath, std::vector<std::string>{"results"});
  EXPECT_EQ(streamNamed(plan, "squares").recordPath, std::vector<std::string>{"value"});
  EXPECT_EQ(streamNamed(plan, "triangles").recordPath, std::vector<std::string>{"triangles"});  // through allOf
  EXPECT_EQ(streamNamed(plan, "polygons").recordPath, std::vector<std::string>{"data"});
  EXPECT_EQ(streamNamed(plan, "hexagons").recordPath, (std::vector<std::string>{"_embedded", "hexagons"}));
  EXPECT_EQ(streamNamed(plan, "shapes_search").recordPath, std::vector<std::string>{"items"});
  EXPECT_EQ(streamNamed(plan, "stars").recordPath, (std::vector<std::string>{"data", "stars"}));
}

TEST(OpenApi31Import, NextUrlFieldsGiveRequestPathCursors) {
  const auto plan = planFromFixture("shapes_openapi31.json");
  const auto circlesStream = streamNamed(plan, "circles");
  const auto& circles = circlesStream.pagination;
  EXPECT_EQ(circles.kind, PaginationKind::NextUrl);
  EXPECT_EQ(circles.cursorValue, "{{ response.next }}");
  EXPECT_EQ(circles.pageSize, 500);
  EXPECT_EQ(streamNamed(plan, "squares").pagination.cursorValue, "{{ response.get('@odata.nextLink') }}");
  EXPECT_EQ(streamNamed(plan, "hexagons").pagination.cursorValue,
            "{{ response.get('_links', {}).get('next', {}).get('href') }}");
}

TEST(OpenApi31Import, TokenFieldWithItsParameterGivesCursorPagination) {
  const auto& p = streamNamed(planFromFixture("shapes_openapi31.json"), "triangles").pagination;
  EXPECT_EQ(p.kind, PaginationKind::Cursor);
  EXPECT_EQ(p.cursorValue, "{{ response.nextPageToken }}");
  EXPECT_EQ(p.tokenParameter, "pageToken");
  EXPECT_EQ(p.sizeParameter, "pageSize");
  EXPECT_EQ(p.pageSize, 50);
}

TEST(OpenApi31Import, HasMoreWithStartingAfterPassesTheLastId) {
  const auto& p = streamNamed(planFromFixture("shapes_openapi31.json"), "polygons").pagination;
  EXPECT_EQ(p.kind, PaginationKind::Cursor);
  EXPECT_EQ(p.cursorValue, "{{ last_record['id'] }}");
  EXPECT_EQ(p.stopCondition, "{{ not response.has_more }}");
  EXPECT_EQ(p.tokenParameter, "starting_after");
}

TEST(OpenApi31Import, PageNumbersFromZeroWithoutSize) {
  const auto& stars = streamNamed(planFromFixture("shapes_openapi31.json"), "stars");
  EXPECT_EQ(stars.pagination.kind, PaginationKind::PageNumber);
  EXPECT_EQ(stars.pagination.startFromPage, 0);
  EXPECT_FALSE(stars.pagination.pageSize);
  ASSERT_TRUE(stars.incremental);
  EXPECT_EQ(stars.incremental->cursorField, "modified");
  EXPECT_EQ(stars.incremental->format, "date");
}

TEST(OpenApi31Import, CursorWithoutAParameterIsNoPaginationWithANote) {
  const auto& search = streamNamed(planFromFixture("shapes_openapi31.json"), "shapes_search");
  EXPECT_EQ(search.pagination.kind, PaginationKind::None);
  EXPECT_TRUE(mentions(search.notInferred, "pagination"));
}

TEST(OpenApi31Import, TypeArraysWithNullAndRequiredIdsGiveTheKey) {
  const auto& circles = streamNamed(planFromFixture("shapes_openapi31.json"), "circles");
  EXPECT_EQ(circles.primaryKey, std::vector<std::string>{"uuid"});  // the one required property ending in id
  EXPECT_EQ(circles.schema["properties"]["kind"]["type"], Json::array({"string", "null"}));
  EXPECT_EQ(circles.schema["properties"]["uuid"], (Json{{"type", "string"}, {"format", "uuid"}}));
}

// --- $refs -----------------------------------------------------------------------------------

TEST(RefImport, RecursiveSchemaIsCutIntoAnOpenObject) {
  const auto plan = planFromFixture("refs_openapi30.yaml");
  const auto folders = streamNamed(plan, "folders");
  const auto& schema = folders.schema;
  const auto& parent = schema["properties"]["parent"];
  EXPECT_EQ(parent["type"], Json::array({"object", "null"}));
  EXPECT_FALSE(parent.contains("properties"));  // the cycle stops here
  EXPECT_EQ(schema["properties"]["children"]["items"]["type"], "object");
}

TEST(RefImport, ExternalFilesResolveRelativeToTheReferringFile) {
  const auto plan = planFromFixture("refs_openapi30.yaml");
  const auto files = streamNamed(plan, "files");
  EXPECT_EQ(files.recordPath, std::vector<std::string>{"files"});
  EXPECT_EQ(files.primaryKey, std::vector<std::string>{"file_id"});
  EXPECT_EQ(files.schema["properties"]["size"]["type"], Json::array({"integer", "null"}));
}

TEST(RefImport, CircularAndMissingRefsAreReportedNotFatal) {
  const auto plan = planFromFixture("refs_openapi30.yaml");
  EXPECT_FALSE(plan.findStream("loops"));
  EXPECT_TRUE(mentions(plan.notes, "'#/components/schemas/LoopA' is circular") ||
              mentions(plan.notes, "'#/components/schemas/LoopB' is circular"));
  EXPECT_TRUE(mentions(plan.notes, "'#/components/schemas/Missing' cannot be resolved"));
  const auto ghosts = streamNamed(plan, "ghosts");
  EXPECT_EQ(ghosts.schema["properties"]["owner"], Json::object());
}

TEST(RefImport, EscapedPointerTokensResolve) {
  const auto& tags = streamNamed(planFromFixture("refs_openapi30.yaml"), "tags");
  EXPECT_TRUE(tags.recordPath.empty());
  EXPECT_TRUE(tags.schema["properties"].contains("label"));
}

// --- names and failures ----------------------------------------------------------------------

TEST(ImportNames, SnakeCaseFromSegments) {
  EXPECT_EQ(snakeCase("customerOrders"), "customer_orders");
  EXPECT_EQ(snakeCase("Customer-Orders.json"), "customer_orders");
  EXPECT_EQ(snakeCase("HTTPRequests"), "http_requests");
  EXPECT_EQ(snakeCase("2fa"), "stream_2fa");
}

TEST(ImportNames, DuplicateNamesTakeTheParentSegmentThenANumber) {
  const auto plan = planFromText(R"(
openapi: 3.0.0
info: {title: T, version: "1"}
paths:
  /items:
    get: {responses: {"200": {description: x, content: {application/json: {schema: {type: array, items: {type: object}}}}}}}
  /archive/items:
    get: {responses: {"200": {description: x, content: {application/json: {schema: {type: array, items: {type: object}}}}}}}
  /v2/archive/items:
    get: {responses: {"200": {description: x, content: {application/json: {schema: {type: array, items: {type: object}}}}}}}
)");
  EXPECT_EQ(names(plan), (std::vector<std::string>{"items", "archive_items", "items_2"}));
}

TEST(ImportFailures, DocumentWithoutListsSaysSo) {
  auto document = loadOpenApi(fixturePath("no_lists_openapi30.yaml"));
  ASSERT_TRUE(document) << document.error().message;
  auto plan = planImport(document.value());
  ASSERT_FALSE(plan);
  EXPECT_NE(plan.error().message.find("has no list endpoints"), std::string::npos) << plan.error().message;
}

TEST(ImportOptionsTest, BaseUrlOverridesTheServers) {
  ImportOptions options;
  options.baseUrl = "http://127.0.0.1:9999/v3";
  const auto plan = planFromFixture("shapes_openapi31.json", options);
  EXPECT_EQ(plan.urlBase, "http://127.0.0.1:9999/v3");
  EXPECT_EQ(input(plan, "region"), nullptr);
}

}  // namespace
}  // namespace manifold::openapi
