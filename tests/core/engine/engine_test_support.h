// Helpers for engine tests: build a source from manifest text and read a stream into vectors.
#pragma once

#include "core/engine/declarative_source.h"
#include "core/engine/stream_reader.h"
#include "core/manifest/manifest_loader.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace manifold::engine::testing {

struct CollectedRead {
  StreamReadResult result;
  std::vector<nlohmann::json> records;
  std::vector<nlohmann::json> slices;
  std::vector<nlohmann::json> states;
  std::vector<std::string> logs;
  std::vector<http::HttpExchange> exchanges;
  std::vector<ExchangeInfo> exchangeInfos;
};

// Replaces every "BASE" in `text` by `base` (the test server's URL).
inline std::string withBase(std::string text, const std::string& base) {
  for (auto at = text.find("BASE"); at != std::string::npos; at = text.find("BASE", at + base.size())) {
    text.replace(at, 4, base);
  }
  return text;
}

// Loads and builds; a load or build failure fails the calling test with the diagnostics.
inline std::shared_ptr<const DeclarativeSource> buildSource(const std::string& yaml,
                                                            const nlohmann::json& config = nlohmann::json::object()) {
  const auto loaded = manifest::loadManifest(yaml);
  if (!loaded.ok()) {
    std::string text;
    for (const auto& d : loaded.diagnostics) text += std::to_string(d.line) + ": " + d.message + " " + d.path + "\n";
    ADD_FAILURE() << "manifest did not load:\n" << text;
    return nullptr;
  }
  auto built = DeclarativeSource::build(loaded.resolved, config);
  if (!built) {
    ADD_FAILURE() << "source did not build: " << built.error().describe();
    return nullptr;
  }
  return built.value();
}

// Builds without requiring the validator's approval: the engine must guard itself against what the
// validator already flags (custom components, methods the schema version lacks).
inline std::shared_ptr<const DeclarativeSource> buildUnvalidated(const std::string& yaml,
                                                                 const nlohmann::json& config = nlohmann::json::object()) {
  const auto loaded = manifest::loadManifest(yaml);
  if (!loaded.resolved.is_object()) {
    ADD_FAILURE() << "manifest did not parse";
    return nullptr;
  }
  auto built = DeclarativeSource::build(loaded.resolved, config);
  if (!built) {
    ADD_FAILURE() << "source did not build: " << built.error().describe();
    return nullptr;
  }
  return built.value();
}

// The build error of stream "items" (each stream is built on its own), or "" when it built.
inline std::string streamBuildError(const std::string& yaml, const nlohmann::json& config) {
  const auto loaded = manifest::loadManifest(yaml);
  auto built = DeclarativeSource::build(loaded.resolved, config);
  if (!built.ok()) return built.error().describe();
  const auto* entry = built.value()->findStream("items");
  return entry != nullptr && entry->error ? entry->error->describe() : std::string();
}

// Tiny retry waits so error-handling tests run in milliseconds.
inline ReadOptions fastOptions() {
  ReadOptions options;
  options.backoffScale = 0.001;
  return options;
}

inline CollectedRead collect(const DeclarativeSource& source, const std::string& stream,
                             const ReadOptions& options = fastOptions(), std::stop_token stop = {},
                             const nlohmann::json& state = nullptr) {
  CollectedRead out;
  ReadEvents events;
  events.record = [&](const nlohmann::json& record) { out.records.push_back(record); };
  events.sliceStarted = [&](const nlohmann::json& slice) { out.slices.push_back(slice); };
  events.state = [&](const nlohmann::json& blob) { out.states.push_back(blob); };
  events.log = [&](protocol::LogLevel, const std::string& message) { out.logs.push_back(message); };
  events.httpExchange = [&](const http::HttpExchange& exchange, const ExchangeInfo& info) {
    out.exchanges.push_back(exchange);
    out.exchangeInfos.push_back(info);
  };
  out.result = readStream(source, stream, state, events, stop, options);
  return out;
}

// A manifest with one stream "items" whose retriever parts are given as YAML snippets indented
// for the retriever (6 spaces).
inline std::string oneStreamManifest(const std::string& requester, const std::string& rest = "",
                                     const std::string& fieldPath = "[data]") {
  return "version: 6.4.0\n"
         "type: DeclarativeSource\n"
         "check:\n  type: CheckStream\n  stream_names: [items]\n"
         "streams:\n"
         "  - type: DeclarativeStream\n"
         "    name: items\n"
         "    primary_key: [id]\n"
         "    schema_loader:\n      type: InlineSchemaLoader\n      schema: {type: object}\n"
         "    retriever:\n"
         "      type: SimpleRetriever\n"
         "      requester:\n" + requester +
         "      record_selector:\n"
         "        type: RecordSelector\n"
         "        extractor:\n          type: DpathExtractor\n          field_path: " + fieldPath + "\n" + rest;
}

}  // namespace manifold::engine::testing
