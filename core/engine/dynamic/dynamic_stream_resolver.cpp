// DynamicStreamResolver: the reference's HttpComponentsResolver / ConfigComponentsResolver
// resolve_components and ConcurrentDeclarativeSource._dynamic_stream_configs.
#include "core/engine/dynamic/dynamic_stream_resolver.h"

#include "core/engine/component_factory.h"
#include "core/engine/cursor/final_state_cursor.h"
#include "core/engine/engine_error.h"
#include "core/engine/read_context.h"
#include "core/engine/stream_read_loop.h"
#include "core/engine/template_eval.h"
#include "core/interpolation/jinja_interpolation.h"
#include "core/manifest/parameter_propagation.h"
#include "core/manifest/document.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <set>

namespace manifold::engine {
namespace {

ManifestJson toManifestJson(const nlohmann::json& value) { return ManifestJson::parse(value.dump()); }

std::optional<std::size_t> listIndex(const std::string& segment, std::size_t size) {
  std::size_t index = 0;
  auto [ptr, ec] = std::from_chars(segment.data(), segment.data() + segment.size(), index);
  if (segment.empty() || ec != std::errc() || ptr != segment.data() + segment.size() || index >= size) return std::nullopt;
  return index;
}

std::size_t setFrom(ManifestJson& node, const std::vector<std::string>& path, std::size_t depth, const ManifestJson& value) {
  if (depth == path.size()) {
    node = value;
    return 1;
  }
  const std::string& segment = path[depth];
  std::size_t count = 0;
  if (segment == "**") {
    count += setFrom(node, path, depth + 1, value);  // zero levels
    if (node.is_object() || node.is_array()) {
      for (auto& child : node) count += setFrom(child, path, depth, value);
    }
    return count;
  }
  if (node.is_object()) {
    if (segment == "*") {
      for (auto& child : node) count += setFrom(child, path, depth + 1, value);
      return count;
    }
    auto it = node.find(segment);
    return it == node.end() ? 0 : setFrom(*it, path, depth + 1, value);
  }
  if (node.is_array()) {
    if (segment == "*") {
      for (auto& child : node) count += setFrom(child, path, depth + 1, value);
      return count;
    }
    if (auto index = listIndex(segment, node.size())) return setFrom(node[*index], path, depth + 1, value);
  }
  return 0;
}

struct Mapping {
  std::vector<interpolation::InterpolatedString> fieldPath;
  std::string value;
  std::uint32_t validTypes = 0;
  bool stringType = false;
  bool createOrUpdate = false;
  std::optional<interpolation::InterpolatedBoolean> condition;
};

std::vector<Mapping> buildMappings(const ComponentNode& resolver) {
  std::vector<Mapping> mappings;
  const auto list = resolver.child("components_mapping");
  if (!list.json().is_array()) resolver.failAt("components_mapping", "must be a list of ComponentMappingDefinition");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto node = list.at(i);
    Mapping mapping;
    const auto path = node.child("field_path");
    if (!path.json().is_array() || path.size() == 0) node.failAt("field_path", "must be a non-empty list");
    for (std::size_t p = 0; p < path.size(); ++p) {
      const auto& segment = path.json()[p];
      std::string text = segment.is_string() ? segment.get<std::string>() : segment.dump();
      checkTemplateSyntax(text, path.pointer() + "/" + std::to_string(p));
      mapping.fieldPath.emplace_back(std::move(text));
    }
    const auto& value = node.child("value").json();
    if (!value.is_string()) node.failAt("value", "must be a string (a template)");
    mapping.value = value.get<std::string>();
    checkTemplateSyntax(mapping.value, node.pointer() + "/value");
    if (auto type = node.optionalString("value_type")) {
      using namespace interpolation;
      if (*type == "string") {
        mapping.validTypes = kPyStr;
        mapping.stringType = true;
      } else if (*type == "number") {
        mapping.validTypes = kPyFloat;
      } else if (*type == "integer") {
        mapping.validTypes = kPyInt;
      } else if (*type == "boolean") {
        mapping.validTypes = kPyBool;
      } else {
        node.failAt("value_type", "must be string, number, integer or boolean, got '" + *type + "'");
      }
    }
    mapping.createOrUpdate = node.boolean("create_or_update", false);
    if (node.has("condition")) {
      const std::string condition = node.string("condition");
      checkTemplateSyntax(condition, node.pointer() + "/condition");
      mapping.condition.emplace(condition);
    }
    mappings.push_back(std::move(mapping));
  }
  return mappings;
}

// ConfigComponentsResolver._parse_yaml_if_possible: a one-line string that is YAML for a number,
// a boolean, null or a flow list/mapping becomes that value (yaml.safe_load); other text stays.
nlohmann::json parseYamlIfPossible(nlohmann::json value) {
  if (!value.is_string()) return value;
  const std::string text = value.get<std::string>();
  if (text.empty() || text.find_first_of("\r\n") != std::string::npos) return value;
  const auto document = manifest::Document::parse("value: " + text);
  if (!document.loaded() || !document.diagnostics().empty() || !document.root().contains("value")) return value;
  return nlohmann::json::parse(document.root()["value"].dump());
}

class TemplateFiller {
 public:
  TemplateFiller(const ComponentNode& definition, const ComponentNode& resolver, const nlohmann::json& config, bool configResolver)
      : definition_(definition),
        mappings_(buildMappings(resolver)),
        config_(config),
        parameters_(resolver.parameters()),
        configResolver_(configResolver),
        template_(definition.child("stream_template").json()),
        plainTemplate_(toPlainJson(template_)) {}

