// Helpers for OpenAPI import tests: fixtures from tests/core/openapi/data, plans and manifests
// from document text, and the manifest validator's verdict.
#pragma once

#include "core/manifest/manifest_loader.h"
#include "core/openapi/manifest_writer.h"
#include "core/openapi/openapi_importer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace manifold::openapi::testing {

inline std::string fixturePath(const std::string& name) {
  return std::string(MANIFOLD_SOURCE_DIR) + "/tests/core/openapi/data/" + name;
}

inline std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Plans a parsed document; a failure fails the calling test and returns an empty plan.
inline ImportPlan planOrFail(const Result<OpenApiDocument>& document, const ImportOptions& options) {
  if (!document) {
    ADD_FAILURE() << document.error().message;
    return {};
  }
  auto plan = planImport(document.value(), options);
  if (!plan) {
    ADD_FAILURE() << plan.error().message;
    return {};
  }
  return std::move(plan.value());
}

inline ImportPlan planFromText(const std::string& text, const ImportOptions& options = {}) {
  return planOrFail(parseOpenApi(text, "test.yaml"), options);
}

inline ImportPlan planFromFixture(const std::string& name, const ImportOptions& options = {}) {
  return planOrFail(loadOpenApi(fixturePath(name)), options);
}

// A copy, so `streamNamed(planFromFixture(...), "x").schema` outlives the temporary plan.
inline CandidateStream streamNamed(const ImportPlan& plan, const std::string& name) {
  const auto* s = plan.findStream(name);
  if (!s) {
    std::string names;
    for (const auto& c : plan.streams) names += c.name + " ";
    ADD_FAILURE() << "no stream '" << name << "'; streams: " << names;
    return {};
  }
  return *s;
}

// Every diagnostic (errors and warnings) of a manifest, one per line; empty when clean.
inline std::string manifestFindings(const std::string& yaml) {
  const auto loaded = manifest::loadManifest(yaml);
  std::string out;
  for (const auto& d : loaded.diagnostics) {
    out += std::string(manifest::severityName(d.severity)) + " line " + std::to_string(d.line) + ": " + d.message + " at " +
           d.path + "\n";
  }
  if (!loaded.resolved.is_object() && out.empty()) out = "manifest did not load\n";
  return out;
}

}  // namespace manifold::openapi::testing
