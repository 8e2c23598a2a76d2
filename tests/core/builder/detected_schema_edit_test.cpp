// Writing a detected schema into the manifest's YAML: where it goes, what stays untouched, and
// that the written YAML loads back as the very schema.
#include "core/builder/detected_schema_edit.h"
#include "core/manifest/document.h"
#include "core/manifest/yaml_writer.h"

#include <gtest/gtest.h>

#include <sstream>

using manifold::builder::detectedSchemaEdit;
using manifold::builder::schemaInWritingOrder;
using manifold::manifest::Document;
using nlohmann::json;

namespace {

std::string apply(const std::string& text, const manifold::builder::ManifestLineEdit& edit) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line + "\n");
  std::string out;
  for (int i = 0; i < edit.firstLine && i < static_cast<int>(lines.size()); ++i) out += lines[static_cast<std::size_t>(i)];
  out += edit.text;
  for (std::size_t i = static_cast<std::size_t>(edit.firstLine + edit.lineCount); i < lines.size(); ++i) out += lines[i];
  return out;
}

std::string write(const std::string& manifest, const std::string& stream, const json& schema) {
  const auto result = detectedSchemaEdit(manifest, stream, schema);
  EXPECT_TRUE(result.edit.has_value()) << result.error;
  return result.edit ? apply(manifest, *result.edit) : manifest;
}

json at(const std::string& yaml, const std::string& pointer) {
  const Document doc = Document::parse(yaml);
  EXPECT_TRUE(doc.loaded()) << yaml;
  return json(doc.root().at(nlohmann::ordered_json::json_pointer(pointer)));
}

const json kSchema = json::parse(R"({"$schema":"http://json-schema.org/schema#","type":"object",
    "properties":{"id":{"type":["null","integer"]},"name":{"type":["null","string"]}}})");

const std::string kStreamsHead =
    "version: 6.4.0\n"
    "type: DeclarativeSource\n"
    "streams:\n";

}  // namespace

TEST(DetectedSchemaEdit, ReplacesAnInlineSchemaAndKeepsEverythingElse) {
  const std::string manifest = kStreamsHead +
                               "  - type: DeclarativeStream\n"
                               "    name: users\n"
                               "    schema_loader:\n"
                               "      type: InlineSchemaLoader\n"
                               "      schema:\n"
                               "        type: object\n"
                               "        properties: {}\n"
                               "    # the retriever\n"
                               "    retriever: {type: SimpleRetriever}\n";
  const std::string out = write(manifest, "users", kSchema);
  EXPECT_EQ(out, kStreamsHead +
                     "  - type: DeclarativeStream\n"
                     "    name: users\n"
                     "    schema_loader:\n"
                     "      type: InlineSchemaLoader\n"
                     "      schema:\n"
                     "        $schema: http://json-schema.org/schema#\n"
                     "        type: object\n"
                     "        properties:\n"
                     "          id:\n"
                     "            type:\n"
                     "            - \"null\"\n"
                     "            - integer\n"
                     "          name:\n"
                     "            type:\n"
                     "            - \"null\"\n"
                     "            - string\n"
                     "    # the retriever\n"
                     "    retriever: {type: SimpleRetriever}\n");
  EXPECT_EQ(at(out, "/streams/0/schema_loader/schema"), kSchema);
}

TEST(DetectedSchemaEdit, FollowsReferencesToTheSchemaTheStreamUses) {
  const std::string manifest = kStreamsHead +
                               "  - $ref: \"#/definitions/users\"\n"
                               "definitions:\n"
                               "  users:\n"
                               "    type: DeclarativeStream\n"
                               "    name: users\n"
                               "    schema_loader:\n"
                               "      $ref: \"#/definitions/loader\"\n"
                               "  loader:\n"
                               "    type: InlineSchemaLoader\n"
                               "    schema:\n"
                               "      $ref: \"#/schemas/users\"\n"
                               "schemas:\n"
                               "  users:\n"
                               "    type: object\n"
                               "  other:\n"
                               "    type: object\n";
  const std::string out = write(manifest, "users", kSchema);
  EXPECT_EQ(at(out, "/schemas/users"), kSchema);
  EXPECT_EQ(at(out, "/schemas/other"), json({{"type", "object"}}));
  EXPECT_EQ(at(out, "/definitions/loader/schema"), json({{"$ref", "#/schemas/users"}}));
}

