// DynamicDeclarativeStream: streams generated from an API listing (HttpComponentsResolver) or
// from config entries (ConfigComponentsResolver), checked by the streams built and the requests
// their reads send to a server on 127.0.0.1.
#include "core/engine/dynamic/dynamic_stream_resolver.h"
#include "core/engine/source_runner.h"
#include "tests/core/engine/engine_test_support.h"
#include "tests/support/local_http_server.h"
#include "tests/support/shared_corpus.h"

#include <gtest/gtest.h>

#include <sstream>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;
using manifold::testing::LocalHttpServer;

// /bases lists two bases; /bases/B/tables lists each base's tables; /tables/T/records serves two
// records of table T (echoing the `pivot` query parameter).
void serve(LocalHttpServer& server) {
  server.server().Get("/bases", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"bases":[{"id":"b1","name":"Sales Base"},{"id":"b2","name":"Ops"}]})", "application/json");
  });
  server.server().Get(R"(/bases/(\w+)/tables)", [](const httplib::Request& req, httplib::Response& res) {
    const std::string base = req.matches[1];
    nlohmann::json tables = nlohmann::json::array();
    tables.push_back({{"id", base + "t1"}, {"name", "Leads"}});
    if (base == "b1") tables.push_back({{"id", base + "t2"}, {"name", "Deals"}});
    res.set_content(nlohmann::json{{"tables", tables}}.dump(), "application/json");
  });
  server.server().Get(R"(/tables/(\w+)/records)", [](const httplib::Request& req, httplib::Response& res) {
    const std::string table = req.matches[1];
    nlohmann::json data = nlohmann::json::array();
    for (int i = 0; i < 2; ++i) data.push_back({{"id", table + "-" + std::to_string(i)}, {"pivot", req.get_param_value("pivot")}});
    res.set_content(nlohmann::json{{"data", data}}.dump(), "application/json");
  });
}

const char* kTemplate = R"(    stream_template:
      type: DeclarativeStream
      name: placeholder
      primary_key: [id]
      schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
      retriever:
        type: SimpleRetriever
        requester:
          type: HttpRequester
          url_base: BASE
          path: "/tables/{{ parameters.table }}/records"
          $parameters: {table: none}
          request_parameters: {pivot: none}
        record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
)";

std::string httpManifest(const std::string& base) {
  return withBase(std::string(R"(version: 6.4.0
type: DeclarativeSource
check: {type: CheckStream, stream_names: []}
definitions:
  bases:
    type: DeclarativeStream
    name: bases
    primary_key: [id]
    schema_loader: {type: InlineSchemaLoader, schema: {}}
    retriever:
      type: SimpleRetriever
      requester: {type: HttpRequester, url_base: BASE, path: /bases}
      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [bases]}}
dynamic_streams:
  - type: DynamicDeclarativeStream
    name: tables
)") + kTemplate + R"(    components_resolver:
      type: HttpComponentsResolver
      retriever:
        type: SimpleRetriever
        requester: {type: HttpRequester, url_base: BASE, path: "/bases/{{ stream_partition.base_id }}/tables"}
        record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [tables]}}
        partition_router:
          type: SubstreamPartitionRouter
          parent_stream_configs:
            - type: ParentStreamConfig
              parent_key: id
              partition_field: base_id
              extra_fields: [[name]]
              stream: {$ref: "#/definitions/bases"}
      components_mapping:
        - type: ComponentMappingDefinition
          field_path: [name]
          value: "{{ stream_slice.extra_fields.name.replace(' ', '_').lower() }}/{{ components_values.name.lower() }}"
        - type: ComponentMappingDefinition
          field_path: [retriever, requester, $parameters, table]
          value: "{{ components_values.id }}"
        - type: ComponentMappingDefinition
          field_path: [retriever, requester, request_parameters, pivot]
          value: "{{ stream_slice.base_id }}"
)",
                  base);
}

