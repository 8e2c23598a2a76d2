// Every real manifest of the shared corpus loads and resolves without a diagnostic.
#include "core/manifest/resolver.h"
#include "tests/support/shared_corpus.h"

#include <gtest/gtest.h>

namespace manifold::manifest {
namespace {

std::string describe(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    out += "  " + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message + "\n";
  }
  return out;
}

TEST(ManifestCorpus, EveryManifestLoadsAndResolves) {
  const auto manifests = testing::corpusManifests();
  if (manifests.empty()) GTEST_SKIP() << testing::corpusMissingReason();
  std::size_t resolved = 0;
  for (const auto& path : manifests) {
    const auto doc = Document::parse(testing::readFile(path));
    ASSERT_TRUE(doc.loaded()) << path << "\n" << describe(doc.diagnostics());
    EXPECT_TRUE(doc.diagnostics().empty()) << path << "\n" << describe(doc.diagnostics());
    const auto result = Resolver(doc).resolve();
    EXPECT_TRUE(result.diagnostics.empty()) << path << "\n" << describe(result.diagnostics);
    ASSERT_TRUE(result.root.is_object()) << path;
    EXPECT_EQ(result.root["type"], "DeclarativeSource") << path;
    if (result.diagnostics.empty()) ++resolved;
  }
  EXPECT_EQ(resolved, manifests.size());
}

}  // namespace
}  // namespace manifold::manifest