  ResolvedDynamicStream fill(const nlohmann::json& componentsValues, const nlohmann::json& streamSlice) const {
    ManifestJson stream = template_;
    interpolation::Context context;
    context.borrow("config", config_)
        .borrow("parameters", parameters_)
        .borrow("components_values", componentsValues)
        .borrow("stream_slice", streamSlice)
        .borrow("stream_template_config", plainTemplate_);
    for (std::size_t i = 0; i < mappings_.size(); ++i) {
      const Mapping& mapping = mappings_[i];
      const std::string where = definition_.pointer() + "/components_resolver/components_mapping/" + std::to_string(i);
      try {
        if (mapping.condition && !evalConditionOrThrow(*mapping.condition, context, "the mapping's condition")) continue;
        interpolation::EvalOptions options;
        options.defaultTemplate = mapping.value;
        options.validTypes = mapping.validTypes;
        auto result = interpolation::evaluate(mapping.value, context, options);
        if (!result) throw ReadError("could not evaluate the value '" + mapping.value + "': " + result.error().message);
        nlohmann::json value = std::move(result).value();
        if (configResolver_ && !(value.is_string() && mapping.stringType)) value = parseYamlIfPossible(std::move(value));
        std::vector<std::string> path;
        for (const auto& segment : mapping.fieldPath) path.push_back(evalTextOrThrow(segment, context, "a field_path entry"));
        const ManifestJson converted = toManifestJson(value);
        const std::size_t set = setAtPath(stream, path, converted);
        if (set == 0 && mapping.createOrUpdate && interpolation::Value::borrow(value).truthy()) {
          createAtPath(stream, path, converted);
        }
      } catch (const ReadError& e) {
        throw BuildException(std::string("the dynamic stream mapping failed: ") + e.what(), where);
      }
    }
    // Mapped $parameters reach the components below them, as the reference propagates again.
    ManifestJson wrapper = ManifestJson::object();
    wrapper["type"] = "DeclarativeSource";
    wrapper["streams"] = ManifestJson::array({std::move(stream)});
    manifest::propagateTypesAndParameters(wrapper);
    return ResolvedDynamicStream{std::move(wrapper["streams"][0]), definition_.pointer() + "/stream_template"};
  }

 private:
  const ComponentNode& definition_;
  std::vector<Mapping> mappings_;
  const nlohmann::json& config_;
  nlohmann::json parameters_;
  bool configResolver_;
  const ManifestJson& template_;
  nlohmann::json plainTemplate_;
};

// StreamConfig entries: the config value at configs_pointer (a list, or one value), plus
// default_values; several StreamConfigs give their product, objects merged.
std::vector<nlohmann::json> configEntries(const ComponentNode& resolver, const nlohmann::json& config) {
  std::vector<ComponentNode> streamConfigs;
  if (resolver.has("stream_config")) {
    const auto node = resolver.child("stream_config");
    if (node.json().is_array()) {
      for (std::size_t i = 0; i < node.size(); ++i) streamConfigs.push_back(node.at(i));
    } else {
      streamConfigs.push_back(node);
    }
  } else if (resolver.has("stream_configs")) {
    const auto node = resolver.child("stream_configs");
    for (std::size_t i = 0; i < node.size(); ++i) streamConfigs.push_back(node.at(i));
  } else {
    resolver.fail("a ConfigComponentsResolver needs stream_config");
  }
  std::vector<std::vector<nlohmann::json>> lists;
  for (const auto& streamConfig : streamConfigs) {
    const auto pointer = streamConfig.child("configs_pointer");
    if (!pointer.json().is_array()) streamConfig.failAt("configs_pointer", "must be a list of keys");
    interpolation::Context context;
    context.borrow("config", config);
    const nlohmann::json* at = &config;
    static const nlohmann::json kMissing = nlohmann::json::array();
    for (std::size_t i = 0; i < pointer.size(); ++i) {
      const auto& raw = pointer.json()[i];
      std::string key = raw.is_string() ? raw.get<std::string>() : raw.dump();
      try {
        key = evalTextOrThrow(interpolation::InterpolatedString(key), context, "configs_pointer");
      } catch (const ReadError& e) {
        streamConfig.failAt("configs_pointer", e.what());
      }
      if (at->is_object() && at->contains(key)) {
        at = &(*at)[key];
      } else if (auto index = at->is_array() ? listIndex(key, at->size()) : std::nullopt) {
        at = &(*at)[*index];
      } else {
        at = &kMissing;
        break;
      }
    }
    std::vector<nlohmann::json> entries;
    if (at->is_array()) {
      entries.assign(at->begin(), at->end());
    } else {
      entries.push_back(*at);
    }
    const auto defaults = streamConfig.plain("default_values");
    if (defaults.is_array()) entries.insert(entries.end(), defaults.begin(), defaults.end());
    lists.push_back(std::move(entries));
  }
  // The product, the first list outermost, as itertools.product.
  std::vector<nlohmann::json> out;
  std::vector<std::size_t> at(lists.size(), 0);
  if (std::any_of(lists.begin(), lists.end(), [](const auto& list) { return list.empty(); })) return out;
  while (true) {
    nlohmann::json merged = nlohmann::json::object();
    for (std::size_t i = 0; i < lists.size(); ++i) {
      const auto& element = lists[i][at[i]];
      if (element.is_object()) {
        merged.update(element);
      } else {
        const std::string key = "source_config_" + std::to_string(i);
        if (!merged.contains(key)) merged[key] = nlohmann::json::array({at[i], element});
      }
    }
    out.push_back(std::move(merged));
    std::size_t i = lists.size();
    while (i > 0 && ++at[i - 1] == lists[i - 1].size()) at[--i] = 0;
    if (i == 0) break;
  }
  return out;
}

}  // namespace

