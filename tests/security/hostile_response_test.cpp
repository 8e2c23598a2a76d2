// Rule "Resource limits": what a hostile API sends ends in a clear error with bounded memory.
#include "core/engine/decode/bounded_json.h"

#include <gtest/gtest.h>

#include "tests/core/engine/engine_test_support.h"
#include "tests/support/local_http_server.h"

namespace manifold::engine {
namespace {

std::string nested(std::size_t depth) {
  return std::string(depth, '[') + "1" + std::string(depth, ']');
}

TEST(BoundedJson, NestingUpToTheBoundParsesAndOneMoreIsTooDeep) {
  EXPECT_EQ(parseBoundedJson(nested(kMaxJsonDepth)).status, BoundedJson::Status::Ok);
  EXPECT_EQ(parseBoundedJson(nested(kMaxJsonDepth + 1)).status, BoundedJson::Status::TooDeep);
  EXPECT_EQ(parseBoundedJson(R"({"a": {"b": [1, 2, {"c": null}]}})").value["a"]["b"][2].contains("c"), true);
  EXPECT_EQ(parseBoundedJson("{\"a\": ").status, BoundedJson::Status::Invalid);
  EXPECT_EQ(parseBoundedJson("").status, BoundedJson::Status::Invalid);
}

TEST(HostileResponse, AHundredThousandDeepDocumentFailsTheStreamWithAClearError) {
  manifold::testing::LocalHttpServer server;
  const std::string body = "{\"data\": " + nested(100'000) + "}";
  server.server().Get("/deep", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(body, "application/json");
  });
  server.start();
  auto source = testing::buildSource(testing::withBase(R"(version: 6.4.0
type: DeclarativeSource
check: {type: CheckStream, stream_names: [deep]}
streams:
  - type: DeclarativeStream
    name: deep
    schema_loader: {type: InlineSchemaLoader, schema: {}}
    retriever:
      type: SimpleRetriever
      requester: {type: HttpRequester, url_base: "BASE", path: /deep}
      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
)", server.baseUrl()));
  ASSERT_TRUE(source);
  auto read = testing::collect(*source, "deep");
  ASSERT_TRUE(read.result.failure);
  EXPECT_NE(read.result.failure->message.find("deeper than 1000 levels"), std::string::npos)
      << read.result.failure->message;
  EXPECT_TRUE(read.records.empty());
}

}  // namespace
}  // namespace manifold::engine
