// Validation of testing values against the spec, as the form and the CLI run it before a read.
#include "core/config/config_validation.h"

#include "core/manifest/manifest_loader.h"
#include "tests/support/shared_corpus.h"

#include <gtest/gtest.h>

using manifold::config::ConfigProblem;
using manifold::config::describeProblems;
using manifold::config::parseConnectionSpecification;
using manifold::config::validateConfig;
using nlohmann::json;

namespace {

const auto kSpec = parseConnectionSpecification(nlohmann::ordered_json::parse(R"({
  "type": "object",
  "required": ["api_key", "start_date"],
  "properties": {
    "api_key": {"type": "string", "title": "API key", "airbyte_secret": true},
    "start_date": {"type": "string", "title": "Start date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                   "pattern_descriptor": "YYYY-MM-DD"},
    "page_size": {"type": "integer", "title": "Page size", "minimum": 1, "maximum": 100},
    "ratio": {"type": "number"},
    "region": {"type": "string", "enum": ["eu", "us"], "title": "Region"},
    "archived": {"type": "boolean", "title": "Archived"},
    "repos": {"type": "array", "title": "Repositories", "items": {"type": "string", "pattern": "/"}},
    "rows": {"type": "array", "title": "Rows", "items": {"type": "object", "required": ["id"],
             "properties": {"id": {"type": "integer", "title": "Row id"}}}},
    "nested": {"type": "object", "title": "Nested", "required": ["host"],
               "properties": {"host": {"type": "string", "title": "Host"}}},
    "credentials": {"type": "object", "title": "Authentication", "oneOf": [
      {"title": "Token", "required": ["auth_type", "token"],
       "properties": {"auth_type": {"const": "token"}, "token": {"type": "string", "title": "Token value"}}},
      {"title": "Basic", "required": ["auth_type", "username"],
       "properties": {"auth_type": {"const": "basic"}, "username": {"type": "string", "title": "Username"}}}
    ]}
  }
})"));

std::vector<std::string> messages(const json& config) {
  std::vector<std::string> out;
  for (const ConfigProblem& p : validateConfig(kSpec, config)) out.push_back(p.pointer + ": " + p.message);
  return out;
}

using Messages = std::vector<std::string>;

}  // namespace

TEST(ConfigValidation, AcceptsAValidConfigWithExtraKeys) {
  EXPECT_EQ(messages({{"api_key", "k"}, {"start_date", "2024-01-02"}, {"page_size", 10}, {"ratio", 0.5},
                      {"region", "eu"}, {"archived", false}, {"repos", {"a/b"}}, {"rows", {{{"id", 1}}}},
                      {"nested", {{"host", "h"}}}, {"credentials", {{"auth_type", "basic"}, {"username", "u"}}},
                      {"not_in_spec", 1}}),
            Messages{});
}

TEST(ConfigValidation, ReportsMissingRequiredFieldsAndEmptyText) {
  EXPECT_EQ(messages(json::object()), (Messages{"/api_key: API key is required", "/start_date: Start date is required"}));
  EXPECT_EQ(messages({{"api_key", ""}, {"start_date", nullptr}}),
            (Messages{"/api_key: API key is required", "/start_date: Start date is required"}));
}

TEST(ConfigValidation, ReportsWrongTypes) {
  const json base = {{"api_key", "k"}, {"start_date", "2024-01-02"}};
  json config = base;
  config["page_size"] = "ten";
  config["ratio"] = "x";
  config["archived"] = "yes";
  config["api_key"] = 5;
  config["page_size"] = "ten";
  EXPECT_EQ(messages(config), (Messages{"/api_key: API key must be text, not an integer",
                                        "/page_size: Page size must be a whole number, not \"ten\"",
                                        "/ratio: ratio must be a number, not \"x\"",
                                        "/archived: Archived must be true or false, not \"yes\""}));
  config = base;
  config["page_size"] = 2.0;  // JSON Schema's integer includes 2.0
  EXPECT_EQ(messages(config), Messages{});
  config["page_size"] = 2.5;
  EXPECT_EQ(messages(config), Messages{"/page_size: Page size must be a whole number, not 2.5"});
}

TEST(ConfigValidation, ReportsEnumPatternAndRange) {
  const json config = {{"api_key", "k"}, {"start_date", "02/01/2024"}, {"region", "asia"}, {"page_size", 0}};
  EXPECT_EQ(messages(config), (Messages{"/start_date: Start date does not match YYYY-MM-DD",
                                        "/page_size: Page size must be at least 1",
                                        "/region: Region must be one of: eu, us"}));
  EXPECT_EQ(messages({{"api_key", "k"}, {"start_date", "2024-01-01"}, {"page_size", 101}}),
            Messages{"/page_size: Page size must be at most 100"});
}

TEST(ConfigValidation, ChecksListItemsAndNestedObjects) {
  const json config = {{"api_key", "k"}, {"start_date", "2024-01-01"}, {"repos", {"ok/1", "bad"}},
                       {"rows", {{{"id", 1}}, json::object()}}, {"nested", json::object()}};
  EXPECT_EQ(messages(config), (Messages{"/repos/1: Repositories item 2 does not match the pattern /",
                                        "/rows/1/id: Row id is required", "/nested/host: Host is required"}));
}

TEST(ConfigValidation, ChecksTheOneOfOptionTheDiscriminatorSelects) {
  const json base = {{"api_key", "k"}, {"start_date", "2024-01-01"}};
  json config = base;
  config["credentials"] = {{"auth_type", "token"}};
  EXPECT_EQ(messages(config), Messages{"/credentials/token: Token value is required"});
  config["credentials"] = {{"auth_type", "basic"}};
  EXPECT_EQ(messages(config), Messages{"/credentials/username: Username is required"});
  // No discriminator: the option that fits best speaks.
  config["credentials"] = {{"username", "u"}};
  EXPECT_EQ(messages(config), Messages{"/credentials/auth_type: auth_type is required"});
}

TEST(ConfigValidation, DescribesProblemsInOneLine) {
  EXPECT_EQ(describeProblems(validateConfig(kSpec, json::object())),
            "2 problems in the testing values: API key is required; Start date is required");
  EXPECT_EQ(describeProblems({}), "");
  EXPECT_EQ(validateConfig(kSpec, json::array()).size(), 1u);
}

TEST(ConfigValidation, CorpusSpecsReportOnlyRequiredFieldsForAnEmptyConfig) {
  const auto manifests = manifold::testing::corpusManifests();
  if (manifests.empty()) GTEST_SKIP() << manifold::testing::corpusMissingReason();
  int specs = 0;
  for (const auto& path : manifests) {
    const auto loaded = manifold::manifest::loadManifest(manifold::testing::readFile(path));
    if (!loaded.resolved.is_object() || !loaded.resolved.contains("spec")) continue;
    const auto& spec = loaded.resolved["spec"];
    if (!spec.is_object() || !spec.contains("connection_specification")) continue;
    ++specs;
    const auto field = parseConnectionSpecification(spec["connection_specification"]);
    for (const auto& problem : validateConfig(field, json::object())) {
      EXPECT_TRUE(problem.message.ends_with(" is required")) << path << ": " << problem.message;
    }
  }
  EXPECT_GT(specs, 100);
}
