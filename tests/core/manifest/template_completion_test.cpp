// Completion inside {{ … }}: what the caret is typing, the variables of the field, macros,
// filters and config keys from the spec.
#include "core/manifest/template_completion.h"

#include "core/interpolation/builtin_docs.h"
#include "core/interpolation/builtins.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace manifold::manifest;
using Want = TemplateCaret::Want;

namespace {

std::vector<std::string> texts(const std::vector<Completion>& list) {
  std::vector<std::string> out;
  for (const Completion& c : list) out.push_back(c.text);
  return out;
}

bool contains(const std::vector<Completion>& list, std::string_view text) {
  return std::any_of(list.begin(), list.end(), [text](const Completion& c) { return c.text == text; });
}

const Completion* find(const std::vector<Completion>& list, std::string_view text) {
  auto it = std::find_if(list.begin(), list.end(), [text](const Completion& c) { return c.text == text; });
  return it == list.end() ? nullptr : &*it;
}

// The caret at the end of `line`.
std::optional<TemplateCaret> caretAtEnd(std::string_view line) {
  return templateCaretAt(line, static_cast<int>(line.size()));
}

const nlohmann::ordered_json kSpec = nlohmann::ordered_json::parse(R"({
  "type": "object",
  "properties": {
    "api_key": {"type": "string", "title": "API key", "airbyte_secret": true},
    "start_date": {"type": "string", "format": "date"},
    "credentials": {
      "type": "object",
      "oneOf": [
        {"properties": {"auth_type": {"const": "oauth"}, "client_id": {"type": "string"}}},
        {"properties": {"auth_type": {"const": "token"}, "token": {"type": "string"}}}
      ]
    }
  }
})");

const char* kManifest =
    "type: DeclarativeSource\n"                                                   // 0
    "streams:\n"                                                                  // 1
    "  - type: DeclarativeStream\n"                                               // 2
    "    name: users\n"                                                           // 3
    "    retriever:\n"                                                            // 4
    "      type: SimpleRetriever\n"                                               // 5
    "      requester:\n"                                                          // 6
    "        type: HttpRequester\n"                                               // 7
    "        url_base: \"{{ \"\n"                                                 // 8
    "        request_parameters:\n"                                               // 9
    "          page: \"{{ \"\n"                                                   // 10
    "      paginator:\n"                                                          // 11
    "        type: DefaultPaginator\n"                                            // 12
    "        pagination_strategy:\n"                                              // 13
    "          type: CursorPagination\n"                                          // 14
    "          cursor_value: \"{{ \"\n"                                           // 15
    "      record_selector:\n"                                                    // 16
    "        type: RecordSelector\n"                                              // 17
    "        record_filter:\n"                                                    // 18
    "          type: RecordFilter\n"                                              // 19
    "          condition: >\n"                                                    // 20
    "            {{ \n"                                                           // 21
    "    transformations:\n"                                                      // 22
    "      - type: AddFields\n"                                                   // 23
    "        fields:\n"                                                           // 24
    "          - path: [x]\n"                                                     // 25
    "            value: \"{{ \"\n";                                               // 26

std::vector<Completion> namesAt(int line, int column) {
  const EditingContext ctx = editingContextAt(kManifest, line, column);
  const auto caret = templateCaretAt(std::string_view("{{ "), 3);
  return templateCompletions(*caret, templateFieldOf(ctx), kSpec);
}

}  // namespace

TEST(TemplateCaret, IsNothingOutsideATemplate) {
  EXPECT_FALSE(caretAtEnd("url_base: https://x.io/"));
  EXPECT_FALSE(caretAtEnd("path: \"{{ a }} b"));
  EXPECT_FALSE(templateCaretAt("path: {{ a }}", 4));
}

TEST(TemplateCaret, ReadsWhatIsBeingTyped) {
  auto c = caretAtEnd("url: \"{{ conf");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->want, Want::Name);
  EXPECT_EQ(c->prefix, "conf");

  c = caretAtEnd("path: \"{{ response.items | len");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->want, Want::Filter);
  EXPECT_EQ(c->prefix, "len");

  c = caretAtEnd("x: \"{{ now_utc() | ");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->want, Want::Filter);
  EXPECT_EQ(c->prefix, "");

  c = caretAtEnd("x: \"{{ max(1, ");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->want, Want::Name);

  c = caretAtEnd("x: \"{% if record and ");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->want, Want::Name);

  EXPECT_FALSE(caretAtEnd("x: \"{{ config ")) << "an operator comes next, not a name";
  EXPECT_FALSE(caretAtEnd("x: \"{{ 'literal te")) << "inside a string that is no key";
}