std::size_t setAtPath(ManifestJson& node, const std::vector<std::string>& path, const ManifestJson& value) {
  if (path.empty()) return 0;
  return setFrom(node, path, 0, value);
}

void createAtPath(ManifestJson& node, const std::vector<std::string>& path, const ManifestJson& value) {
  ManifestJson* at = &node;
  for (const auto& segment : path) {
    if (at->is_array()) {
      if (auto index = listIndex(segment, at->size())) {
        at = &(*at)[*index];
        continue;
      }
    }
    if (!at->is_object()) *at = ManifestJson::object();
    at = &(*at)[segment];
  }
  *at = value;
}

DynamicStreamsResult resolveDynamicStreams(const ComponentNode& dynamicStreams, const nlohmann::json& config,
                                           const ComponentFactory& factory, ReadContext* read,
                                           const std::vector<std::string>& takenNames) {
  DynamicStreamsResult result;
  if (!dynamicStreams.json().is_array()) dynamicStreams.fail("dynamic_streams must be a list");
  std::set<std::string> seen(takenNames.begin(), takenNames.end());
  for (std::size_t index = 0; index < dynamicStreams.size(); ++index) {
    const auto definition = dynamicStreams.at(index);
    const auto resolver = definition.child("components_resolver");
    const std::string type = resolver.type();
    const bool http = type == "HttpComponentsResolver";
    if (!http && type != "ConfigComponentsResolver") {
      resolver.fail("the components resolver type '" + type +
                    "' is not one of HttpComponentsResolver, ConfigComponentsResolver");
    }
    if (!definition.has("stream_template")) definition.fail("missing required field 'stream_template'");
    const TemplateFiller filler(definition, resolver, config, !http);
    std::vector<ResolvedDynamicStream> generated;
    if (http) {
      if (read == nullptr) {
        ++result.unresolvedDefinitions;
        continue;
      }
      const std::string name = definition.string("name", "dynamic_stream_" + std::to_string(index));
      // The resolver's retriever read as a stream of its own; its records are components_values.
      ManifestJson wrapper = ManifestJson::object();
      wrapper["type"] = "DeclarativeStream";
      wrapper["name"] = name;
      wrapper["retriever"] = resolver.child("retriever").json();
      wrapper["schema_loader"] = ManifestJson{{"type", "InlineSchemaLoader"}, {"schema", ManifestJson::object()}};
      const auto stream = factory.buildStream(ComponentNode(wrapper, resolver.pointer()));
      read->setStreamName(name);
      try {
        FinalStateCursor cursor(stream->router(), {});
        SliceLoopSink sink;
        sink.record = [&](const StreamSlice& slice, nlohmann::json& record) {
          generated.push_back(filler.fill(record, slice.templateValue()));
          return true;
        };
        readStreamSlices(*read, *stream, cursor, sink);
      } catch (const ReadCancelled&) {
        throw BuildException("listing the dynamic streams was cancelled", resolver.pointer());
      } catch (const ReadError& e) {
        throw BuildException(std::string("could not list the dynamic streams: ") + read->masker().mask(e.what()),
                             resolver.pointer() + "/retriever");
      }
    } else {
      for (const auto& entry : configEntries(resolver, config)) {
        generated.push_back(filler.fill(entry, nlohmann::json::object()));
      }
    }
    for (auto& stream : generated) {
      const auto name = stream.json.find("name");
      if (name == stream.json.end() || !name->is_string()) {
        definition.fail("a generated stream has no string name (got " +
                        (name == stream.json.end() ? std::string("none") : name->dump()) + ")");
      }
      if (!seen.insert(name->get<std::string>()).second) {
        definition.fail("dynamic streams list contains a duplicate name: " + name->get<std::string>() +
                        (http ? std::string() : std::string(" (check the config)")));
      }
      result.streams.push_back(std::move(stream));
    }
  }
  return result;
}

}  // namespace manifold::engine