std::shared_ptr<const DeclarativeSource> buildWith(const std::string& yaml, const nlohmann::json& config, bool resolve,
                                                   std::string* error = nullptr) {
  const auto loaded = manifest::loadManifest(yaml);
  if (!loaded.resolved.is_object()) {
    ADD_FAILURE() << "manifest did not parse";
    return nullptr;
  }
  SourceBuildOptions options;
  options.resolveDynamicStreams = resolve;
  auto built = DeclarativeSource::build(loaded.resolved, config, options);
  if (!built) {
    if (error) *error = built.error().describe();
    else ADD_FAILURE() << built.error().describe();
    return nullptr;
  }
  return built.value();
}

std::vector<std::string> streamNames(const DeclarativeSource& source) {
  std::vector<std::string> names;
  for (const auto& entry : source.streams()) {
    EXPECT_FALSE(entry.error) << entry.name << ": " << entry.error->describe();
    names.push_back(entry.name);
  }
  return names;
}

TEST(HttpComponentsResolver, GeneratesOneStreamPerListedComponentWithItsSlice) {
  LocalHttpServer server;
  serve(server);
  server.start();
  auto source = buildWith(httpManifest(server.baseUrl()), nlohmann::json::object(), true);
  ASSERT_TRUE(source);
  EXPECT_EQ(streamNames(*source), (std::vector<std::string>{"sales_base/leads", "sales_base/deals", "ops/leads"}));
  EXPECT_EQ(source->unresolvedDynamicDefinitions(), 0u);
  // The parent once, then each base's tables.
  std::vector<std::string> listing;
  for (const auto& r : server.requests()) listing.push_back(r.target);
  EXPECT_EQ(listing, (std::vector<std::string>{"/bases", "/bases/b1/tables", "/bases/b2/tables"}));

  server.clearRequests();
  auto read = collect(*source, "ops/leads");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  ASSERT_EQ(server.requestCount(), 1u);
  EXPECT_EQ(server.requests()[0].path, "/tables/b2t1/records");  // the mapped $parameters
  EXPECT_EQ(server.requests()[0].param("pivot"), "b2");            // the mapped request parameter
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(read.records[0]["id"], "b2t1-0");
}

TEST(HttpComponentsResolver, IsNotListedWhenTheBuildMayNotContactHosts) {
  LocalHttpServer server;
  serve(server);
  server.start();
  auto source = buildWith(httpManifest(server.baseUrl()), nlohmann::json::object(), false);
  ASSERT_TRUE(source);
  EXPECT_TRUE(source->streams().empty());
  EXPECT_EQ(source->unresolvedDynamicDefinitions(), 1u);
  EXPECT_EQ(server.requestCount(), 0u);
}

TEST(HttpComponentsResolver, AFailedListingFailsTheBuildNamingTheResolver) {
  LocalHttpServer server;
  server.server().Get("/bases", [](const httplib::Request&, httplib::Response& res) {
    res.status = 401;
    res.set_content(R"({"error":"bad key"})", "application/json");
  });
  server.start();
  std::string error;
  auto source = buildWith(httpManifest(server.baseUrl()), nlohmann::json::object(), true, &error);
  EXPECT_FALSE(source);
  EXPECT_NE(error.find("could not list the dynamic streams"), std::string::npos) << error;
  EXPECT_NE(error.find("/dynamic_streams/0/components_resolver"), std::string::npos) << error;
}