TEST(TemplateCaret, ReadsConfigSubscriptsAndTheQuoteToClose) {
  auto c = caretAtEnd("api_token: \"{{ config['ap");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->want, Want::ConfigKey);
  EXPECT_EQ(c->prefix, "ap");
  EXPECT_TRUE(c->path.empty());
  EXPECT_EQ(c->closing, "']");

  // The closing quote is already there: insert the key only.
  const std::string_view line = "api_token: \"{{ config[\"\"] }}\"";
  c = templateCaretAt(line, static_cast<int>(line.find("\"]")));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->want, Want::ConfigKey);
  EXPECT_EQ(c->closing, "");

  c = caretAtEnd("x: \"{{ config['credentials']['cl");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->want, Want::ConfigKey);
  EXPECT_EQ(c->path, std::vector<std::string>{"credentials"});

  c = caretAtEnd("x: \"{{ config.credentials.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->want, Want::ConfigKey);
  EXPECT_EQ(c->path, std::vector<std::string>{"credentials"});
  EXPECT_EQ(c->closing, "");

  c = caretAtEnd("x: \"{{ stream_interval.st");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->want, Want::Attribute);
  EXPECT_EQ(c->root, "stream_interval");
  EXPECT_EQ(c->prefix, "st");

  EXPECT_FALSE(caretAtEnd("x: \"{{ record['ke")) << "keys of a record are not known here";
}

TEST(TemplateCompletion, OffersTheVariablesTheFormatDocumentsForTheField) {
  // HttpRequester.url_base: config, next_page_token, stream_interval, … but no response.
  auto offered = namesAt(8, 21);
  EXPECT_TRUE(contains(offered, "config"));
  EXPECT_TRUE(contains(offered, "parameters")) << "every template receives parameters";
  EXPECT_TRUE(contains(offered, "next_page_token"));
  EXPECT_TRUE(contains(offered, "stream_partition"));
  EXPECT_FALSE(contains(offered, "response"));
  EXPECT_FALSE(contains(offered, "record"));

  // CursorPagination.cursor_value: the last response.
  offered = namesAt(15, 27);
  EXPECT_TRUE(contains(offered, "response"));
  EXPECT_TRUE(contains(offered, "headers"));
  EXPECT_TRUE(contains(offered, "last_record"));
  EXPECT_TRUE(contains(offered, "last_page_size"));
  EXPECT_FALSE(contains(offered, "stream_partition"));

  // A request parameter is a value of HttpRequester.request_parameters.
  offered = namesAt(10, 19);
  EXPECT_TRUE(contains(offered, "next_page_token"));
  EXPECT_TRUE(contains(offered, "config"));
  EXPECT_FALSE(contains(offered, "response"));

  // A block scalar belongs to the field above it: RecordFilter.condition sees the record.
  offered = namesAt(21, 15);
  EXPECT_TRUE(contains(offered, "record"));
  EXPECT_TRUE(contains(offered, "stream_interval"));
  EXPECT_FALSE(contains(offered, "headers"));

  // AddedFieldDefinition.value inside a list of AddFields.fields.
  offered = namesAt(26, 22);
  EXPECT_TRUE(contains(offered, "record"));
  EXPECT_FALSE(contains(offered, "response"));
}

TEST(TemplateCompletion, OffersMacrosWithSignaturesAndParentheses) {
  const auto offered = namesAt(8, 21);
  const Completion* macro = find(offered, "format_datetime");
  ASSERT_NE(macro, nullptr);
  EXPECT_EQ(macro->kind, Completion::Kind::Macro);
  EXPECT_NE(macro->detail.find("format_datetime(dt, format"), std::string::npos) << macro->detail;
  EXPECT_EQ(macro->suffix, "(");
  EXPECT_EQ(find(offered, "now_utc")->suffix, "()");
}

TEST(TemplateCompletion, AnUndocumentedPlaceOffersEveryCommonVariable) {
  const auto caret = templateCaretAt(std::string_view("{{ "), 3);
  const auto offered = templateCompletions(*caret, nullptr, kSpec);
  for (const auto& doc : manifold::interpolation::templateVariables()) {
    EXPECT_TRUE(contains(offered, doc.name)) << doc.name;
  }
  EXPECT_FALSE(contains(offered, "raw_schema")) << "only TypesMap.condition receives it";
}

