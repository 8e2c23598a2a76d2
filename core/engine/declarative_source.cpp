// DeclarativeSource::build: streams are built one by one so one unsupported stream does not
// take the others down.
#include "core/engine/declarative_source.h"

#include "core/engine/component_factory.h"
#include "core/engine/concurrency_level.h"
#include "core/engine/dynamic/dynamic_stream_resolver.h"
#include "core/engine/read_context.h"
#include "core/protocol/spec_secrets.h"

namespace manifold::engine {

namespace {
// An absent schema_loader means JsonFileSchemaLoader with the default path.
const nlohmann::ordered_json kNoLoader = nlohmann::ordered_json::object();
}  // namespace

const DeclarativeSource::StreamEntry* DeclarativeSource::findStream(std::string_view name) const {
  for (const auto& entry : streams_) {
    if (entry.name == name) return &entry;
  }
  return nullptr;
}

BuildResult<std::shared_ptr<const DeclarativeSource>> DeclarativeSource::build(const nlohmann::ordered_json& resolved,
                                                                             nlohmann::json config,
                                                                             const SourceBuildOptions& options) {
  if (!resolved.is_object()) return BuildError{"the manifest is not an object", "", ""};
  if (!config.is_object()) return BuildError{"the config must be a JSON object", "", ""};
  auto source = std::make_shared<DeclarativeSource>();
  source->config_ = std::make_shared<const nlohmann::json>(std::move(config));
  const ComponentNode root(resolved, "");
  ComponentFactory factory(source->config_, options);

  try {
    if (root.has("spec")) {
      const auto spec = root.child("spec");
      source->connectionSpecification_ = spec.plain("connection_specification");
      nlohmann::json payload = nlohmann::json::object();
      payload["connectionSpecification"] = source->connectionSpecification_;
      if (auto url = spec.optionalString("documentation_url")) payload["documentationUrl"] = *url;
      if (spec.has("advanced_auth")) payload["advanced_auth"] = spec.plain("advanced_auth");
      source->spec_ = std::move(payload);
      if (source->connectionSpecification_.is_object()) {
        source->secrets_ = protocol::secretsFromConfig(source->connectionSpecification_, *source->config_);
      }
    }
    // The reference evaluates it when the source is created, so a bad value fails every command.
    if (root.has("concurrency_level")) {
      source->concurrencyLevel_ = buildConcurrencyLevel(root.child("concurrency_level"), *source->config_);
    }
    if (root.has("check")) {
      const auto check = root.child("check");
      if (check.type() == "CheckStream" || check.type().empty()) {
        if (check.has("stream_names")) {
          for (const auto& name : check.json().at("stream_names")) {
            if (!name.is_string()) check.failAt("stream_names", "must hold stream names");
            source->checkStreamNames_.push_back(name.get<std::string>());
          }
        }
      } else if (check.type() == "CheckDynamicStream") {
        const auto& count = check.child("stream_count").json();
        if (!count.is_number_integer() || count.get<long long>() < 0) {
          check.failAt("stream_count", "must be a non-negative integer");
        }
        source->dynamicCheck_ = DynamicCheck{count.get<std::size_t>(), check.boolean("use_check_availability", true)};
      } else {
        ComponentFactory::unsupported(check, "check");
      }
    }
    const auto addStream = [&](const ComponentNode& node) {
      StreamEntry entry;
      entry.pointer = node.pointer();
      entry.name = node.json().is_object() ? node.string("name") : std::string();
      entry.incremental = node.has("incremental_sync");
      try {
        const std::string schemaName = entry.name;
        if (node.has("schema_loader") && !node.json().at("schema_loader").is_array()) {
          entry.schemaLoader = factory.buildSchemaLoader(node.child("schema_loader"), schemaName);
        } else if (node.has("schema_loader") && node.child("schema_loader").size() > 0) {
          entry.schemaLoader = factory.buildSchemaLoader(node.child("schema_loader").at(0), schemaName);
        } else {
          entry.schemaLoader = factory.buildSchemaLoader(ComponentNode(kNoLoader, node.pointer() + "/schema_loader"), schemaName);
        }
      } catch (const BuildException& e) {
        entry.schemaError = BuildError{e.message(), e.pointer(), entry.name};
      }
      try {
        entry.stream = factory.buildStream(node);
        entry.primaryKey = entry.stream->primaryKey();
      } catch (const BuildException& e) {
        entry.error = BuildError{e.message(), e.pointer(), entry.name};
      }
      source->streams_.push_back(std::move(entry));
    };
    if (!root.has("streams") && !root.has("dynamic_streams")) root.fail("the manifest has no streams");
    if (root.has("streams")) {
      const auto streams = root.child("streams");
      if (!streams.json().is_array()) root.failAt("streams", "must be a list");
      for (std::size_t i = 0; i < streams.size(); ++i) addStream(streams.at(i));
    }
    if (root.has("dynamic_streams")) {
      std::vector<std::string> names;
      for (const auto& entry : source->streams_) names.push_back(entry.name);
      DynamicStreamsResult dynamic;
      if (options.resolveDynamicStreams) {
        http::HttpClient client(options.http);
        const ReadEvents events;
        const ReadOptions readOptions;
        ReadContext read(client, {}, events, readOptions, protocol::SecretMasker(source->secrets_));
        dynamic = resolveDynamicStreams(root.child("dynamic_streams"), *source->config_, factory, &read, names);
      } else {
        dynamic = resolveDynamicStreams(root.child("dynamic_streams"), *source->config_, factory, nullptr, names);
      }
      source->unresolvedDynamicDefinitions_ = dynamic.unresolvedDefinitions;
      for (auto& stream : dynamic.streams) {
        source->dynamicManifests_.push_back(std::move(stream.json));
        addStream(ComponentNode(source->dynamicManifests_.back(), stream.pointer));
      }
    }
  } catch (const BuildException& e) {
    return BuildError{e.message(), e.pointer(), ""};
  }
  return std::shared_ptr<const DeclarativeSource>(std::move(source));
}

}  // namespace manifold::engine
