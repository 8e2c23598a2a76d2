// Resolver: references, sibling overrides, cycles, default types, `$parameters`, origins.
#include "core/manifest/resolver.h"

#include <gtest/gtest.h>

namespace manifold::manifest {
namespace {

struct Resolved {
  Document document;
  ResolvedManifest manifest;
};

Resolved resolveText(const std::string& text) {
  Resolved r{Document::parse(text), {}};
  EXPECT_TRUE(r.document.loaded()) << (r.document.diagnostics().empty() ? "" : r.document.diagnostics()[0].message);
  r.manifest = Resolver(r.document).resolve();
  return r;
}

TEST(Resolver, AddsDeclarativeSourceTypeAtTheRoot) {
  auto r = resolveText("version: 1\n");
  EXPECT_EQ(r.manifest.root["type"], "DeclarativeSource");
}

TEST(Resolver, ExpandsRefObjectsWithSiblingsWinningOneLevelDeep) {
  auto r = resolveText(
      "definitions:\n"
      "  requester:\n"
      "    type: HttpRequester\n"
      "    url_base: https://a.io\n"
      "    request_parameters: {a: 1, b: 2}\n"
      "thing:\n"
      "  $ref: '#/definitions/requester'\n"
      "  url_base: https://b.io\n"
      "  request_parameters: {c: 3}\n");
  const Json& thing = r.manifest.root["thing"];
  EXPECT_EQ(thing["type"], "HttpRequester");
  EXPECT_EQ(thing["url_base"], "https://b.io");
  EXPECT_EQ(thing["request_parameters"], Json::parse(R"({"c": 3})"));
  EXPECT_FALSE(thing.contains("$ref"));
  EXPECT_TRUE(r.manifest.diagnostics.empty());
}

TEST(Resolver, ReplacesStringReferencesWithAnyValue) {
  auto r = resolveText(
      "defs:\n  page: 50\n  list: [a, b]\n  obj: {k: v}\n"
      "limit: '#/defs/page'\nitems: '#/defs/list'\nsecond: '#/defs/list/1'\nobject: '#/defs/obj'\n");
  EXPECT_EQ(r.manifest.root["limit"], 50);
  EXPECT_EQ(r.manifest.root["items"], Json::parse(R"(["a","b"])"));
  EXPECT_EQ(r.manifest.root["second"], "b");
  EXPECT_EQ(r.manifest.root["object"]["k"], "v");
}

TEST(Resolver, TriesTheWholeRemainingPathAsAKeyFirst) {
  auto r = resolveText("nested:\n  path: first\nnested/path: second\nvalue: '#/nested/path'\n");
  EXPECT_EQ(r.manifest.root["value"], "second");
}

TEST(Resolver, ResolvesChainsAndReferencesInsideTargets) {
  auto r = resolveText(
      "definitions:\n"
      "  base: {type: HttpRequester, url_base: '#/definitions/url'}\n"
      "  url: https://x.io\n"
      "  middle: {$ref: '#/definitions/base', path: /m}\n"
      "  top: {$ref: '#/definitions/middle', http_method: POST}\n"
      "use: {$ref: '#/definitions/top'}\n");
  const Json& use = r.manifest.root["use"];
  EXPECT_EQ(use["url_base"], "https://x.io");
  EXPECT_EQ(use["path"], "/m");
  EXPECT_EQ(use["http_method"], "POST");
  EXPECT_EQ(use["type"], "HttpRequester");
}

TEST(Resolver, DropsSiblingsWhenTheTargetIsNotAMapping) {
  auto r = resolveText("defs:\n  n: 5\nx:\n  $ref: '#/defs/n'\n  extra: 1\n");
  EXPECT_EQ(r.manifest.root["x"], 5);
}

TEST(Resolver, NamesTheCycleAndPointsAtTheReference) {
  auto r = resolveText(
      "definitions:\n"
      "  a:\n    $ref: '#/definitions/b'\n"
      "  b:\n    $ref: '#/definitions/a'\n"
      "use: '#/definitions/a'\n");
  ASSERT_EQ(r.manifest.diagnostics.size(), 1u);
  const Diagnostic& d = r.manifest.diagnostics[0];
  EXPECT_EQ(d.severity, Severity::Error);
  // definitions/a is met first, its $ref leads to b, whose $ref leads back to a.
  EXPECT_NE(d.message.find("circular reference: #/definitions/b -> #/definitions/a -> #/definitions/b"),
            std::string::npos)
      << d.message;
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.path, "/definitions/a/$ref");
}

// Found by manifest_fuzz: locating a node whose `$ref` chain is a cycle recursed until the stack
// overflowed (the validator locates every diagnostic, so `manifold-cli validate` crashed).
TEST(Resolver, LocatesANodeInsideAReferenceCycleWithoutEndlessRecursion) {
  const Document document = Document::parse(
      "definitions:\n"
      "  a:\n    $ref: '#/definitions/b'\n"
      "  b:\n    $ref: '#/definitions/a'\n"
      "streams:\n  - $ref: '#/definitions/a'\n");
  const Resolver resolver(document);
  const ResolvedManifest resolved = resolver.resolve();
  ASSERT_FALSE(resolved.diagnostics.empty());
  EXPECT_NE(resolved.diagnostics[0].message.find("circular reference"), std::string::npos);
  EXPECT_TRUE(resolver.locate("/streams/0").known());
  EXPECT_TRUE(resolver.locate("/streams/0/name").known());
  EXPECT_TRUE(resolver.locate("/definitions/a/x").known());
}

TEST(Resolver, ReportsMissingTargetsWithASuggestion) {
  auto r = resolveText("definitions:\n  requester: {type: HttpRequester}\nuse:\n  $ref: '#/definitions/requestr'\n");
  ASSERT_EQ(r.manifest.diagnostics.size(), 1u);
  const Diagnostic& d = r.manifest.diagnostics[0];
  EXPECT_NE(d.message.find("points to nothing"), std::string::npos);
  EXPECT_EQ(d.suggestion, "#/definitions/requester");
  EXPECT_EQ(d.line, 4);
  EXPECT_TRUE(r.manifest.root["use"].is_null());
}

TEST(Resolver, LeavesConfigOverridesAlone) {
  auto r = resolveText("config_overrides: {x: '#/nowhere'}\n");
  EXPECT_EQ(r.manifest.root["config_overrides"]["x"], "#/nowhere");
  EXPECT_TRUE(r.manifest.diagnostics.empty());
}

TEST(Resolver, StopsReferenceExpansionBombs) {
  std::string text = "definitions:\n  d0: [x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 12; ++i) {
    text += "  d" + std::to_string(i) + ": [";
    for (int j = 0; j < 8; ++j) text += std::string(j ? ", " : "") + "'#/definitions/d" + std::to_string(i - 1) + "'";
    text += "]\n";
  }
  text += "use: '#/definitions/d11'\n";
  auto r = resolveText(text);
  ASSERT_FALSE(r.manifest.diagnostics.empty());
  EXPECT_NE(r.manifest.diagnostics.back().message.find("expand to more than"), std::string::npos);
}