TEST(TemplateCompletion, FiltersByPrefixStartingMatchesFirst) {
  const auto caret = caretAtEnd("x: \"{{ x | base");
  const auto offered = templateCompletions(*caret, nullptr, kSpec);
  EXPECT_EQ(texts(offered), (std::vector<std::string>{"base64encode", "base64decode"}));
  EXPECT_EQ(offered.front().kind, Completion::Kind::Filter);

  const auto regex = templateCompletions(*caretAtEnd("x: \"{{ x | regex_s"), nullptr, kSpec);
  ASSERT_EQ(regex.size(), 1u);
  EXPECT_EQ(regex.front().suffix, "(") << "its pattern has no default";
  const auto hash = templateCompletions(*caretAtEnd("x: \"{{ x | has"), nullptr, kSpec);
  ASSERT_FALSE(hash.empty());
  EXPECT_EQ(hash.front().text, "hash");
  EXPECT_EQ(hash.front().suffix, "") << "every argument of hash has a default";
}

TEST(TemplateCompletion, OffersConfigKeysFromTheSpecWithTheirTitles) {
  auto offered = templateCompletions(*caretAtEnd("x: \"{{ config['"), nullptr, kSpec);
  EXPECT_EQ(texts(offered), (std::vector<std::string>{"api_key", "start_date", "credentials"}));
  EXPECT_EQ(offered[0].kind, Completion::Kind::ConfigKey);
  EXPECT_EQ(offered[0].detail, "API key (string, secret)");
  EXPECT_EQ(offered[0].suffix, "']");

  offered = templateCompletions(*caretAtEnd("x: \"{{ config['start"), nullptr, kSpec);
  EXPECT_EQ(texts(offered), std::vector<std::string>{"start_date"});

  // Nested objects with oneOf choices: the keys of every choice.
  offered = templateCompletions(*caretAtEnd("x: \"{{ config['credentials'][\""), nullptr, kSpec);
  EXPECT_EQ(texts(offered), (std::vector<std::string>{"auth_type", "client_id", "token"}));
  EXPECT_EQ(offered[0].suffix, "\"]");

  EXPECT_TRUE(templateCompletions(*caretAtEnd("x: \"{{ config['nope']['"), nullptr, kSpec).empty());
  EXPECT_TRUE(templateCompletions(*caretAtEnd("x: \"{{ config['"), nullptr, nlohmann::ordered_json()).empty());
}

TEST(TemplateCompletion, OffersTheWindowOfAStreamInterval) {
  const auto offered = templateCompletions(*caretAtEnd("x: \"{{ stream_interval."), nullptr, kSpec);
  EXPECT_EQ(texts(offered), (std::vector<std::string>{"start_time", "end_time"}));
}

TEST(TemplateCompletion, EveryDocumentedMacroAndFilterExists) {
  for (const auto& doc : manifold::interpolation::templateMacros()) {
    EXPECT_TRUE(manifold::interpolation::isGlobalFunction(doc.name)) << doc.name;
  }
  for (const auto& doc : manifold::interpolation::templateFilters()) {
    EXPECT_TRUE(manifold::interpolation::hasFilter(doc.name)) << doc.name;
  }
}

TEST(TemplateCompletion, EveryVariableAFieldNamesIsDocumented) {
  for (const ComponentSpec& component : ComponentCatalog::instance().components()) {
    for (const FieldSpec& field : component.fields) {
      for (std::string_view name : field.interpolationContext) {
        const auto caret = templateCaretAt(std::string_view("{{ "), 3);
        const auto offered = templateCompletions(*caret, &field, nlohmann::ordered_json());
        const Completion* c = find(offered, name);
        ASSERT_NE(c, nullptr) << component.type << "." << field.name << ": " << name;
        EXPECT_FALSE(c->detail.empty()) << component.type << "." << field.name << ": " << name << " has no doc";
      }
    }
  }
}

TEST(TemplateHover, DocumentsTheNameUnderTheCaretInsideATemplate) {
  const std::string_view line = "  path: \"{{ format_datetime(stream_interval.start_time, '%Y') | hash }}\" # now_utc";
  auto doc = templateHoverAt(line, static_cast<int>(line.find("format_datetime")) + 3);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->rfind("Macro format_datetime(dt, format", 0), 0u) << *doc;
  doc = templateHoverAt(line, static_cast<int>(line.find("stream_interval")) + 1);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->rfind("Variable stream_interval — ", 0), 0u) << *doc;
  doc = templateHoverAt(line, static_cast<int>(line.find("hash")) + 2);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->rfind("Filter hash(", 0), 0u) << *doc;
  EXPECT_FALSE(templateHoverAt(line, static_cast<int>(line.find("start_time")) + 2)) << "a key, not a name";
  EXPECT_FALSE(templateHoverAt(line, static_cast<int>(line.find("now_utc")) + 2)) << "outside the template";
  EXPECT_FALSE(templateHoverAt(line, 3)) << "the field name is the catalog's to document";
}