TEST(HttpComponentsResolver, SourceRunnerDiscoversAndReadsGeneratedStreamsButSpecContactsNoHost) {
  LocalHttpServer server;
  serve(server);
  server.start();
  const auto run = [&](const std::string& command) {
    std::ostringstream text;
    {
      protocol::JsonLinesWriter writer(text);
      SourceRunner runner(writer);
      SourceInput input;
      input.manifestText = httpManifest(server.baseUrl()) +
                           "spec: {type: Spec, connection_specification: {type: object, properties: {}}}\n";
      if (command == "spec") runner.spec(input);
      if (command == "discover") runner.discover(input);
      if (command == "read") {
        input.catalog = nlohmann::json{{"streams",
                                        {{{"stream", {{"name", "sales_base/deals"}, {"json_schema", nlohmann::json::object()},
                                                      {"supported_sync_modes", {"full_refresh"}}}},
                                          {"sync_mode", "full_refresh"},
                                          {"destination_sync_mode", "overwrite"}}}}};
        EXPECT_EQ(runner.read(input), RunStatus::Ok);
      }
    }
    std::vector<nlohmann::json> messages;
    std::istringstream lines(text.str());
    for (std::string line; std::getline(lines, line);) messages.push_back(nlohmann::json::parse(line));
    return messages;
  };
  run("spec");
  EXPECT_EQ(server.requestCount(), 0u);
  const auto catalog = run("discover");
  ASSERT_FALSE(catalog.empty());
  ASSERT_EQ(catalog.back()["type"], "CATALOG");
  std::vector<std::string> names;
  for (const auto& stream : catalog.back()["catalog"]["streams"]) names.push_back(stream["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"sales_base/leads", "sales_base/deals", "ops/leads"}));
  server.clearRequests();
  std::size_t records = 0;
  for (const auto& message : run("read")) {
    if (message["type"] == "RECORD") {
      ++records;
      EXPECT_EQ(message["record"]["stream"], "sales_base/deals");
    }
  }
  EXPECT_EQ(records, 2u);
  EXPECT_EQ(server.requests().back().path, "/tables/b1t2/records");
}

std::string configManifest(const std::string& base, const std::string& mappingsExtra = "") {
  return withBase(std::string(R"(version: 6.4.0
type: DeclarativeSource
check: {type: CheckStream, stream_names: []}
dynamic_streams:
  - type: DynamicDeclarativeStream
    name: reports
)") + kTemplate + R"Y(    components_resolver:
      type: ConfigComponentsResolver
      stream_config:
        type: StreamConfig
        configs_pointer: [custom_reports]
      components_mapping:
        - type: ComponentMappingDefinition
          field_path: ["**", "name"]
          value: "custom_{{ components_values['name'] }}"
        - type: ComponentMappingDefinition
          field_path: [retriever, requester, request_parameters, pivot]
          value: "(value:{{ components_values['pivot_by'] }})"
        - type: ComponentMappingDefinition
          field_path: [retriever, requester, $parameters, table]
          value: "{{ components_values['table'] }}"
)Y" + mappingsExtra,
                  base);
}

TEST(ConfigComponentsResolver, GeneratesOneStreamPerConfigEntry) {
  LocalHttpServer server;
  serve(server);
  server.start();
  const nlohmann::json config{{"custom_reports",
                               {{{"name", "weekly"}, {"pivot_by", "CAMPAIGN"}, {"table", "w1"}},
                                {{"name", "daily"}, {"pivot_by", "CREATIVE"}, {"table", "d1"}}}}};
  auto source = buildWith(configManifest(server.baseUrl()), config, false);
  ASSERT_TRUE(source);
  EXPECT_EQ(streamNames(*source), (std::vector<std::string>{"custom_weekly", "custom_daily"}));
  EXPECT_EQ(server.requestCount(), 0u);  // config entries need no request
  auto read = collect(*source, "custom_daily");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  ASSERT_EQ(server.requestCount(), 1u);
  EXPECT_EQ(server.requests()[0].path, "/tables/d1/records");
  EXPECT_EQ(server.requests()[0].param("pivot"), "(value:CREATIVE)");
}

TEST(ConfigComponentsResolver, YamlValuesCreateOrUpdateAndConditions) {
  LocalHttpServer server;
  serve(server);
  server.start();
  const std::string extra = R"(        - type: ComponentMappingDefinition
          field_path: [retriever, requester, request_parameters, limit]
          value: "{{ components_values['limit'] }}"
          create_or_update: true
        - type: ComponentMappingDefinition
          field_path: [primary_key]
          value: "[key, other]"
          condition: "{{ components_values['name'] == 'daily' }}"
)";
  const nlohmann::json config{{"custom_reports",
                               {{{"name", "weekly"}, {"pivot_by", "A"}, {"table", "w1"}, {"limit", "25"}},
                                {{"name", "daily"}, {"pivot_by", "B"}, {"table", "d1"}, {"limit", "7"}}}}};
  auto source = buildWith(configManifest(server.baseUrl(), extra), config, false);
  ASSERT_TRUE(source);
  ASSERT_EQ(source->streams().size(), 2u);
  EXPECT_EQ(source->streams()[0].primaryKey, (std::vector<std::vector<std::string>>{{"id"}}));
  EXPECT_EQ(source->streams()[1].primaryKey, (std::vector<std::vector<std::string>>{{"key"}, {"other"}}));
  auto read = collect(*source, "custom_weekly");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(server.requests()[0].param("limit"), "25");  // created, as it was not in the template
}

TEST(ConfigComponentsResolver, DuplicateNamesAndMissingEntriesAreReported) {
  std::string error;
  const nlohmann::json twice{{"custom_reports", {{{"name", "x"}, {"pivot_by", "A"}, {"table", "t"}},
                                                 {{"name", "x"}, {"pivot_by", "B"}, {"table", "t"}}}}};
  EXPECT_FALSE(buildWith(configManifest("http://127.0.0.1:1"), twice, false, &error));
  EXPECT_NE(error.find("duplicate name: custom_x"), std::string::npos) << error;
  auto none = buildWith(configManifest("http://127.0.0.1:1"), nlohmann::json::object(), false);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->streams().empty());  // no entries in the config: no streams, as dpath's default []
}

