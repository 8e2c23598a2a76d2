// Completion inside a {{ … }} template: the variables the field receives, macros, filters, config keys.
#pragma once

#include "core/manifest/component_catalog.h"
#include "core/manifest/editing_context.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace manifold::manifest {

// What the caret is typing inside a template expression.
struct TemplateCaret {
  enum class Want {
    Name,       // a variable or a macro: "{{ conf▮"
    Filter,     // a filter after "|": "{{ x | base▮"
    ConfigKey,  // a key of the config: "{{ config['ap▮" or "{{ config.ap▮"
    Attribute,  // a key of another variable: "{{ stream_interval.st▮"
  };
  Want want = Want::Name;
  std::string prefix;             // the partial word before the caret
  std::string root;               // ConfigKey, Attribute: the variable being indexed
  std::vector<std::string> path;  // keys already indexed after root: config['a']['▮ gives {"a"}
  std::string closing;            // ConfigKey: what closes the open subscript ("']") when it is missing
};

// The template expression the caret is in: `line` is one line of text and `column` a byte
// offset into it. Nothing when the caret is outside {{ }} and {% %}, inside a string literal
// that is no config key, or right after a complete operand (where an operator comes next).
std::optional<TemplateCaret> templateCaretAt(std::string_view line, int column);

// The field a template at the caret belongs to: `key` of the caret's component, or for fields
// whose value is a mapping, a list or a block scalar (request_parameters, values, condition: >)
// the parent's field. Null when the place names no field of the catalog.
const FieldSpec* templateFieldOf(const EditingContext& context,
                                 const ComponentCatalog& catalog = ComponentCatalog::instance());

// What to offer for `caret` in a template of `field`. Variables follow the field's
// interpolation_context where the format documents one (plus config and parameters, which every
// template receives), else every common variable. Config keys come from the properties of
// `connectionSpecification` (spec.connection_specification), following nested objects and oneOf.
std::vector<Completion> templateCompletions(const TemplateCaret& caret, const FieldSpec* field,
                                            const nlohmann::ordered_json& connectionSpecification);

// The documentation of the variable, macro or filter under the caret when it is inside a
// template ("format_datetime(dt, format, input_format=None) — …"); nothing elsewhere.
std::optional<std::string> templateHoverAt(std::string_view line, int column);

}  // namespace manifold::manifest
