// The CDK wrappers' semantics: InterpolatedString defaults, request mappings, nested bodies,
// InterpolatedBoolean, plus the template cache and borrowed contexts.
#include "core/interpolation/interpolated_boolean.h"
#include "core/interpolation/interpolated_mapping.h"
#include "core/interpolation/interpolated_string.h"
#include "core/interpolation/template.h"

#include <gtest/gtest.h>

namespace manifold::interpolation {
namespace {

using nlohmann::json;

const json kConfig = {{"n", 3}, {"hex", "0x1F"}, {"key", "abc"}, {"ids", {1, 2}}, {"empty", ""}};

Context configContext() { return Context().borrow("config", kConfig); }

TEST(InterpolatedString, EmptyRenderFallsBackToTheTemplateAndGivesEmptyString) {
  auto result = InterpolatedString("{{ config.missing }}").eval(configContext());
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value(), "");
}

TEST(InterpolatedString, ExplicitDefaultIsRenderedWhenTheTemplateIsEmpty) {
  auto result = InterpolatedString("{{ config.empty }}", "{{ config.n * 2 }}").eval(configContext());
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value(), 6);
}

TEST(InterpolatedString, AttributeOfUndefinedFailsBecauseTheDefaultIsRenderedOutsideTheTry) {
  auto result = InterpolatedString("{{ config.missing.x }}").eval(configContext());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::Undefined);
}

TEST(InterpolatedString, TypeErrorReturnsTheRawTemplate) {
  auto result = InterpolatedString("{{ max(1, 'a') }}").eval(configContext());
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value(), "{{ max(1, 'a') }}");
}

TEST(RequestParameters, KeepStringsAndListsAndDropEmptyValues) {
  const json mapping = {{"n", "{{ config.n }}"},       {"hex", "{{ config.hex }}"},  {"ids", "{{ config.ids }}"},
                        {"quoted", "'q'"},             {"missing", "{{ config.missing }}"},
                        {"static", 5}};
  auto result = evaluateRequestParameters(mapping, configContext());
  ASSERT_TRUE(result.ok()) << result.error().describe();
  EXPECT_EQ(result.value(), (json{{"n", "3"}, {"hex", "0x1F"}, {"ids", {1, 2}}, {"quoted", "q"}, {"static", 5}}));
}

TEST(RequestHeaders, StringifyEveryValueAfterTheLiteralRule) {
  const json mapping = {{"X-Hex", "{{ config.hex }}"}, {"X-N", "{{ config.n }}"}, {"X-Ids", "{{ config.ids }}"},
                        {"X-Empty", "{{ config.empty }}"}, {"X-Bool", "True"}};
  auto result = evaluateRequestHeaders(mapping, configContext());
  ASSERT_TRUE(result.ok()) << result.error().describe();
  EXPECT_EQ(result.value(), (json{{"X-Hex", "31"}, {"X-N", "3"}, {"X-Ids", "[1, 2]"}, {"X-Bool", "True"}}));
}

TEST(RequestParameters, InterpolateKeysToo) {
  auto result = evaluateRequestParameters(json{{"{{ config.key }}", "v"}}, configContext());
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value(), (json{{"abc", "v"}}));
}

TEST(NestedMapping, AppliesTheLiteralRuleToEveryStringAndDropsNoneFromObjectsOnly) {
  const json body = {{"id", "123"},
                     {"f", "1.50"},
                     {"b", "True"},
                     {"t", "true"},
                     {"gone", "{{ config.missing }}"},
                     {"list", {"{{ config.n }}", "{{ none }}"}},
                     {"nested", {{"{{ config.key }}", "{{ config.n + 1 }}"}}}};
  auto result = evaluateNestedMapping(body, configContext());
  ASSERT_TRUE(result.ok()) << result.error().describe();
  EXPECT_EQ(result.value(), (json{{"id", 123},
                                  {"f", 1.5},
                                  {"b", true},
                                  {"t", "true"},
                                  {"list", {3, nullptr}},
                                  {"nested", {{"abc", 4}}}}));
}

