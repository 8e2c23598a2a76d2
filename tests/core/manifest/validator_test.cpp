// Validator: each kind of finding, with its position and suggestion.
#include "core/manifest/manifest_loader.h"

#include <gtest/gtest.h>

#include <string>

namespace manifold::manifest {
namespace {

// A small valid manifest; tests change one thing at a time.
const std::string kValid =
    "version: 6.4.0\n"                                   // 1
    "type: DeclarativeSource\n"                          // 2
    "check:\n"                                           // 3
    "  type: CheckStream\n"                              // 4
    "  stream_names: [users]\n"                          // 5
    "streams:\n"                                         // 6
    "  - type: DeclarativeStream\n"                      // 7
    "    name: users\n"                                  // 8
    "    primary_key: id\n"                              // 9
    "    retriever:\n"                                   // 10
    "      type: SimpleRetriever\n"                      // 11
    "      requester:\n"                                 // 12
    "        type: HttpRequester\n"                      // 13
    "        url_base: https://api.example.com\n"        // 14
    "        path: /users\n"                             // 15
    "        http_method: GET\n"                         // 16
    "        request_parameters:\n"                      // 17
    "          since: \"{{ config['start'] }}\"\n"       // 18
    "      record_selector:\n"                           // 19
    "        type: RecordSelector\n"                     // 20
    "        extractor:\n"                               // 21
    "          type: DpathExtractor\n"                   // 22
    "          field_path: [data]\n"                     // 23
    "      paginator:\n"                                 // 24
    "        type: DefaultPaginator\n"                   // 25
    "        pagination_strategy:\n"                     // 26
    "          type: PageIncrement\n"                    // 27
    "          page_size: 100\n"                         // 28
    "        page_token_option:\n"                       // 29
    "          type: RequestOption\n"                    // 30
    "          inject_into: request_parameter\n"         // 31
    "          field_name: page\n"                       // 32
    "    schema_loader:\n"                               // 33
    "      type: InlineSchemaLoader\n"                   // 34
    "      schema: {type: object}\n"                     // 35
    "spec:\n"                                            // 36
    "  type: Spec\n"                                     // 37
    "  connection_specification: {type: object}\n";      // 38

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

Diagnostics errorsOf(const std::string& text) {
  Diagnostics out;
  for (auto& d : loadManifest(text).diagnostics) {
    if (d.severity == Severity::Error) out.push_back(d);
  }
  return out;
}

std::string dump(const Diagnostics& ds) {
  std::string out;
  for (const auto& d : ds) out += std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.message + "\n";
  return out;
}

TEST(Validator, AcceptsAValidManifestWithoutFindings) {
  const auto loaded = loadManifest(kValid);
  EXPECT_TRUE(loaded.ok());
  EXPECT_TRUE(loaded.diagnostics.empty()) << dump(loaded.diagnostics);
}

TEST(Validator, SuggestsTheClosestTypeForAMisspelledOne) {
  const auto errors = errorsOf(replaced(kValid, "type: PageIncrement", "type: PageIncrment"));
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_EQ(errors[0].line, 27);
  EXPECT_NE(errors[0].message.find("unknown component type 'PageIncrment'"), std::string::npos);
  EXPECT_EQ(errors[0].suggestion, "PageIncrement");
  EXPECT_EQ(errors[0].path, "/streams/0/retriever/paginator/pagination_strategy/type");
}

TEST(Validator, ReportsAMissingRequiredFieldAtItsComponent) {
  const auto errors = errorsOf(replaced(kValid, "          inject_into: request_parameter\n", ""));
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_EQ(errors[0].line, 29);
  EXPECT_NE(errors[0].message.find("RequestOption is missing the required field 'inject_into'"), std::string::npos)
      << errors[0].message;
  EXPECT_EQ(errors[0].suggestion, "inject_into");
}

TEST(Validator, WarnsAboutUnknownFieldsWithASuggestion) {
  const auto loaded = loadManifest(replaced(kValid, "        path: /users\n", "        pth: /users\n"));
  ASSERT_EQ(loaded.diagnostics.size(), 1u) << dump(loaded.diagnostics);
  const Diagnostic& d = loaded.diagnostics[0];
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.line, 15);
  EXPECT_EQ(d.column, 9);
  EXPECT_EQ(d.suggestion, "path");
  EXPECT_TRUE(loaded.ok());
}

TEST(Validator, DoesNotWarnAboutFieldsFilledFromParameters) {
  const auto text = replaced(kValid, "    name: users\n", "    name: users\n    $parameters:\n      custom_key: 1\n");
  const auto loaded = loadManifest(text);
  EXPECT_TRUE(loaded.diagnostics.empty()) << dump(loaded.diagnostics);
}

TEST(Validator, ReportsAListWhereAStringBelongs) {
  const auto errors = errorsOf(replaced(kValid, "url_base: https://api.example.com", "url_base: [a, b]"));
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_EQ(errors[0].line, 14);
  EXPECT_NE(errors[0].message.find("'url_base' of HttpRequester must be a string, not a list"), std::string::npos)
      << errors[0].message;
}

TEST(Validator, ReportsAValueOutsideTheEnumWithASuggestion) {
  const auto errors = errorsOf(replaced(kValid, "http_method: GET", "http_method: GTE"));
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_EQ(errors[0].line, 16);
  EXPECT_NE(errors[0].message.find("'GTE' is not a valid value for 'http_method'"), std::string::npos);
  EXPECT_EQ(errors[0].suggestion, "GET");
}

TEST(Validator, ReportsTemplatesThatDoNotParse) {
  const auto errors = errorsOf(replaced(kValid, "\"{{ config['start'] }}\"", "\"{{ config['start'] \""));
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_EQ(errors[0].line, 18);
  EXPECT_NE(errors[0].message.find("template does not parse"), std::string::npos);
}

TEST(Validator, WarnsWhenCheckStreamNamesNameNoStream) {
  // The reference loads such a manifest and only fails the check at run time: a warning.
  const auto loaded = loadManifest(replaced(kValid, "stream_names: [users]", "stream_names: [user]"));
  ASSERT_EQ(loaded.diagnostics.size(), 1u) << dump(loaded.diagnostics);
  const Diagnostic& d = loaded.diagnostics[0];
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.line, 5);
  EXPECT_EQ(d.column, 18);
  EXPECT_NE(d.message.find("no stream has that name"), std::string::npos);
  EXPECT_EQ(d.suggestion, "users");
}

