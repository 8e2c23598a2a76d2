// Completion and hover read the caret's place from indentation, also in half-written YAML.
#include "core/manifest/editing_context.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace manifold::manifest;

namespace {

const char* kManifest =
    "version: 6.4.0\n"                       // 0
    "type: DeclarativeSource\n"              // 1
    "streams:\n"                             // 2
    "  - type: DeclarativeStream\n"          // 3
    "    name: users\n"                      // 4
    "    retriever:\n"                       // 5
    "      type: SimpleRetriever\n"          // 6
    "      requester:\n"                     // 7
    "        type: HttpRequester\n"          // 8
    "        url_base: https://x.io\n"       // 9
    "        http_method: GET\n"             // 10
    "      paginator:\n"                     // 11
    "        type: \n"                       // 12
    "      \n"                               // 13
    "  - name: second\n";                    // 14

bool contains(const std::vector<Completion>& list, std::string_view text) {
  return std::any_of(list.begin(), list.end(), [text](const Completion& c) { return c.text == text; });
}

}  // namespace

TEST(EditingContext, KnowsTheComponentOfANestedMapping) {
  const auto ctx = editingContextAt(kManifest, 9, 9);
  EXPECT_EQ(ctx.componentType, "HttpRequester");
  EXPECT_EQ(ctx.parentType, "SimpleRetriever");
  EXPECT_EQ(ctx.parentField, "requester");
  EXPECT_EQ(ctx.slot, EditingContext::Slot::Key);
}

TEST(EditingContext, TypeValueOffersTheTypesTheFieldAccepts) {
  const auto ctx = editingContextAt(kManifest, 12, 14);
  EXPECT_EQ(ctx.slot, EditingContext::Slot::Value);
  EXPECT_EQ(ctx.key, "type");
  EXPECT_EQ(ctx.parentField, "paginator");
  const auto offered = completionsFor(ctx);
  EXPECT_TRUE(contains(offered, "DefaultPaginator"));
  EXPECT_TRUE(contains(offered, "NoPagination"));
  EXPECT_FALSE(contains(offered, "HttpRequester"));
}

TEST(EditingContext, AnEmptyLineOffersTheFieldsNotYetWritten) {
  const auto ctx = editingContextAt(kManifest, 13, 6);
  EXPECT_EQ(ctx.componentType, "SimpleRetriever");
  const auto offered = completionsFor(ctx);
  EXPECT_TRUE(contains(offered, "record_selector"));
  EXPECT_FALSE(contains(offered, "requester")) << "already written";
  EXPECT_FALSE(contains(offered, "paginator")) << "already written";
  ASSERT_FALSE(offered.empty());
  EXPECT_EQ(offered.front().text, "record_selector") << "required fields come first";
}

TEST(EditingContext, AListElementWithoutTypeGetsTheDefaultType) {
  const auto ctx = editingContextAt(kManifest, 14, 8);
  EXPECT_EQ(ctx.componentType, "DeclarativeStream");
  EXPECT_TRUE(ctx.listItem);
  EXPECT_EQ(ctx.parentField, "streams");
}

TEST(EditingContext, PrefixFiltersCompletions) {
  const std::string text = "type: DeclarativeSource\nstreams:\n  - type: DeclarativeStream\n    retr\n";
  const auto ctx = editingContextAt(text, 3, 8);
  EXPECT_EQ(ctx.prefix, "retr");
  const auto offered = completionsFor(ctx);
  ASSERT_EQ(offered.size(), 1u);
  EXPECT_EQ(offered.front().text, "retriever");
}

TEST(EditingContext, EnumValuesAreOffered) {
  const auto ctx = editingContextAt(kManifest, 10, 21);
  EXPECT_EQ(ctx.slot, EditingContext::Slot::Value);
  auto open = ctx;
  open.prefix.clear();
  const auto offered = completionsFor(open);
  EXPECT_TRUE(contains(offered, "POST"));
  EXPECT_TRUE(contains(offered, "GET"));
}

TEST(EditingContext, RootLevelKeysComeFromDeclarativeSource) {
  const auto ctx = editingContextAt("version: 6.4.0\n\n", 1, 0);
  EXPECT_EQ(ctx.componentType, "DeclarativeSource");
  const auto offered = completionsFor(ctx);
  EXPECT_TRUE(contains(offered, "streams"));
  EXPECT_FALSE(contains(offered, "version"));
}

TEST(HoverText, DescribesFieldsAndTypes) {
  const auto field = hoverTextAt(kManifest, 9, 10);
  ASSERT_TRUE(field.has_value());
  EXPECT_NE(field->find("HttpRequester.url_base"), std::string::npos) << *field;
  const auto type = hoverTextAt(kManifest, 6, 14);
  ASSERT_TRUE(type.has_value());
  EXPECT_EQ(type->rfind("SimpleRetriever — ", 0), 0u) << *type;
  EXPECT_FALSE(hoverTextAt(kManifest, 4, 11).has_value()) << "a stream name documents nothing";
}

TEST(EditingContext, SurvivesAnyCaretPosition) {
  const std::string text = kManifest;
  for (int line = -1; line < 18; ++line) {
    for (int column : {-5, 0, 3, 200}) {
      const auto ctx = editingContextAt(text, line, column);
      const auto offered = completionsFor(ctx);
      for (const auto& c : offered) EXPECT_FALSE(c.text.empty());
      (void)hoverTextAt(text, line, column);
    }
  }
}

TEST(EditingContext, TypeValueRightAfterTheColon) {
  const std::string text =
      "type: DeclarativeSource\nstreams:\n  - type: DeclarativeStream\n    retriever:\n"
      "      type: SimpleRetriever\n      paginator:\n        type: \n";
  const auto ctx = editingContextAt(text, 6, 14);
  EXPECT_EQ(ctx.slot, EditingContext::Slot::Value);
  EXPECT_EQ(ctx.parentField, "paginator");
  EXPECT_EQ(ctx.parentType, "SimpleRetriever");
  EXPECT_TRUE(contains(completionsFor(ctx), "DefaultPaginator"));
}