TEST(DetectedSchemaEdit, AddsASchemaLoaderToAStreamWithout) {
  const std::string manifest = kStreamsHead +
                               "- type: DeclarativeStream\n"
                               "  name: a\n"
                               "  retriever:\n"
                               "    type: SimpleRetriever\n"
                               "\n"
                               "- type: DeclarativeStream\n"
                               "  name: b\n";
  const std::string out = write(manifest, "a", kSchema);
  EXPECT_EQ(at(out, "/streams/0/schema_loader"), json({{"type", "InlineSchemaLoader"}, {"schema", kSchema}}));
  EXPECT_EQ(at(out, "/streams/0/retriever"), json({{"type", "SimpleRetriever"}}));
  EXPECT_EQ(at(out, "/streams/1/name"), "b");
}

TEST(DetectedSchemaEdit, TurnsAnotherSchemaLoaderIntoAnInlineOne) {
  const std::string manifest = kStreamsHead +
                               "  - name: files\n"
                               "    schema_loader:\n"
                               "      type: JsonFileSchemaLoader\n"
                               "      file_path: ./schemas/files.json\n"
                               "    primary_key: id\n";
  const std::string out = write(manifest, "files", kSchema);
  EXPECT_EQ(at(out, "/streams/0/schema_loader"), json({{"type", "InlineSchemaLoader"}, {"schema", kSchema}}));
  EXPECT_EQ(at(out, "/streams/0/primary_key"), "id");
}

TEST(DetectedSchemaEdit, WritesStringsThatLookLikeOtherValuesQuoted) {
  const json tricky = {{"enum", json::array({"yes", "no", "1", "1.5", "null", "~", "on", "a: b", "#x", "- y", "x #y",
                                             "multi\nline", " padded ", "", "@at", "it's", "tab\there", "ü"})},
                       {"default", nullptr},
                       {"minimum", 0},
                       {"exclusive", true},
                       {"examples", json::array({json::object(), json::array(), json::array({json::array({1, 2})}),
                                                 {{"k", {{"deep", "v"}}}}})},
                       {"yes", "key that is a boolean word"},
                       {"2", "key that is a number"}};
  const std::string manifest = kStreamsHead + "  - name: t\n    schema_loader:\n      type: InlineSchemaLoader\n      schema: {}\n";
  const std::string out = write(manifest, "t", tricky);
  EXPECT_EQ(at(out, "/streams/0/schema_loader/schema"), tricky) << out;
}

TEST(DetectedSchemaEdit, SaysWhyWhenItCannotWrite) {
  const std::string manifest = kStreamsHead + "  - {name: inline, schema_loader: {type: InlineSchemaLoader, schema: {}}}\n";
  const auto missing = detectedSchemaEdit(manifest, "nope", kSchema);
  EXPECT_FALSE(missing.edit);
  EXPECT_EQ(missing.error, "The manifest has no stream named 'nope' in streams");
  const auto flow = detectedSchemaEdit(manifest, "inline", kSchema);
  EXPECT_FALSE(flow.edit);
  EXPECT_NE(flow.error.find("flow style"), std::string::npos) << flow.error;
  EXPECT_FALSE(detectedSchemaEdit("streams: [", "x", kSchema).edit);
}

TEST(DetectedSchemaEdit, OrdersSchemaKeywordsAsPeopleWriteThem) {
  const json schema = json::parse(R"({"properties":{"b":{"type":"string"},"a":{"type":"integer"}},
      "type":"object","additionalProperties":true,"$schema":"x"})");
  const auto ordered = schemaInWritingOrder(schema);
  std::vector<std::string> keys;
  for (auto it = ordered.begin(); it != ordered.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"$schema", "type", "additionalProperties", "properties"}));
}
