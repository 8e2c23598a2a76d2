// The component catalog: every component type of the manifest format and its fields, as data.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace manifold::manifest {

// JSON kinds a field accepts, as a bit set. kNumber also admits integers.
using ValueKinds = std::uint8_t;
inline constexpr ValueKinds kNull = 1 << 0;
inline constexpr ValueKinds kBoolean = 1 << 1;
inline constexpr ValueKinds kInteger = 1 << 2;
inline constexpr ValueKinds kNumber = 1 << 3;
inline constexpr ValueKinds kString = 1 << 4;
inline constexpr ValueKinds kArray = 1 << 5;
inline constexpr ValueKinds kObject = 1 << 6;
inline constexpr ValueKinds kAny = 0x7F;

struct FieldSpec {
  std::string_view name;
  ValueKinds kinds = kAny;
  ValueKinds itemKinds = kAny;  // for list values: what each element may be
  // Component types a mapping value may be (empty: any mapping is fine).
  std::vector<std::string_view> componentTypes;
  // Component types a list element that is a mapping may be.
  std::vector<std::string_view> itemComponentTypes;
  std::vector<std::string_view> enumValues;  // allowed strings (empty: no restriction)
  std::string_view defaultValue;             // JSON text of the default; empty when none
  bool required = false;
  bool interpolated = false;  // strings are Jinja templates evaluated at run time
  // The template variables the format documents for this field (the reference's
  // interpolation_context); empty where it documents none. The reference engine passes
  // `config` and `parameters` to every template as well.
  std::vector<std::string_view> interpolationContext;
  bool legacy = false;        // accepted for manifests written for older versions of the format
  std::string_view description;
};

struct ComponentSpec {
  std::string_view type;        // what `type:` says ("ApiKey" for the session token's API key)
  std::string_view definition;  // the name of the definition in the format's schema
  std::string_view description;
  bool typed = true;    // false for plain shapes written without `type` (Rate, TypesMap, …)
  bool custom = false;  // Python component named by class_name
  bool closed = false;  // unknown fields are errors, not warnings
  bool legacy = false;  // an older component kept so manifests pinned to old versions validate
  std::vector<FieldSpec> fields;

  const FieldSpec* field(std::string_view name) const;
};

// One immutable table shared by the validator, completion, hover, forms and the engine.
class ComponentCatalog {
 public:
  static const ComponentCatalog& instance();

  const ComponentSpec* find(std::string_view type) const;
  const std::vector<ComponentSpec>& components() const { return components_; }
  // Types a user may write in `type:` (typed components only).
  const std::vector<std::string_view>& typeNames() const { return typeNames_; }

 private:
  ComponentCatalog();
  std::vector<ComponentSpec> components_;
  std::vector<std::string_view> typeNames_;
};

// The table itself (component_catalog_data.cpp).
std::vector<ComponentSpec> buildComponentTable();

}  // namespace manifold::manifest
