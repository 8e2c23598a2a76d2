// Where the caret is in a manifest being typed: which component, which field, what to offer.
#pragma once

#include "core/manifest/component_catalog.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace manifold::manifest {

// Worked out from indentation alone, so it also answers while the YAML is half-written.
struct EditingContext {
  enum class Slot {
    Key,        // typing a key of the mapping
    Value,      // typing the value of `key`
  };
  Slot slot = Slot::Key;
  std::string componentType;  // type of the mapping the caret is in (written or default)
  std::string parentType;     // type of the component that holds this mapping
  std::string parentField;    // field of parentType whose value this mapping is
  bool listItem = false;      // the mapping is an element of parentField's list
  std::string key;            // the key on the caret's line (Value slot)
  std::string prefix;         // the partial word before the caret
  std::vector<std::string> siblingKeys;  // keys the mapping already has
};

// `line` and `column` are 0-based; `column` counts bytes of the line.
EditingContext editingContextAt(std::string_view text, int line, int column);

struct Completion {
  std::string text;    // what to insert
  std::string detail;  // one-line documentation
  enum class Kind { Field, ComponentType, EnumValue, Variable, Macro, Filter, ConfigKey } kind = Kind::Field;
  std::string suffix = {};  // inserted after text but not shown: "()" of a macro, "']" closing a config key
};

// Field names for a Key slot (those not yet written first-class, required ones first),
// component types for `type:` values, enum values for enum fields — filtered by prefix.
std::vector<Completion> completionsFor(const EditingContext& context,
                                       const ComponentCatalog& catalog = ComponentCatalog::instance());

// The documentation of the word under the caret: a component type name or a field key.
std::optional<std::string> hoverTextAt(std::string_view text, int line, int column,
                                       const ComponentCatalog& catalog = ComponentCatalog::instance());

}  // namespace manifold::manifest
