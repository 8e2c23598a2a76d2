// Load + resolve + validate of corpus manifests: the work the editor repeats on every typing pause.
#include <benchmark/benchmark.h>

#include "core/manifest/document.h"
#include "core/manifest/manifest_loader.h"
#include "core/manifest/resolver.h"
#include "core/manifest/validator.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace manifold::manifest;

struct Corpus {
  std::vector<std::string> texts;
  std::size_t largest = 0;  // index into texts
  std::size_t bytes = 0;
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus out;
    const char* env = std::getenv("MANIFOLD_SHARED_DIR");
    const fs::path dir = fs::path(env && *env ? env : MANIFOLD_SHARED_DIR_DEFAULT) / "corpus" / "airbyte-manifests";
    std::vector<fs::path> paths;
    if (fs::is_directory(dir)) {
      for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() == ".yaml") paths.push_back(entry.path());
      }
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths) {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      out.texts.push_back(ss.str());
      out.bytes += out.texts.back().size();
      if (out.texts.back().size() > out.texts[out.largest].size()) out.largest = out.texts.size() - 1;
    }
    return out;
  }();
  return c;
}

bool needCorpus(benchmark::State& state) {
  if (corpus().texts.empty()) {
    state.SkipWithError("shared corpus not found; set MANIFOLD_SHARED_DIR");
    return false;
  }
  return true;
}

void BM_LargestManifest_LoadResolveValidate(benchmark::State& state) {
  if (!needCorpus(state)) return;
  const std::string& text = corpus().texts[corpus().largest];
  for (auto _ : state) {
    auto loaded = loadManifest(text);
    benchmark::DoNotOptimize(loaded.diagnostics.size());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_LargestManifest_LoadResolveValidate)->Unit(benchmark::kMillisecond);

void BM_LargestManifest_ParseOnly(benchmark::State& state) {
  if (!needCorpus(state)) return;
  const std::string& text = corpus().texts[corpus().largest];
  for (auto _ : state) {
    auto doc = Document::parse(text);
    benchmark::DoNotOptimize(doc.loaded());
  }
}
BENCHMARK(BM_LargestManifest_ParseOnly)->Unit(benchmark::kMillisecond);

void BM_LargestManifest_ResolveAndValidate(benchmark::State& state) {
  if (!needCorpus(state)) return;
  const auto doc = Document::parse(corpus().texts[corpus().largest]);
  for (auto _ : state) {
    Resolver resolver(doc);
    auto resolved = resolver.resolve();
    auto diagnostics = Validator(resolver).validate(resolved.root);
    benchmark::DoNotOptimize(diagnostics.size());
  }
}
BENCHMARK(BM_LargestManifest_ResolveAndValidate)->Unit(benchmark::kMillisecond);

void BM_WholeCorpus_LoadResolveValidate(benchmark::State& state) {
  if (!needCorpus(state)) return;
  for (auto _ : state) {
    std::size_t findings = 0;
    for (const auto& text : corpus().texts) findings += loadManifest(text).diagnostics.size();
    benchmark::DoNotOptimize(findings);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus().bytes));
  state.counters["manifests"] = static_cast<double>(corpus().texts.size());
}
BENCHMARK(BM_WholeCorpus_LoadResolveValidate)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
