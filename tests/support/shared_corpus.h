// Locates the shared test corpus (../shared/corpus) that tests read at run time.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace manifold::testing {

// The shared folder: $MANIFOLD_SHARED_DIR, else ../shared beside the source tree.
// Empty when it does not exist (a checkout without the corpus).
std::optional<std::filesystem::path> sharedDir();

// ../shared/corpus/airbyte-manifests/*.yaml sorted by name; empty when absent.
std::vector<std::filesystem::path> corpusManifests();

// ../shared/corpus/declarative_component_schema.yaml when present.
std::optional<std::filesystem::path> referenceSchema();

// Why corpus tests are skipped, to print with GTEST_SKIP when the corpus is absent.
std::string corpusMissingReason();

std::string readFile(const std::filesystem::path& path);

}  // namespace manifold::testing
