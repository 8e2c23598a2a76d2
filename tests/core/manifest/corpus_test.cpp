// Every real manifest of the shared corpus loads and resolves without a diagnostic.
#include "core/manifest/manifest_loader.h"
#include "core/manifest/resolver.h"
#include "tests/support/shared_corpus.h"

#include <gtest/gtest.h>

#include <iostream>

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

bool isCustomComponentError(const Diagnostic& d) {
  return d.message.find("custom component") != std::string::npos && d.message.find("class_name") != std::string::npos;
}

TEST(ManifestCorpus, ManifestsWithoutCustomComponentsValidateWithZeroErrors) {
  const auto manifests = testing::corpusManifests();
  if (manifests.empty()) GTEST_SKIP() << testing::corpusMissingReason();
  std::size_t clean = 0;
  std::size_t declarative = 0;
  for (const auto& path : manifests) {
    const std::string text = testing::readFile(path);
    if (text.find("class_name") != std::string::npos) continue;
    ++declarative;
    const auto loaded = loadManifest(text);
    Diagnostics errors;
    for (const auto& d : loaded.diagnostics) {
      if (d.severity == Severity::Error) errors.push_back(d);
    }
    EXPECT_TRUE(errors.empty()) << path.filename() << "\n" << describe(errors);
    if (errors.empty()) ++clean;
  }
  std::cout << clean << " of " << declarative << " manifests without class_name validate with zero errors\n";
  EXPECT_EQ(clean, declarative);
}

TEST(ManifestCorpus, CustomComponentsGetOnlyTheCustomComponentError) {
  const auto manifests = testing::corpusManifests();
  if (manifests.empty()) GTEST_SKIP() << testing::corpusMissingReason();
  for (const auto& path : manifests) {
    const std::string text = testing::readFile(path);
    if (text.find("class_name") == std::string::npos) continue;
    const auto loaded = loadManifest(text);
    std::size_t custom = 0;
    for (const auto& d : loaded.diagnostics) {
      if (d.severity != Severity::Error) continue;
      EXPECT_TRUE(isCustomComponentError(d)) << path.filename() << ":" << d.line << ": " << d.message;
      if (isCustomComponentError(d)) {
        ++custom;
        EXPECT_GT(d.line, 0);
      }
    }
    EXPECT_GE(custom, 1u) << path.filename();
  }
}

}  // namespace
}  // namespace manifold::manifest
