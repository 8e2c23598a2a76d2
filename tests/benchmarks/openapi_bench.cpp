// OpenAPI import of a generated ~10 MB document (repeated resources with $ref'd schemas, child
// paths, each pagination style): parse, infer, write the manifest. The targets: well
// under 1 s, and live memory under 10x the document's size (the counters print both).
#include <benchmark/benchmark.h>

#include "core/openapi/manifest_writer.h"
#include "core/openapi/openapi_importer.h"

#include <malloc.h>

#include <cstdint>
#include <string>

namespace {

using namespace manifold::openapi;

// A resource: a schema with nested $refs, a list endpoint, a single-object endpoint and a child
// list under it. Pagination alternates between page numbers, offsets and cursors.
void appendResource(Json& paths, Json& schemas, int i) {
  const std::string name = "Resource" + std::to_string(i);
  const std::string collection = "/v1/resources" + std::to_string(i);
  Json properties = Json::object();
  properties["id"] = {{"type", "integer"}};
  for (int f = 0; f < 40; ++f) {
    properties["field_" + std::to_string(f)] = {{"type", f % 3 == 0 ? "string" : "integer"},
                                                {"description", "Field number " + std::to_string(f) + " of " + name + "."}};
  }
  properties["owner"] = {{"$ref", "#/components/schemas/Owner"}};
  properties["updated_at"] = {{"type", "string"}, {"format", "date-time"}};
  schemas[name] = {{"type", "object"}, {"required", Json::array({"id"})}, {"properties", std::move(properties)}};

  Json parameters = Json::array();
  switch (i % 3) {
    case 0:
      parameters.push_back({{"name", "page"}, {"in", "query"}, {"schema", {{"type", "integer"}}}});
      parameters.push_back({{"name", "per_page"}, {"in", "query"}, {"schema", {{"type", "integer"}, {"maximum", 100}}}});
      break;
    case 1:
      parameters.push_back({{"name", "offset"}, {"in", "query"}, {"schema", {{"type", "integer"}}}});
      parameters.push_back({{"name", "limit"}, {"in", "query"}, {"schema", {{"type", "integer"}, {"default", 50}}}});
      break;
    default:
      parameters.push_back({{"name", "cursor"}, {"in", "query"}, {"schema", {{"type", "string"}}}});
      break;
  }
  parameters.push_back({{"name", "updated_since"}, {"in", "query"}, {"schema", {{"type", "string"}, {"format", "date-time"}}}});
  Json listSchema = {{"type", "object"},
                     {"properties",
                      {{"data", {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/" + name}}}}},
                       {"next_cursor", {{"type", "string"}, {"nullable", true}}}}}};
  auto ok = [](Json schema) {
    return Json{{"200", {{"description", "OK"}, {"content", {{"application/json", {{"schema", std::move(schema)}}}}}}}};
  };
  paths[collection] = {{"get", {{"operationId", "list" + name}, {"summary", "List " + name}, {"parameters", parameters},
                                {"responses", ok(listSchema)}}}};
  paths[collection + "/{id}"] = {
      {"get", {{"operationId", "get" + name},
               {"parameters", Json::array({{{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}}}}})},
               {"responses", ok({{"$ref", "#/components/schemas/" + name}})}}}};
  paths[collection + "/{id}/items"] = {
      {"get", {{"operationId", "list" + name + "Items"},
               {"parameters", Json::array({{{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}}}}})},
               {"responses", ok({{"type", "array"}, {"items", {{"$ref", "#/components/schemas/Owner"}}}})}}}};
}

const std::string& largeDocument() {
  static const std::string text = [] {
    Json schemas = Json::object();
    schemas["Owner"] = {{"type", "object"},
                        {"properties", {{"id", {{"type", "integer"}}}, {"login", {{"type", "string"}}},
                                        {"manager", {{"$ref", "#/components/schemas/Owner"}}}}}};
    Json paths = Json::object();
    std::string out;
    for (int i = 0;; ++i) {
      appendResource(paths, schemas, i);
      // Check the size every 50 resources; stop at ~10 MB.
      if (i % 50 == 49) {
        Json doc = {{"openapi", "3.0.3"},
                    {"info", {{"title", "Large"}, {"version", "1"}}},
                    {"servers", Json::array({{{"url", "https://large.example"}}})},
                    {"components", {{"securitySchemes", {{"key", {{"type", "apiKey"}, {"in", "header"}, {"name", "X-Key"}}}}},
                                    {"schemas", schemas}}},
                    {"security", Json::array({{{"key", Json::array()}}})},
                    {"paths", paths}};
        out = doc.dump(2);
        if (out.size() >= std::size_t{10} << 20) break;
      }
    }
    return out;
  }();
  return text;
}

std::size_t liveHeapBytes() { return mallinfo2().uordblks; }

void BM_Import10MB_ParseInferWrite(benchmark::State& state) {
  const auto& text = largeDocument();
  double ratio = 0;
  std::size_t streams = 0;
  std::size_t manifestBytes = 0;
  for (auto _ : state) {
    const auto before = liveHeapBytes();
    auto document = parseOpenApi(text, "large.json");
    auto plan = planImport(document.value());
    auto manifest = writeManifest(plan.value());
    const auto during = liveHeapBytes();
    ratio = static_cast<double>(during - before) / static_cast<double>(text.size());
    streams = plan->streams.size();
    manifestBytes = manifest->size();
    benchmark::DoNotOptimize(manifest->data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["doc_MB"] = static_cast<double>(text.size()) / (1024.0 * 1024.0);
  state.counters["streams"] = static_cast<double>(streams);
  state.counters["manifest_MB"] = static_cast<double>(manifestBytes) / (1024.0 * 1024.0);
  state.counters["live_mem_x_doc"] = ratio;  // document tree + plan + manifest text, per document byte
}
BENCHMARK(BM_Import10MB_ParseInferWrite)->Unit(benchmark::kMillisecond);

void BM_Import10MB_ParseOnly(benchmark::State& state) {
  const auto& text = largeDocument();
  for (auto _ : state) {
    auto document = parseOpenApi(text, "large.json");
    benchmark::DoNotOptimize(document.ok());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Import10MB_ParseOnly)->Unit(benchmark::kMillisecond);

void BM_Import10MB_InferOnly(benchmark::State& state) {
  const auto document = parseOpenApi(largeDocument(), "large.json");
  for (auto _ : state) {
    auto plan = planImport(document.value());
    benchmark::DoNotOptimize(plan->streams.size());
  }
}
BENCHMARK(BM_Import10MB_InferOnly)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