TEST(Resolver, FillsDefaultTypesFromTheParentField) {
  auto r = resolveText(
      "streams:\n"
      "  - retriever:\n"
      "      requester: {url_base: x}\n"
      "      record_selector: {extractor: {field_path: []}}\n"
      "      paginator: {pagination_strategy: {type: PageIncrement}}\n"
      "    schema_loader: {file_path: x}\n");
  const Json& stream = r.manifest.root["streams"][0];
  EXPECT_EQ(stream["type"], "DeclarativeStream");
  EXPECT_EQ(stream["retriever"]["type"], "SimpleRetriever");
  EXPECT_EQ(stream["retriever"]["requester"]["type"], "HttpRequester");
  EXPECT_EQ(stream["retriever"]["record_selector"]["extractor"]["type"], "DpathExtractor");
  // The reference's trap: an untyped paginator becomes NoPagination.
  EXPECT_EQ(stream["retriever"]["paginator"]["type"], "NoPagination");
  EXPECT_EQ(stream["schema_loader"]["type"], "JsonFileSchemaLoader");
}

TEST(Resolver, PropagatesParametersToChildrenWithOwnValuesWinning) {
  auto r = resolveText(
      "streams:\n"
      "  - type: DeclarativeStream\n"
      "    $parameters: {name: users, path: /users, field_path: [data]}\n"
      "    retriever:\n"
      "      type: SimpleRetriever\n"
      "      $parameters: {path: /own}\n"
      "      requester: {type: HttpRequester, url_base: x}\n"
      "      record_selector:\n"
      "        type: RecordSelector\n"
      "        extractor: {type: DpathExtractor, field_path: []}\n");
  const Json& stream = r.manifest.root["streams"][0];
  EXPECT_EQ(stream["name"], "users");
  EXPECT_EQ(stream["retriever"]["requester"]["path"], "/own");
  EXPECT_EQ(stream["retriever"]["requester"]["name"], "users");
  // An explicit but falsy field is overwritten by a same-named parameter.
  EXPECT_EQ(stream["retriever"]["record_selector"]["extractor"]["field_path"], Json::parse(R"(["data"])"));
  EXPECT_EQ(stream["retriever"]["$parameters"]["path"], "/own");
  EXPECT_EQ(stream["$parameters"]["path"], "/users");
}

