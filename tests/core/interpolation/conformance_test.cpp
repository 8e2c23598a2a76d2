// The conformance suite: tests/data/interpolation/conformance_cases.json holds template,
// context and the value (or error) the reference engine produces; adding a case adds no code.
#include "core/interpolation/interpolated_boolean.h"
#include "core/interpolation/jinja_interpolation.h"
#include "core/interpolation/render.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

namespace manifold::interpolation {
namespace {

// 2021-09-01T00:00:00Z, the instant the reference's macro tests freeze time at.
constexpr std::int64_t kFrozenNow = 1630454400LL * 1000000;

nlohmann::json loadCases() {
  std::ifstream file(std::string(MANIFOLD_SOURCE_DIR) + "/tests/data/interpolation/conformance_cases.json");
  if (!file) return nlohmann::json::array();
  return nlohmann::json::parse(file);
}

// Floats and ints compare by value, as Python's == does (1646006400 == 1646006400.0).
bool sameJson(const nlohmann::json& a, const nlohmann::json& b) {
  if (a.is_number() && b.is_number() && !a.is_boolean() && !b.is_boolean()) return a.get<double>() == b.get<double>();
  if (a.type() != b.type()) return false;
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!sameJson(a[i], b[i])) return false;
    }
    return true;
  }
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (const auto& [k, v] : a.items()) {
      if (!b.contains(k) || !sameJson(v, b.at(k))) return false;
    }
    return true;
  }
  return a == b;
}

class Conformance : public ::testing::TestWithParam<nlohmann::json> {};

TEST_P(Conformance, MatchesTheReferenceEngine) {
  const nlohmann::json& testCase = GetParam();
  const std::string source = testCase.at("template");
  const nlohmann::json context = testCase.value("context", nlohmann::json::object());
  const std::string wrapper = testCase.value("wrapper", "string");
  RenderOptions options;
  options.clock = [] { return kFrozenNow; };
  options.limits.maxLoopIterations = 10'000;
  options.limits.maxOutputBytes = 1 << 20;

  Result<nlohmann::json> result = nlohmann::json();
  if (wrapper == "boolean") {
    auto boolean = InterpolatedBoolean(source).eval(Context::fromJsonObject(context), options);
    result = boolean ? Result<nlohmann::json>(nlohmann::json(boolean.value())) : Result<nlohmann::json>(boolean.error());
  } else if (wrapper == "eval") {
    EvalOptions eval;
    eval.render = options;
    result = evaluate(source, Context::fromJsonObject(context), eval);
  } else {
    result = renderTemplate(source, context, options);
  }

  if (testCase.contains("error")) {
    ASSERT_FALSE(result.ok()) << source << " gave " << result.value().dump();
    EXPECT_NE(result.error().message.find(testCase.at("error").get<std::string>()), std::string::npos)
        << source << ": " << result.error().message;
  } else {
    ASSERT_TRUE(result.ok()) << source << ": " << result.error().describe();
    EXPECT_TRUE(sameJson(result.value(), testCase.at("expected")))
        << source << "\n  expected " << testCase.at("expected").dump() << "\n  got      " << result.value().dump();
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, Conformance, ::testing::ValuesIn(loadCases().get<std::vector<nlohmann::json>>()),
                         [](const ::testing::TestParamInfo<nlohmann::json>& param) {
                           return "case" + std::to_string(param.index);
                         });

TEST(ConformanceSuite, HasAtLeastThreeHundredCases) { EXPECT_GE(loadCases().size(), 300u); }

}  // namespace
}  // namespace manifold::interpolation
