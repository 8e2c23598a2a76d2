// runTestRead: load, build, read one stream in builder mode (no retries, the builder's limits)
// and hand the recorded StreamRead back; every failure becomes a log entry and `error`.
#include "core/builder/test_read.h"

#include "core/builder/stream_read_recorder.h"
#include "core/engine/declarative_source.h"
#include "core/engine/stream_reader.h"
#include "core/manifest/manifest_loader.h"

namespace manifold::builder {
namespace {

using nlohmann::json;

// The manifest's error findings, one a line, for internal_message.
std::string listErrors(const manifest::Diagnostics& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics) {
    if (d.severity != manifest::Severity::Error) continue;
    if (!text.empty()) text += "\n";
    text += "line " + std::to_string(d.line) + ": " + d.message;
    if (!d.path.empty()) text += " (at " + d.path + ")";
  }
  return text;
}

}  // namespace

TestReadResult runTestRead(const TestReadRequest& request, const TestReadEvents& events, std::stop_token stop) {
  TestReadResult result;
  // Until the source is built only the config's secrets the caller gave are unknown; messages
  // before that never contain config values.
  std::shared_ptr<const engine::DeclarativeSource> source;
  std::string failure;
  std::string details;
  if (!request.config.is_object()) {
    failure = "The config must be a JSON object";
  } else {
    const auto loaded = manifest::loadManifest(request.manifestYaml);
    if (!loaded.ok()) {
      failure = "The manifest is invalid";
      details = listErrors(loaded.diagnostics);
      if (details.empty()) details = "the manifest text is not a YAML mapping";
    } else {
      engine::SourceBuildOptions options;
      options.manifestDir = request.manifestDir;
      options.resolveDynamicStreams = true;
      auto built = engine::DeclarativeSource::build(loaded.resolved, request.config, options);
      if (!built) {
        failure = "The manifest cannot be run";
        details = built.error().describe();
      } else {
        source = std::move(built).value();
      }
    }
  }

  StreamReadRecorder recorder(request.stream, events,
                              protocol::SecretMasker(source ? source->secrets() : std::vector<std::string>{}));
  if (source && !source->findStream(request.stream)) {
    failure = "The stream '" + request.stream + "' is not defined in the manifest";
  }
  if (!failure.empty()) {
    recorder.addLog("ERROR", details.empty() ? failure : failure + ": " + details.substr(0, details.find('\n')),
                    details);
    result.error = failure;
    result.streamRead = recorder.streamRead(request.limits, false);
    return result;
  }

  const auto* entry = source->findStream(request.stream);
  recorder.setRequiredSchemaPaths(entry->primaryKey);
  engine::ReadOptions options;
  options.retries = false;  // the Connector Builder shows the first answer (REFERENCE-NOTES 12.3)
  options.maxSlices = request.limits.slices;
  options.maxPagesPerSlice = request.limits.pagesPerSlice;
  options.maxRecords = request.limits.records;
  const auto read = engine::readStream(*source, request.stream, request.state, recorder.engineEvents(),
                                       std::move(stop), options);
  recorder.finish();
  if (read.failure) {
    recorder.addLog("ERROR", read.failure->message, read.failure->internalMessage);
    result.error = read.failure->message;
  }
  if (read.cancelled) {
    result.cancelled = true;
    recorder.addLog("INFO", "The test read was cancelled");
  }
  result.recordCount = recorder.recordCount();
  result.latestConfigUpdate = recorder.latestConfigUpdate();
  result.streamRead = recorder.streamRead(request.limits, read.limitReached);
  return result;
}

}  // namespace manifold::builder
