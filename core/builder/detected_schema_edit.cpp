// The text edit that writes a detected schema into a stream's inline schema in the manifest's
// YAML, leaving every other line as the user wrote it.
#include "core/builder/detected_schema_edit.h"

#include "core/manifest/document.h"
#include "core/manifest/json_pointer.h"
#include "core/manifest/yaml_writer.h"

#include <array>
#include <vector>

namespace manifold::builder {

namespace {

using manifest::Json;  // ordered, as the document keeps the user's key order

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

int indentOf(std::string_view line) {
  int n = 0;
  while (static_cast<std::size_t>(n) < line.size() && line[static_cast<std::size_t>(n)] == ' ') ++n;
  return n;
}

bool isBlankOrComment(std::string_view line) {
  const std::size_t first = line.find_first_not_of(" \t");
  return first == std::string_view::npos || line[first] == '#';
}

const Json* nodeAt(const Json& root, const std::string& pointer) {
  const Json* node = &root;
  for (const std::string& token : manifest::splitPointer(pointer)) {
    if (node->is_object()) {
      auto it = node->find(token);
      if (it == node->end()) return nullptr;
      node = &*it;
    } else if (node->is_array()) {
      std::size_t index = 0;
      for (char c : token) {
        if (c < '0' || c > '9') return nullptr;
        index = index * 10 + static_cast<std::size_t>(c - '0');
      }
      if (index >= node->size()) return nullptr;
      node = &(*node)[index];
    } else {
      return nullptr;
    }
  }
  return node;
}

// "#/definitions/x" -> "/definitions/x"; empty when the node is not a local reference.
std::string refTarget(const Json& node) {
  if (!node.is_object()) return {};
  auto it = node.find("$ref");
  if (it == node.end() || !it->is_string()) return {};
  const std::string& ref = it->get_ref<const std::string&>();
  return ref.rfind("#/", 0) == 0 ? ref.substr(1) : std::string();
}

// Follows a node that is only a `$ref` (nothing beside it) to what it names.
std::string throughPureRefs(const Json& root, std::string pointer) {
  for (int hops = 0; hops < 32; ++hops) {
    const Json* node = nodeAt(root, pointer);
    if (node == nullptr || !node->is_object() || node->size() != 1) return pointer;
    const std::string target = refTarget(*node);
    if (target.empty() || nodeAt(root, target) == nullptr) return pointer;
    pointer = target;
  }
  return pointer;
}

// The pointer of the node in the `$ref` chain from `pointer` that holds `key`, or empty.
std::string holderOf(const Json& root, std::string pointer, const char* key) {
  for (int hops = 0; hops < 32; ++hops) {
    const Json* node = nodeAt(root, pointer);
    if (node == nullptr || !node->is_object()) return {};
    if (node->contains(key)) return pointer;
    const std::string target = refTarget(*node);
    if (target.empty()) return {};
    pointer = target;
  }
  return {};
}

// The last node of the `$ref` chain from `pointer`: where the definition is written out.
std::string definitionOf(const Json& root, std::string pointer) {
  for (int hops = 0; hops < 32; ++hops) {
    const Json* node = nodeAt(root, pointer);
    const std::string target = node ? refTarget(*node) : std::string();
    if (target.empty() || nodeAt(root, target) == nullptr) return pointer;
    pointer = target;
  }
  return pointer;
}

struct Span {
  int keyLine = 0;     // 0-based line of the key
  int keyColumn = 0;   // 0-based column of the key
  int endLine = 0;     // one past the last line of the value
  std::string prefix;  // the key line up to and including the ':'
};

std::optional<Span> entrySpan(const manifest::Document& doc, const std::vector<std::string_view>& lines,
                              const std::string& pointer, std::string& error) {
  const manifest::SourceEntry* entry = doc.sourceMap().find(pointer);
  if (entry == nullptr || !entry->hasKey()) {
    error = "cannot find where " + pointer + " is written";
    return std::nullopt;
  }
  Span span;
  span.keyLine = entry->keyBegin.line - 1;
  span.keyColumn = entry->keyBegin.column - 1;
  if (span.keyLine < 0 || static_cast<std::size_t>(span.keyLine) >= lines.size()) {
    error = "cannot find where " + pointer + " is written";
    return std::nullopt;
  }
  const std::string_view keyLine = lines[static_cast<std::size_t>(span.keyLine)];
  const std::string_view before = keyLine.substr(0, static_cast<std::size_t>(span.keyColumn));
  if (before.find_first_not_of(" -") != std::string_view::npos) {
    error = pointer + " (line " + std::to_string(span.keyLine + 1) +
            ") is written in flow style ({...}); write it as a block to let Manifold edit it";
    return std::nullopt;
  }
  const std::size_t colon = keyLine.find(':', static_cast<std::size_t>(entry->keyEnd.column > 0 ? entry->keyEnd.column - 1 : 0));
  if (colon == std::string_view::npos) {
    error = "cannot find the ':' after " + pointer + " on line " + std::to_string(span.keyLine + 1);
    return std::nullopt;
  }
  span.prefix = std::string(keyLine.substr(0, colon + 1));
  int last = span.keyLine;
  for (std::size_t i = static_cast<std::size_t>(span.keyLine) + 1; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    const int indent = indentOf(line);
    if (isBlankOrComment(line)) {
      // A comment at the key's indentation or left of it belongs to what follows the value.
      if (line.find('#') != std::string_view::npos && indent <= span.keyColumn) break;
      continue;
    }
    // A list under the key may sit at the key's own indentation ("key:\n- item").
    const bool sameIndentList = indent == span.keyColumn && line.substr(static_cast<std::size_t>(indent)).rfind("- ", 0) == 0;
    if (indent <= span.keyColumn && !sameIndentList) break;
    last = static_cast<int>(i);
  }
  span.endLine = last + 1;
  return span;
}

std::string withValue(const std::string& prefix, const Json& value, int keyColumn) {
  if (!value.is_structured() || value.empty()) return prefix + ' ' + manifest::toYamlScalar(value) + '\n';
  return prefix + '\n' + manifest::toYamlBlock(value, keyColumn + 2);
}

std::string nameOf(const Json& root, const std::string& streamPointer) {
  const std::string holder = holderOf(root, streamPointer, "name");
  const Json* node = holder.empty() ? nullptr : nodeAt(root, holder);
  if (node == nullptr) return {};
  auto it = node->find("name");
  return it != node->end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

nlohmann::ordered_json schemaInWritingOrder(const nlohmann::json& schema) {
  static const std::array<const char*, 9> kFirst = {"$schema", "title", "description", "type", "format",
                                                     "airbyte_type", "additionalProperties", "required", "items"};
  if (schema.is_array()) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& item : schema) out.push_back(schemaInWritingOrder(item));
    return out;
  }
  if (!schema.is_object()) return nlohmann::ordered_json(schema);
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const char* key : kFirst) {
    if (schema.contains(key)) out[key] = schemaInWritingOrder(schema[key]);
  }
  for (auto it = schema.begin(); it != schema.end(); ++it) {
    if (out.contains(it.key())) continue;
    // Property names are data, not keywords: keep them alphabetical but order their schemas.
    out[it.key()] = schemaInWritingOrder(it.value());
  }
  return out;
}

