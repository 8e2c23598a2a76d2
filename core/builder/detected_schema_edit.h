// The text edit that writes a detected schema into a stream's inline schema in the manifest's
// YAML, leaving every other line as the user wrote it.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace manifold::builder {

// Replace `lineCount` whole lines from `firstLine` (0-based) with `text` (lines ending in '\n');
// lineCount 0 inserts before firstLine.
struct ManifestLineEdit {
  int firstLine = 0;
  int lineCount = 0;
  std::string text;
};

struct DetectedSchemaEdit {
  std::optional<ManifestLineEdit> edit;
  std::string error;  // why no edit is possible, naming the stream and the place
};

// Where the schema goes: following `$ref`s from the stream's entry in `streams`, the value of its
// InlineSchemaLoader's `schema` (or what that `$ref`s, e.g. `#/schemas/<name>`); a stream with
// another schema loader gets an InlineSchemaLoader in its place; a stream with none gets one added.
DetectedSchemaEdit detectedSchemaEdit(std::string_view yamlText, std::string_view streamName,
                                      const nlohmann::json& schema);

// The schema with JSON Schema's keywords in the order people write them ($schema, type,
// additionalProperties, required, properties, ...) instead of alphabetical order.
nlohmann::ordered_json schemaInWritingOrder(const nlohmann::json& schema);

}  // namespace manifold::builder
