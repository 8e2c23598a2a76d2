// ConfigField: spec.connection_specification as a tree of form fields (the spec → form model).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace manifold::config {

enum class FieldKind {
  String,   // also dates and date-times (see `format`) and secrets (see `secret`)
  Integer,
  Number,
  Boolean,
  Enum,     // a string (or number) out of `enumValues`
  List,     // an array; `items[0]` describes one element
  Object,   // nested properties in `fields`
  OneOf,    // one of `options`, each an Object
  Other,    // a schema the form cannot model; edited as JSON text
};

struct ConfigField {
  std::string key;          // property name; empty for the root and for oneOf options
  std::string pointer;      // JSON pointer of the value in a config ("/credentials/api_key")
  std::string title;        // the spec's title, else the key
  std::string description;
  FieldKind kind = FieldKind::Other;
  bool secret = false;      // airbyte_secret: true
  bool required = false;    // listed in the parent's `required`
  bool multiline = false;
  bool hidden = false;      // airbyte_hidden: true
  std::string format;       // "date", "date-time", "email", …
  std::string pattern;
  std::string patternDescriptor;  // pattern_descriptor: what the pattern means to a user
  nlohmann::json defaultValue;    // null when absent
  nlohmann::json examples;        // null or an array
  nlohmann::json enumValues;      // null or an array (Enum)
  nlohmann::json constValue;      // the value a oneOf option's discriminator must hold
  std::optional<double> minimum;
  std::optional<double> maximum;
  std::vector<ConfigField> fields;   // Object: properties in display order
  std::vector<ConfigField> options;  // OneOf: the branches, each an Object at this pointer
  std::vector<ConfigField> items;    // List: one element describing the array's items
  nlohmann::ordered_json schema;     // the field's own schema, for Other

  bool isDate() const { return format == "date" || format == "date-time"; }
  // The option of a oneOf whose discriminators match `value` (an object), or -1.
  int matchingOption(const nlohmann::json& value) const;
  // The first example or the default, as a placeholder would show it; empty when neither.
  std::string hint() const;
};

// Builds the form model. Properties are shown in their `order`, then in the spec's order.
// Anything unexpected (a missing type, a property that is not an object) becomes an Other
// field rather than an error: the spec is user data being typed.
ConfigField parseConnectionSpecification(const nlohmann::ordered_json& connectionSpecification);
ConfigField parseConnectionSpecification(const nlohmann::json& connectionSpecification);

// `field` with `prefix` put before its pointer and its nested fields' pointers: a list's item
// (whose pointers are relative to the element) placed at element "/rows/2".
ConfigField withPointerPrefix(ConfigField field, const std::string& prefix);

// Text of a JSON scalar as a user would type it: strings without quotes, numbers as printed.
std::string displayText(const nlohmann::json& value);

}  // namespace manifold::config