DetectedSchemaEdit detectedSchemaEdit(std::string_view yamlText, std::string_view streamName,
                                      const nlohmann::json& schema) {
  DetectedSchemaEdit result;
  const manifest::Document doc = manifest::Document::parse(yamlText);
  if (!doc.loaded()) {
    result.error = "The manifest does not load; fix its errors before writing the schema";
    return result;
  }
  const Json& root = doc.root();
  const Json* streams = nodeAt(root, "/streams");
  std::string streamPointer;
  if (streams != nullptr && streams->is_array()) {
    for (std::size_t i = 0; i < streams->size(); ++i) {
      const std::string p = manifest::childPointer("/streams", i);
      if (nameOf(root, p) == streamName) {
        streamPointer = p;
        break;
      }
    }
  }
  const std::string name(streamName);
  if (streamPointer.empty()) {
    result.error = "The manifest has no stream named '" + name + "' in streams";
    return result;
  }

  const std::vector<std::string_view> lines = splitLines(yamlText);
  const Json written = schemaInWritingOrder(schema);
  const std::string loaderHolder = holderOf(root, streamPointer, "schema_loader");
  std::string error;
  if (loaderHolder.empty()) {
    // No schema loader anywhere: add one after the stream definition's last entry.
    const std::string def = definitionOf(root, streamPointer);
    const Json* node = nodeAt(root, def);
    if (node == nullptr || !node->is_object() || node->empty()) {
      result.error = "Stream '" + name + "' is not a mapping Manifold can add a schema_loader to";
      return result;
    }
    std::optional<Span> lastEntry = entrySpan(doc, lines, manifest::childPointer(def, std::prev(node->end()).key()), error);
    if (!lastEntry) {
      result.error = "Stream '" + name + "': " + error;
      return result;
    }
    Json loader = Json::object();
    loader["type"] = "InlineSchemaLoader";
    loader["schema"] = written;
    const std::string pad(static_cast<std::size_t>(lastEntry->keyColumn), ' ');
    result.edit = ManifestLineEdit{lastEntry->endLine, 0, withValue(pad + "schema_loader:", loader, lastEntry->keyColumn)};
    return result;
  }

  const std::string loaderPointer = throughPureRefs(root, manifest::childPointer(loaderHolder, "schema_loader"));
  const Json* loader = nodeAt(root, loaderPointer);
  std::string target;
  Json value;
  if (loader != nullptr && loader->is_object() && loader->value("type", "") == "InlineSchemaLoader" &&
      loader->contains("schema")) {
    target = throughPureRefs(root, manifest::childPointer(loaderPointer, "schema"));
    value = written;
  } else {
    target = loaderPointer;
    value = Json::object();
    value["type"] = "InlineSchemaLoader";
    value["schema"] = written;
  }
  std::optional<Span> span = entrySpan(doc, lines, target, error);
  if (!span) {
    result.error = "Stream '" + name + "': " + error;
    return result;
  }
  result.edit = ManifestLineEdit{span->keyLine, span->endLine - span->keyLine, withValue(span->prefix, value, span->keyColumn)};
  return result;
}

}  // namespace manifold::builder