TEST(Validator, ReportsDuplicateStreamNamesAtTheSecondStream) {
  const std::string stream = kValid.substr(kValid.find("  - type: DeclarativeStream"),
                                           kValid.find("spec:\n") - kValid.find("  - type: DeclarativeStream"));
  const auto errors = errorsOf(replaced(kValid, "spec:\n", stream + "spec:\n"));
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_NE(errors[0].message.find("duplicate stream name 'users'"), std::string::npos);
  EXPECT_NE(errors[0].message.find("line 8"), std::string::npos);
  EXPECT_EQ(errors[0].line, 37);
}

TEST(Validator, RequiresAWellFormedVersion) {
  auto missing = errorsOf(replaced(kValid, "version: 6.4.0\n", ""));
  ASSERT_EQ(missing.size(), 1u) << dump(missing);
  EXPECT_NE(missing[0].message.find("no 'version'"), std::string::npos);
  auto number = errorsOf(replaced(kValid, "version: 6.4.0", "version: 6.4"));
  ASSERT_EQ(number.size(), 1u) << dump(number);
  EXPECT_NE(number[0].message.find("must be a string"), std::string::npos);
  auto malformed = errorsOf(replaced(kValid, "version: 6.4.0", "version: latest"));
  ASSERT_EQ(malformed.size(), 1u) << dump(malformed);
  EXPECT_EQ(malformed[0].line, 1);
}

TEST(Validator, GivesOneErrorPerCustomComponentAndNoCascade) {
  const auto errors = errorsOf(replaced(kValid,
                                        "          type: DpathExtractor\n          field_path: [data]\n",
                                        "          type: CustomRecordExtractor\n          class_name: source_x.Extractor\n"
                                        "          anything: [1, 2]\n"));
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_EQ(errors[0].line, 21);  // the component's key: extractor
  EXPECT_NE(errors[0].message.find("CustomRecordExtractor"), std::string::npos);
  EXPECT_NE(errors[0].message.find("source_x.Extractor"), std::string::npos);
}

TEST(Validator, ReportsAComponentTypeThatDoesNotFitTheField) {
  const auto errors = errorsOf(replaced(kValid, "          type: PageIncrement\n", "          type: DpathExtractor\n"));
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].line, 27);
  EXPECT_NE(errors[0].message.find("cannot be used for 'pagination_strategy'"), std::string::npos) << dump(errors);
}

TEST(Validator, PointsErrorsInSharedDefinitionsAtTheDefinitionOnce) {
  const std::string text = replaced(
      replaced(kValid, "      requester:\n        type: HttpRequester\n", "      requester:\n        $ref: '#/definitions/req'\n"),
      "version: 6.4.0\n", "version: 6.4.0\ndefinitions:\n  req:\n    type: HttpRequester\n    http_method: FETCH\n");
  const auto cleaned = replaced(text, "        http_method: GET\n", "");
  const auto errors = errorsOf(cleaned);
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_EQ(errors[0].line, 5);
}

TEST(Validator, AcceptsShapesWrittenWithTheirTypeName) {
  const std::string text = replaced(kValid, "      schema: {type: object}\n",
                                    "      schema: {type: object}\n"
                                    "    name: users\n");
  const auto withShape = replaced(kValid, "    schema_loader:\n      type: InlineSchemaLoader\n      schema: {type: object}\n",
                                  "    schema_loader:\n      type: DynamicSchemaLoader\n"
                                  "      retriever: {type: SimpleRetriever, requester: {type: HttpRequester, url_base: x},"
                                  " record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}}\n"
                                  "      schema_type_identifier:\n        key_pointer: [name]\n        types_mapping:\n"
                                  "          - type: TypesMap\n            target_type: string\n            current_type: text\n");
  (void)text;
  const auto loaded = loadManifest(withShape);
  EXPECT_TRUE(loaded.diagnostics.empty()) << dump(loaded.diagnostics);
}

}  // namespace
}  // namespace manifold::manifest
