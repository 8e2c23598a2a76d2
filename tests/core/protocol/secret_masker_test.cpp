// Masking secrets in text and JSON, and finding them from a spec's airbyte_secret fields.
#include "core/protocol/secret_masker.h"

#include <gtest/gtest.h>

#include "core/protocol/spec_secrets.h"

using nlohmann::json;
using namespace manifold::protocol;

TEST(SecretMasker, MasksEveryOccurrenceAndEncodedForms) {
  SecretMasker masker({"p@ss word"});
  EXPECT_EQ(masker.mask("a p@ss word b p@ss word"), "a **** b ****");
  EXPECT_EQ(masker.mask("https://x/?k=p%40ss+word&j=p%40ss%20word"), "https://x/?k=****&j=****");
  // base64 of "p@ss word" is "cEBzcyB3b3Jk"
  EXPECT_EQ(masker.mask("X-Token: cEBzcyB3b3Jk"), "X-Token: ****");
  EXPECT_EQ(masker.mask("nothing here"), "nothing here");
}

TEST(SecretMasker, LongerSecretWinsOverItsPrefix) {
  SecretMasker masker({"abcd", "abcdef"});
  EXPECT_EQ(masker.mask("xabcdefx"), "x****x");
}

TEST(SecretMasker, JsonEscapedFormInsideSerializedText) {
  SecretMasker masker({"a\"b\\c"});
  std::string serialized = json{{"k", "a\"b\\c"}}.dump();
  EXPECT_EQ(masker.mask(serialized), R"({"k":"****"})");
}

TEST(SecretMasker, MaskJsonWalksValuesAndKeys) {
  SecretMasker masker({"tok123"});
  json j = {{"auth", "Bearer tok123"}, {"list", {"tok123", 5}}, {"tok123", 1}};
  masker.maskJson(j);
  EXPECT_EQ(j, json({{"auth", "Bearer ****"}, {"list", {"****", 5}}, {"****", 1}}));
}

TEST(SecretMasker, ShortSecretsAreMaskedOnlyAsWritten) {
  SecretMasker masker({"ab"});
  EXPECT_EQ(masker.forms(), std::vector<std::string>{"ab"});
  EXPECT_EQ(masker.mask("cab"), "c****");
  EXPECT_TRUE(SecretMasker({""}).empty());
}

TEST(SpecSecrets, FindsSecretFieldsThroughPropertiesAndOneOf) {
  json spec = json::parse(R"({"type":"object","properties":{
      "api_key":{"type":"string","airbyte_secret":true},
      "user":{"type":"string"},
      "pin":{"type":"integer","airbyte_secret":true},
      "credentials":{"type":"object","oneOf":[
        {"properties":{"auth_type":{"const":"oauth"},"client_secret":{"type":"string","airbyte_secret":true},
                       "refresh_token":{"type":"string","airbyte_secret":true}}},
        {"properties":{"auth_type":{"const":"token"},"access_token":{"type":"string","airbyte_secret":true}}}]},
      "keys":{"type":"array","items":{"type":"string"},"airbyte_secret":true},
      "not_secret":{"type":"string","airbyte_secret":false}}})");
  auto paths = secretPaths(spec);
  EXPECT_NE(std::find(paths.begin(), paths.end(), std::vector<std::string>{"credentials", "client_secret"}), paths.end());
  EXPECT_NE(std::find(paths.begin(), paths.end(), std::vector<std::string>{"api_key"}), paths.end());

  json config = json::parse(R"({"api_key":"KEY-1","user":"bob","pin":4321,
      "credentials":{"auth_type":"oauth","client_secret":"CS-2","refresh_token":"RT-3"},
      "keys":["K-4","K-5"],"not_secret":"visible"})");
  auto secrets = secretsFromConfig(spec, config);
  std::sort(secrets.begin(), secrets.end());
  EXPECT_EQ(secrets, (std::vector<std::string>{"4321", "CS-2", "K-4", "K-5", "KEY-1", "RT-3"}));
}

TEST(SpecSecrets, MissingValuesAndOddSpecsAreSkipped) {
  json spec = json::parse(R"({"properties":{"token":{"airbyte_secret":true}}})");
  EXPECT_TRUE(secretsFromConfig(spec, json::object()).empty());
  EXPECT_TRUE(secretsFromConfig(json("x"), json{{"token", "t"}}).empty());
  EXPECT_EQ(secretsFromConfig(spec, json{{"token", "t0k"}}), std::vector<std::string>{"t0k"});
}

TEST(SpecSecrets, FindsSecretsInsideListsOfObjects) {
  json spec = json::parse(R"({"type":"object","properties":{
      "accounts":{"type":"array","items":{"type":"object","properties":{
          "name":{"type":"string"},"password":{"type":"string","airbyte_secret":true},
          "keys":{"type":"array","items":{"type":"object","properties":{
              "value":{"type":"string","airbyte_secret":true}}}}}}},
      "items":{"type":"string","airbyte_secret":true},
      "properties":{"type":"object","properties":{"token":{"type":"string","airbyte_secret":true}}}}})");
  auto paths = secretPaths(spec);
  std::sort(paths.begin(), paths.end());
  EXPECT_EQ(paths, (std::vector<std::vector<std::string>>{
                       {"accounts", "keys", "value"}, {"accounts", "password"}, {"items"}, {"properties", "token"}}));

  json config = json::parse(R"({"accounts":[
      {"name":"a","password":"PW-1","keys":[{"value":"KV-1"},{"value":"KV-2"}]},
      {"name":"b","password":"PW-2"}],
    "items":"IT-3","properties":{"token":"TK-4"}})");
  auto secrets = secretsFromConfig(spec, config);
  std::sort(secrets.begin(), secrets.end());
  EXPECT_EQ(secrets, (std::vector<std::string>{"IT-3", "KV-1", "KV-2", "PW-1", "PW-2", "TK-4"}));

  // And so they are masked, also URL-encoded or base64-encoded.
  SecretMasker masker(secretsFromConfig(spec, json::parse(R"({"accounts":[{"password":"p@ss word/2"}]})")));
  const std::string text = "sent p@ss word/2, p%40ss%20word%2F2 and cEBzcyB3b3JkLzI=";
  const std::string masked = masker.mask(text);
  EXPECT_EQ(masked.find("p@ss"), std::string::npos) << masked;
  EXPECT_EQ(masked.find("p%40ss"), std::string::npos) << masked;
  EXPECT_EQ(masked.find("cEBzcyB3b3JkLzI="), std::string::npos) << masked;
}
