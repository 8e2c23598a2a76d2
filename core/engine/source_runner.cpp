// SourceRunner: the message sequence follows the reference's entrypoint and concurrent read
// processor (REFERENCE-NOTES 12.1–12.2).
#include "core/engine/source_runner.h"

#include "core/engine/declarative_source.h"
#include "core/engine/injected_manifest_spec.h"
#include "core/engine/stream_reader.h"
#include "core/manifest/manifest_loader.h"
#include "core/protocol/configured_catalog.h"
#include "core/protocol/input_state.h"
#include "core/protocol/secret_masker.h"

#include <algorithm>
#include <memory>

namespace manifold::engine {
namespace {

using protocol::FailureType;

struct Prepared {
  std::shared_ptr<const DeclarativeSource> source;
  std::string error;  // set when the manifest or config is unusable
  std::optional<http::HostAllowlist> allowedHosts;
};

std::string describeDiagnostics(const manifest::Diagnostics& diagnostics) {
  std::string text;
  std::size_t shown = 0;
  for (const auto& d : diagnostics) {
    if (d.severity != manifest::Severity::Error) continue;
    if (shown == 3) {
      text += "; …";
      break;
    }
    if (shown++ > 0) text += "; ";
    text += "line " + std::to_string(d.line) + ": " + d.message;
    if (!d.path.empty()) text += " (at " + d.path + ")";
  }
  return text;
}

// `listDynamicStreams`: read what HttpComponentsResolvers list (not for spec, which contacts no host).
Prepared prepare(const SourceInput& input, bool listDynamicStreams = true) {
  Prepared prepared;
  if (!input.config.is_object()) {
    prepared.error = "The config must be a JSON object";
    return prepared;
  }
  std::string text = input.manifestText;
  nlohmann::json config = input.config;
  if (auto it = config.find(kInjectedManifestKey); it != config.end()) {
    if (text.empty()) {
      if (!it->is_object()) {
        prepared.error = "The config key __injected_declarative_manifest must hold the manifest as a JSON object";
        return prepared;
      }
      text = it->dump();  // JSON is YAML: the loader reads it as it is
    }
    config.erase(it);
  }
  if (text.empty()) {
    prepared.error = "No manifest: pass --manifest PATH or put the manifest under the config key __injected_declarative_manifest";
    return prepared;
  }
  const auto loaded = manifest::loadManifest(text);
  if (!loaded.ok()) {
    prepared.error = "The manifest is invalid: " + describeDiagnostics(loaded.diagnostics);
    return prepared;
  }
  if (input.allowedHosts) {
    auto hosts = http::HostAllowlist::fromPatterns(*input.allowedHosts, config);
    if (auto* message = std::get_if<std::string>(&hosts)) {
      prepared.error = "The connector's allowedHosts cannot be resolved: " + *message;
      return prepared;
    }
    prepared.allowedHosts = std::get<http::HostAllowlist>(std::move(hosts));
  }
  SourceBuildOptions options;
  options.manifestDir = input.manifestDir;
  options.resolveDynamicStreams = listDynamicStreams;
  options.http.allowedHosts = prepared.allowedHosts;
  auto built = DeclarativeSource::build(loaded.resolved, std::move(config), options);
  if (!built) {
    prepared.error = "The manifest cannot be run: " + built.error().describe();
    return prepared;
  }
  prepared.source = std::move(built).value();
  return prepared;
}

void writeError(protocol::JsonLinesWriter& out, const std::string& message, FailureType type,
                const std::optional<std::string>& internal = std::nullopt,
                const std::optional<std::string>& stream = std::nullopt) {
  protocol::ErrorTrace trace;
  trace.message = message;
  trace.internalMessage = internal;
  trace.failureType = type;
  if (stream) trace.stream = protocol::StreamDescriptor{*stream, std::nullopt};
  out.write(protocol::errorTraceMessage(trace, protocol::nowMillis()));
}

// Masks config secrets in every message but records, which stay byte-exact.
class MaskScope {
 public:
  MaskScope(protocol::JsonLinesWriter& out, const std::vector<std::string>& secrets) : out_(out), masker_(secrets) {
    out_.setMasker(&masker_, protocol::JsonLinesWriter::MaskScope::NonRecordMessages);
  }
  ~MaskScope() {
    out_.flush();
    out_.setMasker(nullptr);
  }
  MaskScope(const MaskScope&) = delete;
  MaskScope& operator=(const MaskScope&) = delete;

