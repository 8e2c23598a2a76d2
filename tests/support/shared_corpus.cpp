// Locates the shared test corpus.
#include "tests/support/shared_corpus.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace manifold::testing {

namespace fs = std::filesystem;

std::optional<fs::path> sharedDir() {
  if (const char* env = std::getenv("MANIFOLD_SHARED_DIR"); env && *env) {
    if (fs::is_directory(env)) return fs::path(env);
  }
  const fs::path fallback = MANIFOLD_TEST_SHARED_DIR;
  if (fs::is_directory(fallback)) return fallback;
  return std::nullopt;
}

std::vector<fs::path> corpusManifests() {
  std::vector<fs::path> out;
  const auto shared = sharedDir();
  if (!shared) return out;
  const fs::path dir = *shared / "corpus" / "airbyte-manifests";
  if (!fs::is_directory(dir)) return out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<fs::path> referenceSchema() {
  const auto shared = sharedDir();
  if (!shared) return std::nullopt;
  fs::path p = *shared / "corpus" / "declarative_component_schema.yaml";
  if (!fs::is_regular_file(p)) return std::nullopt;
  return p;
}

std::string corpusMissingReason() {
  return "the shared corpus (../shared/corpus/airbyte-manifests) is not present beside the "
         "checkout; set MANIFOLD_SHARED_DIR to run the corpus tests";
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace manifold::testing