// CONNECTION_STATUS of `check` on `manifest`, with the records it read.
nlohmann::json runCheck(const std::string& manifest, const nlohmann::json& config = nlohmann::json::object()) {
  std::ostringstream text;
  {
    protocol::JsonLinesWriter writer(text);
    SourceInput input;
    input.manifestText = manifest;
    input.config = config;
    SourceRunner(writer).check(input);
  }
  std::istringstream lines(text.str());
  for (std::string line; std::getline(lines, line);) {
    auto message = nlohmann::json::parse(line);
    if (message["type"] == "CONNECTION_STATUS") return message["connectionStatus"];
  }
  return nullptr;
}

std::string withCheck(std::string manifest, const std::string& check) {
  const std::string old = "check: {type: CheckStream, stream_names: []}";
  manifest.replace(manifest.find(old), old.size(), "check: " + check);
  return manifest;
}

TEST(CheckDynamicStream, ReadsTheFirstStreamCountGeneratedStreams) {
  LocalHttpServer server;
  serve(server);
  server.start();
  auto status = runCheck(withCheck(httpManifest(server.baseUrl()), "{type: CheckDynamicStream, stream_count: 2}"));
  EXPECT_EQ(status["status"], "SUCCEEDED") << status.dump();
  std::vector<std::string> reads;
  for (const auto& r : server.requests()) {
    if (r.path.rfind("/tables/", 0) == 0) reads.push_back(r.path);
  }
  EXPECT_EQ(reads, (std::vector<std::string>{"/tables/b1t1/records", "/tables/b1t2/records"}));
}

