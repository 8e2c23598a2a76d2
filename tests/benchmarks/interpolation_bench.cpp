// Interpolation benchmarks: cached templates evaluated against borrowed caller JSON, as the
// engine does for every request and record.
#include "core/interpolation/interpolated_string.h"
#include "core/interpolation/jinja_interpolation.h"
#include "core/interpolation/template.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <string>

namespace {

using namespace manifold::interpolation;

nlohmann::json makeResponse() {
  // About 1 KB: a page of records plus the pagination metadata.
  nlohmann::json records = nlohmann::json::array();
  for (int i = 0; i < 14; ++i) {
    records.push_back({{"id", i}, {"name", "record " + std::to_string(i)}, {"updated_at", "2024-01-0" + std::to_string(i % 9 + 1) + "T00:00:00Z"}});
  }
  return {{"data", records}, {"meta", {{"next_cursor", "eyJpZCI6MTB9"}, {"total", 1234}, {"has_more", true}}}};
}

void BM_ConfigApiKeyRender(benchmark::State& state) {
  const nlohmann::json config = {{"api_key", "secret-token"}, {"start_date", "2024-01-01"}};
  Context context;
  context.borrow("config", config);
  auto compiled = TemplateCache::shared().get("{{ config['api_key'] }}");
  const Template& tmpl = *compiled.value();
  const RenderOptions options;
  for (auto _ : state) {
    benchmark::DoNotOptimize(tmpl.render(context, options));
  }
}
BENCHMARK(BM_ConfigApiKeyRender);

void BM_ConfigApiKeyInterpolatedString(benchmark::State& state) {
  const nlohmann::json config = {{"api_key", "secret-token"}, {"start_date", "2024-01-01"}};
  Context context;
  context.borrow("config", config);
  const InterpolatedString field("{{ config['api_key'] }}");
  for (auto _ : state) {
    benchmark::DoNotOptimize(field.evalValue(context));
  }
}
BENCHMARK(BM_ConfigApiKeyInterpolatedString);

void BM_PaginationCursorMillion(benchmark::State& state) {
  const nlohmann::json response = makeResponse();
  Context context;
  context.borrow("response", response);
  const InterpolatedString cursor("{{ response.meta.next_cursor }}");
  for (auto _ : state) {
    for (int i = 0; i < 1'000'000; ++i) benchmark::DoNotOptimize(cursor.evalValue(context));
  }
  state.counters["response_bytes"] = static_cast<double>(response.dump().size());
}
BENCHMARK(BM_PaginationCursorMillion)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_StopCondition(benchmark::State& state) {
  const nlohmann::json response = makeResponse();
  Context context;
  context.borrow("response", response);
  EvalOptions options;
  for (auto _ : state) {
    benchmark::DoNotOptimize(evaluateValue("{{ not response.meta.has_more or response.data | length < 10 }}", context, options));
  }
}
BENCHMARK(BM_StopCondition);

void BM_FormatDatetime(benchmark::State& state) {
  const nlohmann::json slice = {{"start_time", "2024-01-01T00:00:00Z"}};
  Context context;
  context.borrow("stream_slice", slice);
  EvalOptions options;
  for (auto _ : state) {
    benchmark::DoNotOptimize(evaluateValue("{{ format_datetime(stream_interval.start_time, '%s') }}", context, options));
  }
}
BENCHMARK(BM_FormatDatetime);

void BM_ParseUncached(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(Template::compile("{% if config.flag %}{{ config.a | default('x') }}{% else %}{{ now_utc().strftime('%Y') }}{% endif %}"));
  }
}
BENCHMARK(BM_ParseUncached);

}  // namespace

BENCHMARK_MAIN();