TEST(InterpolatedBoolean, UsesYamlBooleansAsTheyAre) {
  auto result = InterpolatedBoolean(json(false)).eval(configContext());
  ASSERT_TRUE(result.ok());
  EXPECT_FALSE(result.value());
  result = InterpolatedBoolean(json(true)).eval(configContext());
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result.value());
}

TEST(InterpolatedBoolean, UndeclaredVariablesAreErrors) {
  auto result = InterpolatedBoolean(json("{{ record.id }}")).eval(configContext());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::Undeclared);
  EXPECT_NE(result.error().message.find("record"), std::string::npos);
}

TEST(TemplateCache, ReturnsTheSameCompiledTemplateForTheSameSource) {
  TemplateCache cache(2);
  auto first = cache.get("{{ a }}");
  auto second = cache.get("{{ a }}");
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first.value().get(), second.value().get());
  EXPECT_EQ(cache.size(), 1u);
  ASSERT_TRUE(cache.get("{{ b }}").ok());
  ASSERT_TRUE(cache.get("{{ c }}").ok());
  EXPECT_LE(cache.size(), 2u);
  EXPECT_FALSE(cache.get("{{ (").ok());
}

TEST(Template, ListsTheVariablesItNeeds) {
  auto compiled = Template::compile("{% set x = 1 %}{{ x }}{{ config.a }}{% for r in records %}{{ r }}{{ loop.index }}{% endfor %}{{ now_utc() }}");
  ASSERT_TRUE(compiled.ok());
  EXPECT_EQ(compiled.value()->requiredNames(), (std::vector<std::string>{"config", "records"}));
}

TEST(Context, BorrowsCallerJsonWithoutCopying) {
  json response = {{"meta", {{"next_cursor", "c1"}}}};
  Context context;
  context.borrow("response", response);
  auto compiled = Template::compile("{{ response.meta.next_cursor }}");
  ASSERT_TRUE(compiled.ok());
  EXPECT_EQ(compiled.value()->render(context).value(), "c1");
  response["meta"]["next_cursor"] = "c2";  // the context sees the caller's current data
  EXPECT_EQ(compiled.value()->render(context).value(), "c2");
}

TEST(Context, StreamIntervalAndPartitionAliasStreamSlice) {
  const json slice = {{"start", 1}};
  Context context;
  context.borrow("stream_slice", slice);
  ASSERT_NE(context.find("stream_interval"), nullptr);
  ASSERT_NE(context.find("stream_partition"), nullptr);
  EXPECT_EQ(context.find("stream_interval")->toJson(), slice);
  EXPECT_EQ(Context().find("stream_interval"), nullptr);
}

TEST(Limits, BoundOutputLoopsAndNesting) {
  RenderOptions options;
  options.limits.maxOutputBytes = 100;
  auto compiled = Template::compile("{% for i in 'abcdefghij' %}{{ '0123456789' * 2 }}{% endfor %}");
  ASSERT_TRUE(compiled.ok());
  auto result = compiled.value()->render(Context(), options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::Limit);

  options = RenderOptions();
  options.limits.maxLoopIterations = 5;
  compiled = Template::compile("{% for i in [1,2,3] %}{% for j in [1,2,3] %}{% endfor %}{% endfor %}");
  ASSERT_TRUE(compiled.ok());
  result = compiled.value()->render(Context(), options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::Limit);

  std::string chain = "{{ 1";
  for (int i = 0; i < 1000; ++i) chain += " + 1";
  chain += " }}";
  compiled = Template::compile(chain);
  ASSERT_TRUE(compiled.ok());
  result = compiled.value()->render(Context(), RenderOptions());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::Limit);
}

TEST(Errors, CarryThePositionOfTheFailingExpression) {
  auto compiled = Template::compile("abc {{ 1 / 0 }}");
  ASSERT_TRUE(compiled.ok());
  auto result = compiled.value()->render(Context());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().offset, 9u);
  EXPECT_NE(result.error().message.find("division by zero"), std::string::npos);
}

}  // namespace
}  // namespace manifold::interpolation
