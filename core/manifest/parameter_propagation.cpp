// Type defaults and parameter propagation (mirrors manifest_component_transformer.py).
#include "core/manifest/parameter_propagation.h"

#include <array>
#include <string>
#include <utility>

namespace manifold::manifest {
namespace {

constexpr std::string_view kParameters = "$parameters";

struct DefaultType {
  std::string_view parentField;  // "<ParentType>.<field>"
  std::string_view type;
};

// Untyped components get their type from where they are written (DEFAULT_MODEL_TYPES).
constexpr std::array kDefaultTypes = {
    DefaultType{"CompositeErrorHandler.error_handlers", "DefaultErrorHandler"},
    DefaultType{"CursorPagination.decoder", "JsonDecoder"},
    DefaultType{"DatetimeBasedCursor.end_datetime", "MinMaxDatetime"},
    DefaultType{"DatetimeBasedCursor.end_time_option", "RequestOption"},
    DefaultType{"DatetimeBasedCursor.start_datetime", "MinMaxDatetime"},
    DefaultType{"DatetimeBasedCursor.start_time_option", "RequestOption"},
    DefaultType{"DeclarativeSource.check", "CheckStream"},
    DefaultType{"DeclarativeSource.spec", "Spec"},
    DefaultType{"DeclarativeSource.streams", "DeclarativeStream"},
    DefaultType{"DeclarativeStream.retriever", "SimpleRetriever"},
    DefaultType{"DeclarativeStream.schema_loader", "JsonFileSchemaLoader"},
    DefaultType{"DynamicDeclarativeStream.stream_template", "DeclarativeStream"},
    // The reference spells this one without the "s"; kept so behaviour matches.
    DefaultType{"DynamicDeclarativeStream.components_resolver", "ConfigComponentResolver"},
    DefaultType{"HttpComponentsResolver.retriever", "SimpleRetriever"},
    DefaultType{"HttpComponentsResolver.components_mapping", "ComponentMappingDefinition"},
    DefaultType{"ConfigComponentsResolver.stream_config", "StreamConfig"},
    DefaultType{"ConfigComponentsResolver.components_mapping", "ComponentMappingDefinition"},
    DefaultType{"DefaultErrorHandler.response_filters", "HttpResponseFilter"},
    DefaultType{"DefaultPaginator.decoder", "JsonDecoder"},
    DefaultType{"DefaultPaginator.page_size_option", "RequestOption"},
    DefaultType{"DpathExtractor.decoder", "JsonDecoder"},
    DefaultType{"DpathExtractor.record_expander", "RecordExpander"},
    DefaultType{"HttpRequester.error_handler", "DefaultErrorHandler"},
    DefaultType{"ListPartitionRouter.request_option", "RequestOption"},
    DefaultType{"ParentStreamConfig.request_option", "RequestOption"},
    DefaultType{"ParentStreamConfig.stream", "DeclarativeStream"},
    DefaultType{"RecordSelector.extractor", "DpathExtractor"},
    DefaultType{"RecordSelector.record_filter", "RecordFilter"},
    DefaultType{"SimpleRetriever.paginator", "NoPagination"},
    DefaultType{"SimpleRetriever.record_selector", "RecordSelector"},
    DefaultType{"SimpleRetriever.requester", "HttpRequester"},
    DefaultType{"SubstreamPartitionRouter.parent_stream_configs", "ParentStreamConfig"},
    DefaultType{"AddFields.fields", "AddedFieldDefinition"},
    DefaultType{"CustomPartitionRouter.parent_stream_configs", "ParentStreamConfig"},
    DefaultType{"DynamicSchemaLoader.retriever", "SimpleRetriever"},
    DefaultType{"SchemaTypeIdentifier.types_map", "TypesMap"},
};

// Untyped components that carry class_name (CUSTOM_COMPONENTS_MAPPING).
constexpr std::array kCustomDefaultTypes = {
    DefaultType{"CompositeErrorHandler.backoff_strategies", "CustomBackoffStrategy"},
    DefaultType{"DeclarativeStream.retriever", "CustomRetriever"},
    DefaultType{"DeclarativeStream.transformations", "CustomTransformation"},
    DefaultType{"DefaultErrorHandler.backoff_strategies", "CustomBackoffStrategy"},
    DefaultType{"DefaultPaginator.pagination_strategy", "CustomPaginationStrategy"},
    DefaultType{"HttpRequester.authenticator", "CustomAuthenticator"},
    DefaultType{"HttpRequester.error_handler", "CustomErrorHandler"},
    DefaultType{"RecordSelector.extractor", "CustomRecordExtractor"},
    DefaultType{"SimpleRetriever.partition_router", "CustomPartitionRouter"},
};

template <typename Table>
std::optional<std::string_view> lookupDefault(const Table& table, std::string_view parentField) {
  for (const auto& entry : table) {
    if (entry.parentField == parentField) return entry.type;
  }
  return std::nullopt;
}

std::optional<std::string_view> lookupByIdentifier(std::string_view identifier, bool hasClassName) {
  return hasClassName ? lookupDefault(kCustomDefaultTypes, identifier) : lookupDefault(kDefaultTypes, identifier);
}

bool isJsonSchemaObject(const Json& component) {
  auto it = component.find("type");
  if (it == component.end()) return false;
  if (*it == "object") return true;
  return it->is_array() && it->size() == 2 && (*it)[0] == "null" && (*it)[1] == "object";
}

bool hasNestedComponents(const Json& component) {
  for (const auto& [key, value] : component.items()) {
    if (value.is_object()) {
      auto it = value.find("type");
      if (it != value.end() && isTruthy(*it)) return true;
    }
  }
  return false;
}

// The reference formats the identifier with Python's str() of the type; only string types
// can match the tables, so anything else gets an identifier that matches nothing.
std::string fieldIdentifier(const Json& component, std::string_view field) {
  auto it = component.find("type");
  std::string id;
  if (it != component.end() && it->is_string()) {
    id = it->get<std::string>();
  } else {
    id = "\x01";
  }
  id += '.';
  id += field;
  return id;
}

// Removes key from an ordered object and returns its value (null when absent).
Json popKey(Json& object, const std::string& key) {
  auto it = object.find(key);
  if (it == object.end()) return Json();
  Json value = std::move(*it);
  object.erase(it);
  return value;
}

void propagate(std::string_view identifier, Json& component, const Json& parentParameters);

void propagateChildren(Json& component, Json& current) {
  for (auto& [name, value] : component.items()) {
    if (!value.is_object() && !value.is_array()) continue;
    // A parameter named like the field is withheld from that field's subtree; the
    // reference only puts it back when it is truthy (and then at the end of the map).
    const std::string key = name;
    Json excluded = popKey(current, key);
    const std::string childId = fieldIdentifier(component, key);
    if (value.is_object()) {
      propagate(childId, value, current);
    } else {
      for (auto& element : value) {
        if (element.is_object()) propagate(childId, element, current);
      }
    }
    if (isTruthy(excluded)) current[key] = std::move(excluded);
  }
}

void propagate(std::string_view identifier, Json& component, const Json& parentParameters) {
  if (!component.contains("type")) {
    const bool custom = component.contains("class_name");
    if (auto found = lookupByIdentifier(identifier, custom)) component["type"] = std::string(*found);
  }

  Json current = parentParameters.is_object() ? parentParameters : Json::object();
  Json own = popKey(component, std::string(kParameters));
  if (own.is_object()) {
    for (auto& [key, value] : own.items()) current[key] = std::move(value);
  }

  if (isJsonSchemaObject(component)) return;

  if (!component.contains("type")) {
    if (!hasNestedComponents(component)) return;
    for (auto& [name, value] : component.items()) {
      if (!value.is_object()) continue;
      auto type = value.find("type");
      if (type != value.end() && isTruthy(*type)) propagate(identifier, value, current);
    }
    return;
  }

  for (const auto& [key, value] : current.items()) {
    auto it = component.find(key);
    if (it == component.end()) {
      component[key] = value;
    } else if (!isTruthy(*it)) {
      *it = value;
    }
  }

  propagateChildren(component, current);

  if (!current.empty()) component[std::string(kParameters)] = std::move(current);
}

}  // namespace

std::optional<std::string_view> defaultComponentType(std::string_view parentType, std::string_view field,
                                                     bool hasClassName) {
  std::string id(parentType);
  id += '.';
  id += field;
  return lookupByIdentifier(id, hasClassName);
}

bool isTruthy(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null: return false;
    case Json::value_t::boolean: return value.get<bool>();
    case Json::value_t::number_integer: return value.get<std::int64_t>() != 0;
    case Json::value_t::number_unsigned: return value.get<std::uint64_t>() != 0;
    case Json::value_t::number_float: return value.get<double>() != 0.0;
    case Json::value_t::string: return !value.get_ref<const std::string&>().empty();
    case Json::value_t::array:
    case Json::value_t::object: return !value.empty();
    default: return true;
  }
}

void propagateTypesAndParameters(Json& root) {
  if (!root.is_object()) return;
  propagate("", root, Json::object());
}

}  // namespace manifold::manifest
