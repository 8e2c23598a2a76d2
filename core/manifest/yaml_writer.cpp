// JSON values written as block-style YAML, the way a person writes a manifest by hand.
#include "core/manifest/yaml_writer.h"

#include "core/manifest/yaml_scalar.h"

#include <cctype>

namespace manifold::manifest {

namespace {

using Json = nlohmann::ordered_json;

bool isInline(const Json& value) { return !value.is_structured() || value.empty(); }

bool plainIsSafe(const std::string& s) {
  if (s.empty() || std::isspace(static_cast<unsigned char>(s.front())) ||
      std::isspace(static_cast<unsigned char>(s.back()))) {
    return false;
  }
  // Characters that start YAML syntax, and sequences that end a plain scalar.
  static const std::string kIndicators = "-?:,[]{}#&*!|>'\"%@`";
  if (kIndicators.find(s.front()) != std::string::npos) return false;
  if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos || s.back() == ':') return false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || static_cast<unsigned char>(c) < 0x20) return false;
  }
  // Loaded back, it must be this very string (not a number, boolean or null).
  const Json loaded = resolvePlainScalar(s);
  return loaded.is_string() && loaded.get_ref<const std::string&>() == s;
}

std::string keyText(const std::string& key) { return plainIsSafe(key) ? key : Json(key).dump(); }

void writeEntries(const Json& value, int indent, std::string& out);

// Writes `value` after "key:" or "-" that is already on the line.
void writeAfterIndicator(const Json& value, int indent, std::string& out) {
  if (isInline(value)) {
    out += ' ' + toYamlScalar(value) + '\n';
    return;
  }
  out += '\n';
  writeEntries(value, indent, out);
}

void writeEntries(const Json& value, int indent, std::string& out) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      out += pad + keyText(it.key()) + ':';
      // A list under a key is written at the key's own indentation, as in most manifests.
      writeAfterIndicator(it.value(), it.value().is_array() ? indent : indent + 2, out);
    }
  } else if (value.is_array()) {
    for (const Json& item : value) {
      if (item.is_object() && !item.empty()) {
        // "- first: 1" then the other keys under "first".
        std::string nested;
        writeEntries(item, indent + 2, nested);
        out += pad + "- " + nested.substr(static_cast<std::size_t>(indent) + 2);
      } else {
        out += pad + '-';
        writeAfterIndicator(item, indent + 2, out);
      }
    }
  } else {
    out += pad + toYamlScalar(value) + '\n';
  }
}

}  // namespace

std::string toYamlScalar(const Json& value) {
  if (value.is_object()) return "{}";
  if (value.is_array()) return "[]";
  if (value.is_string()) {
    const auto& s = value.get_ref<const std::string&>();
    return plainIsSafe(s) ? s : value.dump();  // JSON's escapes are YAML double-quoted escapes
  }
  return value.dump();  // null, true/false and numbers read the same in YAML
}

std::string toYamlBlock(const Json& value, int indent) {
  std::string out;
  writeEntries(value, indent, out);
  return out;
}

}  // namespace manifold::manifest