 private:
  protocol::JsonLinesWriter& out_;
  protocol::SecretMasker masker_;
};

}  // namespace

RunStatus SourceRunner::spec(const SourceInput& input) {
  if (input.manifestText.empty() && !input.config.contains(kInjectedManifestKey)) {
    // The generic image: the platform asks for the spec before it has a config to inject into.
    out_.write(protocol::specMessage(injectedManifestSpec()));
    out_.flush();
    return RunStatus::Ok;
  }
  // spec contacts no host and runs before any config exists, so allowedHosts with ${config}
  // placeholders must not be resolved for it.
  SourceInput withoutHosts = input;
  withoutHosts.allowedHosts.reset();
  auto prepared = prepare(withoutHosts, false);
  if (!prepared.source) {
    writeError(out_, prepared.error, FailureType::ConfigError);
    return RunStatus::Failed;
  }
  if (!prepared.source->connectionSpecification().is_object()) {
    writeError(out_, "The manifest has no spec.connection_specification", FailureType::ConfigError);
    return RunStatus::Failed;
  }
  out_.write(protocol::specMessage(prepared.source->spec()));
  out_.flush();
  return RunStatus::Ok;
}

RunStatus SourceRunner::check(const SourceInput& input, std::stop_token stop) {
  auto prepared = prepare(input);
  if (!prepared.source) {
    out_.write(protocol::connectionStatusMessage(false, prepared.error));
    out_.flush();
    return RunStatus::Failed;
  }
  const auto& source = *prepared.source;
  MaskScope mask(out_, source.secrets());
  std::vector<std::string> names = source.checkStreamNames();
  const auto& dynamicCheck = source.dynamicCheck();
  if (dynamicCheck) {
    // The reference's CheckDynamicStream: at least one stream, then the first stream_count.
    if (source.streams().empty()) {
      out_.write(protocol::connectionStatusMessage(false, "No streams to connect to from the source"));
      return RunStatus::Failed;
    }
    if (!dynamicCheck->useCheckAvailability) {
      out_.write(protocol::connectionStatusMessage(true));
      return RunStatus::Ok;
    }
    for (std::size_t i = 0; i < std::min(dynamicCheck->streamCount, source.streams().size()); ++i) {
      names.push_back(source.streams()[i].name);
    }
  } else if (names.empty()) {
    out_.write(protocol::connectionStatusMessage(false, "The manifest's check names no stream to read (check.stream_names)"));
    return RunStatus::Failed;
  }
  ReadOptions options;
  options.http.allowedHosts = prepared.allowedHosts;
  options.maxRecords = 1;
  options.maxPagesPerSlice = 1;
  options.maxSlices = 1;
  ReadEvents events;
  events.log = [this](protocol::LogLevel level, const std::string& message) { out_.write(protocol::logMessage(level, message)); };
  for (const auto& name : names) {
    auto result = readStream(source, name, nullptr, events, stop, options);
    if (result.failure) {
      out_.write(protocol::connectionStatusMessage(
          false, dynamicCheck ? "Stream " + name + " is not available: " + result.failure->message
                              : "Unable to connect to stream " + name + " - " + result.failure->message));
      return RunStatus::Failed;
    }
    if (result.cancelled) {
      out_.write(protocol::connectionStatusMessage(false, "The check was cancelled"));
      return RunStatus::Failed;
    }
  }
  out_.write(protocol::connectionStatusMessage(true));
  return RunStatus::Ok;
}

RunStatus SourceRunner::discover(const SourceInput& input) {
  auto prepared = prepare(input);
  if (!prepared.source) {
    writeError(out_, prepared.error, FailureType::ConfigError);
    return RunStatus::Failed;
  }
  const auto& source = *prepared.source;
  MaskScope mask(out_, source.secrets());
  std::vector<protocol::AirbyteStream> streams;
  for (const auto& entry : source.streams()) {
    protocol::AirbyteStream stream;
    stream.name = entry.name;
    stream.sourceDefinedPrimaryKey = entry.primaryKey;
    if (entry.incremental) {
      stream.supportedSyncModes = {protocol::SyncMode::FullRefresh, protocol::SyncMode::Incremental};
      stream.sourceDefinedCursor = true;
      if (entry.stream && entry.stream->incrementalSync()) {
        stream.defaultCursorField = {entry.stream->incrementalSync()->cursorField()};
      }
    }
    stream.isResumable = entry.incremental;
    std::string problem;
    if (entry.schemaLoader) {
      auto schema = entry.schemaLoader->load();
      if (auto* json = std::get_if<nlohmann::json>(&schema)) {
        stream.jsonSchema = std::move(*json);
      } else {
        problem = std::get<std::string>(schema);
      }
    } else if (entry.schemaError) {
      problem = entry.schemaError->describe();
    }
    if (!problem.empty()) {
      out_.write(protocol::logMessage(protocol::LogLevel::Warn,
                                      "Stream '" + entry.name + "' has no usable schema: " + problem));
      stream.jsonSchema = nlohmann::json{{"$schema", "http://json-schema.org/draft-07/schema#"},
                                         {"type", "object"},
                                         {"properties", nlohmann::json::object()}};
    }
    streams.push_back(std::move(stream));
  }
  out_.write(protocol::catalogMessage(streams));
  return RunStatus::Ok;
}

RunStatus SourceRunner::read(const SourceInput& input, std::stop_token stop, const ReadOptions& requested) {
  auto prepared = prepare(input);
  if (!prepared.source) {
    writeError(out_, prepared.error, FailureType::ConfigError);
    return RunStatus::Failed;
  }
  ReadOptions options = requested;
  if (prepared.allowedHosts) options.http.allowedHosts = prepared.allowedHosts;
  const auto& source = *prepared.source;
  MaskScope mask(out_, source.secrets());

  std::vector<std::string> names;
  std::vector<bool> incremental;  // per name: the catalog asks for an incremental read
  if (input.catalog) {
    auto catalog = protocol::parseConfiguredCatalog(*input.catalog);
    if (!catalog) {
      writeError(out_, "The configured catalog is invalid: " + catalog.error().message, FailureType::ConfigError);
      return RunStatus::Failed;
    }
    for (const auto& configured : catalog.value().streams) {
      names.push_back(configured.stream.name);
      incremental.push_back(configured.syncMode == protocol::SyncMode::Incremental);
    }
  } else {
    for (const auto& entry : source.streams()) {
      names.push_back(entry.name);
      incremental.push_back(false);
    }
  }
  protocol::InputState state;
  if (input.state) {
    auto parsed = protocol::parseInputState(*input.state);
    if (!parsed) {
      writeError(out_, "The state is invalid: " + parsed.error().message, FailureType::ConfigError);
      return RunStatus::Failed;
    }
    state = std::move(parsed).value();
  }

  std::vector<std::pair<std::string, std::string>> failures;
  for (std::size_t index = 0; index < names.size(); ++index) {
    const std::string& name = names[index];
    if (stop.stop_requested()) break;
    const protocol::StreamDescriptor descriptor{name, std::nullopt};
    if (source.findStream(name) == nullptr) {
      const std::string message = "The stream '" + name + "' of the catalog is not defined in the manifest";
      writeError(out_, message, FailureType::ConfigError, std::nullopt, name);
      failures.emplace_back(name, message);
      continue;
    }
    out_.write(protocol::streamStatusTraceMessage(descriptor, protocol::StreamStatus::Started, protocol::nowMillis()));
    bool running = false;
    double sinceState = 0;
    ReadEvents events;
    events.record = [&](const nlohmann::json& record) {
      if (!running) {
        out_.write(protocol::streamStatusTraceMessage(descriptor, protocol::StreamStatus::Running, protocol::nowMillis()));
        running = true;
      }
      out_.writeRecord(descriptor, record, protocol::nowMillis());
      sinceState += 1;
    };
    events.rawRecord = [&](std::string_view record) {
      if (!running) {
        out_.write(protocol::streamStatusTraceMessage(descriptor, protocol::StreamStatus::Running, protocol::nowMillis()));
        running = true;
      }
      out_.writeRecordRaw(descriptor, record, protocol::nowMillis());
      sinceState += 1;
    };
    events.log = [&](protocol::LogLevel level, const std::string& message) {
      out_.write(protocol::logMessage(level, message));
    };
    events.state = [&](const nlohmann::json& blob) {
      out_.write(protocol::streamStateMessage(descriptor, blob, sinceState));
      sinceState = 0;
    };
    // The platform stores the rotated tokens from this message (the writer leaves it unmasked).
    events.configUpdate = [&](const nlohmann::json& config, const std::vector<std::string>&) {
      out_.write(protocol::connectorConfigControlMessage(config, protocol::nowMillis()));
    };
    // A full refresh read starts over: incoming state counts only for an incremental read.
    const nlohmann::json* incoming = incremental[index] ? state.find(name) : nullptr;
    auto result = readStream(source, name, incoming ? *incoming : nlohmann::json(), events, stop, options);
    if (result.cancelled) break;
    if (result.failure) {
      writeError(out_, result.failure->message, result.failure->failureType,
                 result.failure->internalMessage.empty() ? std::nullopt : std::optional<std::string>(result.failure->internalMessage),
                 name);
      out_.write(protocol::streamStatusTraceMessage(descriptor, protocol::StreamStatus::Incomplete, protocol::nowMillis()));
      failures.emplace_back(name, result.failure->message);
      continue;
    }
    out_.write(protocol::streamStatusTraceMessage(descriptor, protocol::StreamStatus::Complete, protocol::nowMillis()));
  }
  if (!failures.empty()) {
    out_.write(protocol::failedStreamsTraceMessage(failures, protocol::nowMillis()));
    return RunStatus::Failed;
  }
  return stop.stop_requested() ? RunStatus::Failed : RunStatus::Ok;
}

}  // namespace manifold::engine
