// checkSyntax accepts valid templates and reports the offset of the first error.
#include "core/interpolation/syntax_check.h"

#include <gtest/gtest.h>

namespace manifold::interpolation {
namespace {

TEST(CheckSyntax, AcceptsPlainTextAndTemplates) {
  EXPECT_FALSE(checkSyntax("plain text"));
  EXPECT_FALSE(checkSyntax("{{ config['api_key'] }}"));
  EXPECT_FALSE(checkSyntax("{{ response.meta.next_cursor }}"));
  EXPECT_FALSE(checkSyntax("{% if config.flag %}a{% elif x %}b{% else %}c{% endif %}"));
  EXPECT_FALSE(checkSyntax("{%- for a, b in x.items() if b -%}{{ loop.index }}{% else %}none{% endfor %}"));
  EXPECT_FALSE(checkSyntax("{% set x = {'a': {'b': [1, 2]}} %}{{ x.a.b[0] }}"));
  EXPECT_FALSE(checkSyntax("{# comment #}{{ 1 if a is defined else 2 }}{% raw %}{{ not parsed {% endraw %}"));
  EXPECT_FALSE(checkSyntax("{{ x | default('y') | map(attribute='a') | list }}{{ a[1:2] }}{{ b[::-1] }}"));
  EXPECT_FALSE(checkSyntax("{{ x is divisibleby 3 }}{{ -1 ** 2 }}{{ a not in b }}{{ 1 < 2 < 3 }}"));
}

TEST(CheckSyntax, ReportsTheOffsetOfTheError) {
  auto error = checkSyntax("abc {{ import os) }}");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->offset, 14u);
  error = checkSyntax("{{ a + }}");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->offset, 7u);
  error = checkSyntax("x {{ a");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->offset, 2u);
}

TEST(CheckSyntax, RejectsUnclosedAndUnknownBlocks) {
  EXPECT_TRUE(checkSyntax("{% if a %}x"));
  EXPECT_TRUE(checkSyntax("{% for a in b %}x{% endif %}"));
  EXPECT_TRUE(checkSyntax("{% endif %}"));
  EXPECT_TRUE(checkSyntax("{% include 'x' %}"));
  EXPECT_TRUE(checkSyntax("{{ [a for a in b] }}"));
  EXPECT_TRUE(checkSyntax("{# never closed"));
  EXPECT_TRUE(checkSyntax("{{ (1, 2 }}"));
  EXPECT_TRUE(checkSyntax("{{ 'unterminated }}"));
  EXPECT_TRUE(checkSyntax("{{ 01 }}"));
}

TEST(CheckSyntax, RejectsUnknownFiltersAndTestsAtTheirName) {
  auto error = checkSyntax("{{ x | nosuch }}");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->offset, 7u);
  EXPECT_NE(error->message.find("nosuch"), std::string::npos);
  error = checkSyntax("{{ x is wobbly }}");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->offset, 8u);
  EXPECT_FALSE(checkSyntax("{{ x | regex_search('a') | hash('md5') }}{{ y is not none }}{{ [1] | select('==', 1) | list }}"));
}

TEST(CheckSyntax, FailsCleanlyOnDeepNesting) {
  const std::string deep = "{{ " + std::string(5000, '(') + "1" + std::string(5000, ')') + " }}";
  auto error = checkSyntax(deep);
  ASSERT_TRUE(error);
  EXPECT_NE(error->message.find("nested too deeply"), std::string::npos);
}

}  // namespace
}  // namespace manifold::interpolation
