// Go to definition: the "#/…" reference under the caret and where its target is written.
#include "core/manifest/reference_target.h"

#include <gtest/gtest.h>

using namespace manifold::manifest;

namespace {

const char* kManifest =
    "version: 6.4.0\n"                                        // 0
    "type: DeclarativeSource\n"                               // 1
    "definitions:\n"                                          // 2
    "  base_requester:\n"                                     // 3
    "    type: HttpRequester\n"                               // 4
    "    url_base: https://x.io\n"                            // 5
    "  streams:\n"                                            // 6
    "    users:\n"                                            // 7
    "      type: DeclarativeStream\n"                         // 8
    "      retriever:\n"                                      // 9
    "        requester:\n"                                    // 10
    "          $ref: \"#/definitions/base_requester\"\n"      // 11
    "streams:\n"                                              // 12
    "  - \"#/definitions/streams/users\"\n"                   // 13
    "  - $ref: '#/definitions/missing'\n"                     // 14
    "check:\n"                                                // 15
    "  type: CheckStream\n"                                   // 16
    "  stream_names: ['#/definitions/streams/users/retriever', \"#/definitions/base_requester/url_base\"]\n";  // 17

}  // namespace

TEST(ReferenceAt, FindsTheQuotedReferenceUnderTheCaretOrOnItsRefKey) {
  const std::string_view line = "          $ref: \"#/definitions/base_requester\"";
  EXPECT_EQ(referenceAt(line, 25), "#/definitions/base_requester");
  EXPECT_EQ(referenceAt(line, static_cast<int>(line.size())), "#/definitions/base_requester") << "after the quote";
  EXPECT_EQ(referenceAt(line, 11), "#/definitions/base_requester") << "on the $ref key";
  EXPECT_FALSE(referenceAt("    url_base: https://x.io  # see #/definitions", 20)) << "a comment is no reference";
  EXPECT_FALSE(referenceAt("    name: users", 10));

  const std::string_view two = "  stream_names: ['#/a/b', \"#/c\"]";
  EXPECT_EQ(referenceAt(two, static_cast<int>(two.find("#/c")) + 1), "#/c");
  EXPECT_EQ(referenceAt(two, static_cast<int>(two.find("#/a")) + 3), "#/a/b");
}

TEST(ReferenceTarget, PointsAtTheKeyOfTheDefinition) {
  auto target = referenceTargetAt(kManifest, 11, 25);
  ASSERT_TRUE(target);
  EXPECT_EQ(target->error, "");
  EXPECT_EQ(target->pointer, "/definitions/base_requester");
  EXPECT_EQ(target->position.line, 4);  // 1-based: the line of "  base_requester:"
  EXPECT_EQ(target->position.column, 3);

  target = referenceTargetAt(kManifest, 13, 10);  // a plain "#/…" string value
  ASSERT_TRUE(target);
  EXPECT_EQ(target->position.line, 8);
  EXPECT_EQ(target->position.column, 5);

  target = referenceTargetAt(kManifest, 17, 90);  // a nested pointer inside a flow list
  ASSERT_TRUE(target);
  EXPECT_EQ(target->pointer, "/definitions/base_requester/url_base");
  EXPECT_EQ(target->position.line, 6);
}

TEST(ReferenceTarget, SaysWhyAMissingTargetCannotBeReached) {
  const auto target = referenceTargetAt(kManifest, 14, 16);
  ASSERT_TRUE(target);
  EXPECT_FALSE(target->position.known());
  EXPECT_NE(target->error.find("#/definitions/missing points to nothing"), std::string::npos) << target->error;
  EXPECT_NE(target->error.find("/definitions exists"), std::string::npos) << target->error;

  const auto broken = referenceTargetAt("a: [\nb: \"#/a\"\n", 1, 5);
  ASSERT_TRUE(broken);
  EXPECT_NE(broken->error.find("does not parse"), std::string::npos) << broken->error;
}

TEST(ReferenceTarget, IsNothingAwayFromAReference) {
  EXPECT_FALSE(referenceTargetAt(kManifest, 5, 8));
  EXPECT_FALSE(referenceTargetAt(kManifest, 99, 0));
}
