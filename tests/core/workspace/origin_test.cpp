// Provenance in metadata.yaml: the `origin:` block is written and replaced without touching the rest.
#include "core/workspace/origin.h"

#include <gtest/gtest.h>

namespace manifold::workspace {
namespace {

const char* kMetadata =
    "# Catalog entry: kept as written.\n"
    "data:\n"
    "  name: pokeapi   # the folder name\n"
    "  title: PokeAPI\n"
    "\n"
    "tags:\n"
    "  - cdk:low-code\n";

Origin sample() {
  return Origin{"github", "airbytehq/airbyte", "master", "airbyte-integrations/connectors/source-pokeapi",
                "0123456789abcdef0123456789abcdef01234567", "", "2026-11-25T15:00:00Z"};
}

TEST(Origin, IsAppendedWithoutChangingTheRestOfTheFile) {
  const std::string written = writeOrigin(kMetadata, sample());
  EXPECT_EQ(written.substr(0, std::string(kMetadata).size()), kMetadata);
  EXPECT_NE(written.find("origin:\n  catalog: \"github\"\n  repository: \"airbytehq/airbyte\"\n"), std::string::npos)
      << written;
  const auto read = readOrigin(written);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->commit, sample().commit);
  EXPECT_EQ(read->path, sample().path);
  EXPECT_EQ(read->branch, "master");
  EXPECT_EQ(read->date, "2026-11-25T15:00:00Z");
}

TEST(Origin, ReplacesAnExistingBlockInPlaceOfNone) {
  const std::string text = std::string("origin:\n  catalog: bundled\n  path: manifests/x\n\n") + kMetadata;
  Origin next = sample();
  next.commit = "feedface";
  const std::string written = writeOrigin(text, next);
  EXPECT_EQ(written.find("bundled"), std::string::npos) << written;
  EXPECT_EQ(written.find("origin:"), written.rfind("origin:"));
  EXPECT_EQ(readOrigin(written)->commit, "feedface");
  EXPECT_EQ(removeOrigin(written), std::string("\n") + kMetadata);
}

TEST(Origin, QuotesValuesSoAnyTextStaysOneScalar) {
  Origin odd = sample();
  odd.path = "a: b # \"c\"";
  EXPECT_EQ(readOrigin(writeOrigin("data: {}\n", odd))->path, odd.path);
}

TEST(Origin, IsAbsentFromFilesWithoutOneOrNotYaml) {
  EXPECT_FALSE(readOrigin(kMetadata));
  EXPECT_FALSE(readOrigin("data: [unclosed"));
  EXPECT_EQ(removeOrigin(kMetadata), kMetadata);
}

}  // namespace
}  // namespace manifold::workspace