TEST(CheckDynamicStream, NamesTheUnavailableStreamOrSkipsReadsWhenAsked) {
  LocalHttpServer server;
  server.server().Get("/bases", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"bases":[{"id":"b1","name":"Main"}]})", "application/json");
  });
  server.server().Get("/bases/b1/tables", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"tables":[{"id":"t9","name":"Locked"}]})", "application/json");
  });
  server.server().Get("/tables/t9/records", [](const httplib::Request&, httplib::Response& res) {
    res.status = 403;
    res.set_content(R"({"error":"no access"})", "application/json");
  });
  server.start();
  auto status = runCheck(withCheck(httpManifest(server.baseUrl()), "{type: CheckDynamicStream, stream_count: 1}"));
  EXPECT_EQ(status["status"], "FAILED");
  EXPECT_NE(status["message"].get<std::string>().find("Stream main/locked is not available: "), std::string::npos)
      << status.dump();
  server.clearRequests();
  status = runCheck(withCheck(httpManifest(server.baseUrl()),
                              "{type: CheckDynamicStream, stream_count: 1, use_check_availability: false}"));
  EXPECT_EQ(status["status"], "SUCCEEDED") << status.dump();
  for (const auto& r : server.requests()) EXPECT_NE(r.path, "/tables/t9/records");
}

TEST(CheckDynamicStream, FailsWithoutAnyStream) {
  auto status = runCheck(withCheck(configManifest("http://127.0.0.1:1"), "{type: CheckDynamicStream, stream_count: 1}"));
  EXPECT_EQ(status["status"], "FAILED");
  EXPECT_NE(status["message"].get<std::string>().find("No streams to connect to"), std::string::npos) << status.dump();
}

TEST(DynamicStreamMapping, SetsEveryExistingMatchOfAGlobPath) {
  auto doc = ManifestJson::parse(R"({"name":"a","x":{"name":"b","list":[{"name":"c"},{"other":1}]},"y":{"z":1}})");
  EXPECT_EQ(setAtPath(doc, {"**", "name"}, "N"), 3u);
  EXPECT_EQ(doc["x"]["list"][0]["name"], "N");
  EXPECT_FALSE(doc["x"]["list"][1].contains("name"));  // only existing paths are set
  EXPECT_EQ(setAtPath(doc, {"x", "list", "1", "other"}, 2), 1u);
  EXPECT_EQ(doc["x"]["list"][1]["other"], 2);
  EXPECT_EQ(setAtPath(doc, {"y", "missing"}, 1), 0u);
  createAtPath(doc, {"y", "new", "deep"}, true);
  EXPECT_EQ(doc["y"]["new"]["deep"], true);
}

TEST(DynamicStreams, CorpusManifestsBuildWithoutContactingHosts) {
  const auto manifests = manifold::testing::corpusManifests();
  if (manifests.empty()) GTEST_SKIP() << manifold::testing::corpusMissingReason();
  std::size_t seen = 0;
  for (const auto& path : manifests) {
    const std::string text = manifold::testing::readFile(path);
    if (text.find("\ndynamic_streams:") == std::string::npos) continue;
    ++seen;
    const auto loaded = manifest::loadManifest(text);
    // Some use custom components too (errors of the validator, streams the engine cannot build).
    ASSERT_TRUE(loaded.resolved.is_object()) << path.filename();
    nlohmann::json config = nlohmann::json::object();
    if (path.filename() == "source-linkedin-ads.yaml") {
      config = {{"start_date", "2024-01-01"},
                {"ad_analytics_reports", {{{"name", "by_campaign"}, {"pivot_by", "CAMPAIGN"}, {"time_granularity", "DAILY"}}}}};
    }
    auto built = DeclarativeSource::build(loaded.resolved, config);
    ASSERT_TRUE(built) << path.filename() << ": " << built.error().describe();
    if (path.filename() == "source-linkedin-ads.yaml") {
      const auto* stream = built.value()->findStream("custom_by_campaign");
      ASSERT_NE(stream, nullptr);
      // Its cursor is custom Python code: that, and nothing in the generated stream, stops it.
      if (stream->error) {
        EXPECT_NE(stream->error->message.find("custom component"), std::string::npos) << stream->error->describe();
      }
    } else {
      EXPECT_GE(built.value()->unresolvedDynamicDefinitions(), 1u) << path.filename();
    }
  }
  EXPECT_EQ(seen, 3u);
}

}  // namespace
}  // namespace manifold::engine