TEST(Resolver, KeepsParametersOutOfJsonSchemasAndUntypedMaps) {
  auto r = resolveText(
      "streams:\n"
      "  - type: DeclarativeStream\n"
      "    $parameters: {name: users}\n"
      "    schema_loader:\n"
      "      type: InlineSchemaLoader\n"
      "      schema:\n"
      "        type: object\n"
      "        $parameters: {x: 1}\n"
      "        properties: {id: {type: string}}\n"
      "    retriever:\n"
      "      type: SimpleRetriever\n"
      "      requester:\n"
      "        type: HttpRequester\n"
      "        request_headers: {Accept: json}\n");
  const Json& stream = r.manifest.root["streams"][0];
  const Json& schema = stream["schema_loader"]["schema"];
  EXPECT_FALSE(schema.contains("name"));
  EXPECT_FALSE(schema.contains("$parameters"));
  EXPECT_FALSE(stream["retriever"]["requester"]["request_headers"].contains("name"));
  EXPECT_EQ(stream["schema_loader"]["name"], "users");
}

TEST(Resolver, WithholdsAParameterFromTheFieldOfTheSameName) {
  auto r = resolveText(
      "streams:\n"
      "  - type: DeclarativeStream\n"
      "    $parameters:\n"
      "      transformations: [{type: AddFields, fields: []}]\n"
      "      name: s\n");
  const Json& stream = r.manifest.root["streams"][0];
  ASSERT_TRUE(stream["transformations"].is_array());
  const Json& add = stream["transformations"][0];
  EXPECT_EQ(add["type"], "AddFields");
  EXPECT_EQ(add["name"], "s");
  EXPECT_FALSE(add.contains("transformations"));
}

TEST(Resolver, UsesCustomTypesForUntypedClassNameComponents) {
  auto r = resolveText(
      "streams:\n"
      "  - type: DeclarativeStream\n"
      "    retriever:\n"
      "      type: SimpleRetriever\n"
      "      requester:\n"
      "        type: HttpRequester\n"
      "        authenticator: {class_name: a.B}\n");
  EXPECT_EQ(r.manifest.root["streams"][0]["retriever"]["requester"]["authenticator"]["type"], "CustomAuthenticator");
}

TEST(Resolver, TracesResolvedNodesBackToWhereTheyWereWritten) {
  const std::string text =
      "definitions:\n"                                   // 1
      "  base:\n"                                        // 2
      "    type: HttpRequester\n"                        // 3
      "    url_base: https://a.io\n"                     // 4
      "  url: https://u.io\n"                            // 5
      "streams:\n"                                       // 6
      "  - type: DeclarativeStream\n"                    // 7
      "    $parameters:\n"                               // 8
      "      path: /users\n"                             // 9
      "    retriever:\n"                                 // 10
      "      type: SimpleRetriever\n"                    // 11
      "      requester:\n"                               // 12
      "        $ref: '#/definitions/base'\n"             // 13
      "        http_method: GET\n"                       // 14
      "        url: '#/definitions/url'\n";              // 15
  auto doc = Document::parse(text);
  Resolver resolver(doc);
  auto resolved = resolver.resolve();
  const std::string requester = "/streams/0/retriever/requester";
  EXPECT_EQ(resolver.originOf(requester + "/url_base"), "/definitions/base/url_base");
  EXPECT_EQ(resolver.locate(requester + "/url_base"), (SourcePosition{4, 5}));
  EXPECT_EQ(resolver.locate(requester + "/http_method"), (SourcePosition{14, 9}));
  EXPECT_EQ(resolver.originOf(requester + "/url"), "/definitions/url");
  EXPECT_EQ(resolver.originOf(requester + "/path"), "/streams/0/$parameters/path");
  EXPECT_EQ(resolver.locate(requester + "/path"), (SourcePosition{9, 7}));
  // A type filled in by default points at the component itself.
  EXPECT_EQ(resolver.originOf("/streams/0/retriever/record_selector"), "/streams/0/retriever");
}

}  // namespace
}  // namespace manifold::manifest
