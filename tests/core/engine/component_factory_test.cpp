// The factory: unsupported and custom components are build errors naming the JSON pointer and
// stream, and they do not stop the other streams from building.
#include "tests/core/engine/engine_test_support.h"

#include <gtest/gtest.h>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;

const char* kManifest = R"(version: 6.4.0
type: DeclarativeSource
check: {type: CheckStream, stream_names: [good]}
definitions:
  requester: {type: HttpRequester, url_base: "http://127.0.0.1:1", path: /x}
  selector:
    type: RecordSelector
    extractor: {type: DpathExtractor, field_path: []}
streams:
  - type: DeclarativeStream
    name: good
    schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
    retriever:
      type: SimpleRetriever
      requester: {$ref: "#/definitions/requester"}
      record_selector: {$ref: "#/definitions/selector"}
  - type: DeclarativeStream
    name: custom
    schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
    retriever:
      type: SimpleRetriever
      requester: {$ref: "#/definitions/requester"}
      record_selector:
        type: RecordSelector
        extractor:
          type: CustomRecordExtractor
          class_name: source_x.components.MyExtractor
  - type: DeclarativeStream
    name: custom_auth
    schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
    retriever:
      type: SimpleRetriever
      requester:
        type: HttpRequester
        url_base: "http://127.0.0.1:1"
        authenticator: {type: CustomAuthenticator, class_name: source_x.auth.Auth}
      record_selector: {$ref: "#/definitions/selector"}
)";

TEST(ComponentFactory, CustomComponentsAreBuildErrorsWithPointer) {
  auto source = buildUnvalidated(kManifest);
  ASSERT_TRUE(source);
  ASSERT_EQ(source->streams().size(), 3u);

  const auto* good = source->findStream("good");
  ASSERT_TRUE(good);
  EXPECT_TRUE(good->stream);
  EXPECT_FALSE(good->error);

  const auto* custom = source->findStream("custom");
  ASSERT_TRUE(custom && custom->error);
  EXPECT_EQ(custom->error->pointer, "/streams/1/retriever/record_selector/extractor");
  EXPECT_NE(custom->error->message.find("source_x.components.MyExtractor"), std::string::npos);
  EXPECT_NE(custom->error->message.find("Python"), std::string::npos);
  EXPECT_EQ(custom->error->stream, "custom");

  const auto* auth = source->findStream("custom_auth");
  ASSERT_TRUE(auth && auth->error);
  EXPECT_EQ(auth->error->pointer, "/streams/2/retriever/requester/authenticator");
}

TEST(ComponentFactory, ReadingAStreamThatCannotBuildFailsWithTheBuildError) {
  auto source = buildUnvalidated(kManifest);
  ASSERT_TRUE(source);
  auto read = collect(*source, "custom");
  ASSERT_TRUE(read.result.failure);
  EXPECT_NE(read.result.failure->message.find("/streams/1/retriever/record_selector/extractor"), std::string::npos);
  EXPECT_EQ(read.result.failure->failureType, protocol::FailureType::ConfigError);
}

TEST(ComponentFactory, UnknownStreamIsAConfigError) {
  auto source = buildUnvalidated(kManifest);
  ASSERT_TRUE(source);
  auto read = collect(*source, "nope");
  ASSERT_TRUE(read.result.failure);
  EXPECT_NE(read.result.failure->message.find("'nope'"), std::string::npos);
}

TEST(ComponentFactory, UnsupportedIncrementalSyncIsNamed) {
  const std::string yaml = oneStreamManifest("        type: HttpRequester\n        url_base: http://127.0.0.1:1\n") +
                           "    incremental_sync:\n"
                           "      type: DatetimeBasedCursor\n"
                           "      cursor_field: updated_at\n"
                           "      datetime_format: \"%Y-%m-%d\"\n"
                           "      start_datetime: \"2024-01-01\"\n"
                           "      clamping: {target: DAY}\n";
  auto source = buildUnvalidated(yaml);
  ASSERT_TRUE(source);
  const auto* entry = source->findStream("items");
  ASSERT_TRUE(entry && entry->error);
  EXPECT_TRUE(entry->incremental);
  EXPECT_EQ(entry->error->pointer, "/streams/0/incremental_sync/clamping");
}

TEST(ComponentFactory, TemplateSyntaxErrorIsABuildError) {
  auto source = buildUnvalidated(oneStreamManifest("        type: HttpRequester\n"
                                                   "        url_base: http://127.0.0.1:1\n"
                                                   "        path: \"/x/{{ config.a \"\n"));
  ASSERT_TRUE(source);
  const auto* entry = source->findStream("items");
  ASSERT_TRUE(entry && entry->error);
  EXPECT_EQ(entry->error->pointer, "/streams/0/retriever/requester/path");
}

TEST(ComponentFactory, SpecAndSecretsComeFromTheManifest) {
  const std::string yaml = oneStreamManifest("        type: HttpRequester\n        url_base: http://127.0.0.1:1\n") +
                           "spec:\n"
                           "  type: Spec\n"
                           "  documentation_url: https://example.com/docs\n"
                           "  connection_specification:\n"
                           "    type: object\n"
                           "    properties:\n"
                           "      api_key: {type: string, airbyte_secret: true}\n"
                           "      region: {type: string}\n";
  auto source = buildSource(yaml, {{"api_key", "shh"}, {"region", "eu"}});
  ASSERT_TRUE(source);
  EXPECT_EQ(source->spec()["documentationUrl"], "https://example.com/docs");
  EXPECT_EQ(source->spec()["connectionSpecification"]["type"], "object");
  EXPECT_EQ(source->secrets(), std::vector<std::string>{"shh"});
  EXPECT_EQ(source->checkStreamNames(), std::vector<std::string>{"items"});
}

}  // namespace
}  // namespace manifold::engine
