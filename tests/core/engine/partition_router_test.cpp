// Partition routers, each checked by the requests the server received: list values, parent and
// child request sequences, the product of several routers and grouped partitions.
#include "core/engine/partition/list_partition_router.h"
#include "tests/core/engine/engine_test_support.h"
#include "tests/support/local_http_server.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;
using manifold::testing::LocalHttpServer;

std::vector<std::string> targets(const LocalHttpServer& server) {
  std::vector<std::string> out;
  for (const auto& r : server.requests()) out.push_back(r.target);
  return out;
}

// /items echoes its query as one record; /customers serves 5 customers 2 per page; /customers/N/orders
// serves two orders of customer N; /customers/4/orders answers nothing.
void serve(LocalHttpServer& server) {
  server.server().Get("/items", [](const httplib::Request& req, httplib::Response& res) {
    nlohmann::json record = nlohmann::json::object();
    for (const auto& [key, value] : req.params) record[key] = value;
    if (req.has_header("X-Tag")) record["tag"] = req.get_header_value("X-Tag");
    res.set_content(nlohmann::json{{"data", {record}}}.dump(), "application/json");
  });
  server.server().Get("/customers", [](const httplib::Request& req, httplib::Response& res) {
    const int page = req.has_param("page") ? std::stoi(req.get_param_value("page")) : 1;
    nlohmann::json data = nlohmann::json::array();
    for (int id = (page - 1) * 2 + 1; id <= std::min(5, page * 2); ++id) {
      nlohmann::json customer{{"id", id}, {"name", "c" + std::to_string(id)}, {"meta", {{"region", id % 2 ? "eu" : "us"}}}};
      if (id == 3) customer.erase("id");  // no parent_key: no partition
      data.push_back(customer);
    }
    res.set_content(nlohmann::json{{"data", data}}.dump(), "application/json");
  });
  server.server().Get(R"(/customers/(\d+)/orders)", [](const httplib::Request& req, httplib::Response& res) {
    const int id = std::stoi(req.matches[1]);
    nlohmann::json data = nlohmann::json::array();
    for (int i = 0; i < 2; ++i) data.push_back({{"id", id * 10 + i}, {"customer", id}, {"tag", req.get_header_value("X-Tag")}});
    res.set_content(nlohmann::json{{"data", data}}.dump(), "application/json");
  });
}

std::string itemsManifest(const std::string& router, const std::string& requesterExtra = "") {
  return oneStreamManifest("        type: HttpRequester\n        url_base: BASE\n        path: /items\n" + requesterExtra,
                           "      partition_router:\n" + router);
}

const char* kCustomersStream =
    "          stream:\n"
    "            type: DeclarativeStream\n"
    "            name: customers\n"
    "            primary_key: [id]\n"
    "            schema_loader: {type: InlineSchemaLoader, schema: {}}\n"
    "            retriever:\n"
    "              type: SimpleRetriever\n"
    "              requester: {type: HttpRequester, url_base: BASE, path: /customers}\n"
    "              record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}\n"
    "              paginator:\n"
    "                type: DefaultPaginator\n"
    "                pagination_strategy: {type: PageIncrement, page_size: 2, start_from_page: 1}\n"
    "                page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}\n";

std::string ordersManifest(const std::string& parentConfigExtra, const std::string& requesterExtra = "") {
  return oneStreamManifest(
      "        type: HttpRequester\n        url_base: BASE\n"
      "        path: \"/customers/{{ stream_partition.customer_id }}/orders\"\n" + requesterExtra,
      "      partition_router:\n"
      "        type: SubstreamPartitionRouter\n"
      "        parent_stream_configs:\n"
      "        - type: ParentStreamConfig\n"
      "          parent_key: id\n"
      "          partition_field: customer_id\n" + parentConfigExtra + kCustomersStream);
}

TEST(ListPartitionRouter, ReadsOnePartitionPerValueAndInjectsIt) {
  LocalHttpServer server;
  serve(server);
  server.start();
  auto source = buildSource(withBase(itemsManifest(
      "        type: ListPartitionRouter\n"
      "        values: [eu, us]\n"
      "        cursor_field: region\n"
      "        request_option: {type: RequestOption, inject_into: request_parameter, field_name: region}\n"),
      server.baseUrl()));
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(targets(server), (std::vector<std::string>{"/items?region=eu", "/items?region=us"}));
  ASSERT_EQ(read.slices.size(), 2u);
  EXPECT_EQ(read.slices[0], (nlohmann::json{{"region", "eu"}}));
  EXPECT_EQ(read.slices[1], (nlohmann::json{{"region", "us"}}));
  // Without a cursor, one final sentinel state.
  ASSERT_EQ(read.states.size(), 1u);
  EXPECT_EQ(read.states[0], (nlohmann::json{{"__ab_no_cursor_state_message", true}}));
}

TEST(ListPartitionRouter, ValuesTemplateIsIteratedAndPartitionIsInTemplates) {
  LocalHttpServer server;
  serve(server);
  server.start();
  const nlohmann::json config{{"ids", nlohmann::json::array({7, 0, 9})}};
  auto source = buildSource(withBase(itemsManifest(
      "        type: ListPartitionRouter\n"
      "        values: \"{{ config.ids }}\"\n"
      "        cursor_field: \"{{ 'id' }}\"\n"
      "        request_option: {type: RequestOption, inject_into: request_parameter, field_name: id}\n",
      "        request_headers: {X-Tag: \"p{{ stream_partition.id }}\"}\n"),
      server.baseUrl()), config);
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  // 0 is falsy: the reference leaves it out of the request but still reads the partition.
  EXPECT_EQ(targets(server), (std::vector<std::string>{"/items?id=7", "/items", "/items?id=9"}));
  const auto requests = server.requests();
  EXPECT_EQ(requests[0].header("X-Tag"), "p7");
  EXPECT_EQ(requests[1].header("X-Tag"), "p0");
  EXPECT_EQ(read.slices[1], (nlohmann::json{{"id", 0}}));
}

TEST(ListPartitionRouter, AStringValueIsIteratedByCharacter) {
  EXPECT_EQ(*ListPartitionRouter::iterate("a,b"), (std::vector<nlohmann::json>{"a", ",", "b"}));
  EXPECT_EQ(*ListPartitionRouter::iterate(nlohmann::json::array({1, 2})), (std::vector<nlohmann::json>{1, 2}));
  EXPECT_FALSE(ListPartitionRouter::iterate(5).has_value());
}

TEST(SubstreamPartitionRouter, ReadsEachParentPageOnceAndChildrenAsParentsArrive) {
  LocalHttpServer server;
  serve(server);
  server.start();
  auto source = buildSource(withBase(ordersManifest(
      "          request_option: {type: RequestOption, inject_into: header, field_name: X-Tag}\n"
      "          extra_fields: [[name], [meta, region], [missing]]\n"),
      server.baseUrl()));
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  // Customer 3 has no id, so no orders request; the parent's pages interleave with the children.
  EXPECT_EQ(targets(server), (std::vector<std::string>{"/customers", "/customers/1/orders", "/customers/2/orders",
                                                       "/customers?page=2", "/customers/4/orders", "/customers?page=3",
                                                       "/customers/5/orders"}));
  ASSERT_EQ(read.slices.size(), 4u);
  EXPECT_EQ(read.slices[0], (nlohmann::json{{"customer_id", 1}, {"parent_slice", nlohmann::json::object()}}));
  ASSERT_EQ(read.records.size(), 8u);
  EXPECT_EQ(read.records[0]["tag"], "1");  // the partition value injected as a header
  // Parent pages are auxiliary exchanges of the parent stream.
  ASSERT_EQ(read.exchangeInfos.size(), 7u);
  EXPECT_TRUE(read.exchangeInfos[0].parentStream);
  EXPECT_TRUE(read.exchangeInfos[0].auxiliary);
  EXPECT_EQ(read.exchangeInfos[0].title, "Parent stream: Stream 'customers' request");
  EXPECT_FALSE(read.exchangeInfos[1].auxiliary);
  EXPECT_EQ(read.exchangeInfos[1].title, "Stream 'items' request");
}

TEST(SubstreamPartitionRouter, ExtraFieldsReachTemplatesButNotTheSlice) {
  LocalHttpServer server;
  serve(server);
  server.start();
  auto source = buildSource(withBase(ordersManifest(
      "          extra_fields: [[name], [meta, region], [missing]]\n",
      "        request_headers: {X-Tag: \"{{ stream_slice.extra_fields['meta.region'] }}-{{ name }}-{{ stream_slice.extra_fields.missing }}\"}\n"),
      server.baseUrl()));
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  ASSERT_EQ(read.records.size(), 8u);
  EXPECT_EQ(read.records[0]["tag"], "eu-c1-None");
  EXPECT_EQ(read.records[2]["tag"], "us-c2-None");
  EXPECT_FALSE(read.slices[0].contains("extra_fields"));
}

TEST(SubstreamPartitionRouter, NestedParentKeyAndGrandparentSlices) {
  LocalHttpServer server;
  serve(server);
  server.start();
  // items ← orders (parent_key id) ← customers (parent_key meta/region) — the child sees the
  // orders' partition as parent_slice.
  const std::string yaml = oneStreamManifest(
      "        type: HttpRequester\n        url_base: BASE\n        path: /items\n",
      "      partition_router:\n"
      "        type: SubstreamPartitionRouter\n"
      "        parent_stream_configs:\n"
      "        - type: ParentStreamConfig\n"
      "          parent_key: id\n"
      "          partition_field: order\n"
      "          request_option: {type: RequestOption, inject_into: request_parameter, field_name: order}\n"
      "          stream:\n"
      "            type: DeclarativeStream\n"
      "            name: orders\n"
      "            schema_loader: {type: InlineSchemaLoader, schema: {}}\n"
      "            retriever:\n"
      "              type: SimpleRetriever\n"
      "              requester: {type: HttpRequester, url_base: BASE, path: \"/customers/{{ stream_partition.cid }}/orders\"}\n"
      "              record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}\n"
      "              partition_router:\n"
      "                type: ListPartitionRouter\n"
      "                values: [\"2\"]\n"
      "                cursor_field: cid\n");
  auto source = buildSource(withBase(yaml, server.baseUrl()));
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(targets(server), (std::vector<std::string>{"/customers/2/orders", "/items?order=20", "/items?order=21"}));
  ASSERT_EQ(read.slices.size(), 2u);
  EXPECT_EQ(read.slices[0], (nlohmann::json{{"order", 20}, {"parent_slice", {{"cid", "2"}}}}));
}

TEST(CartesianProductStreamSlicer, CombinesRoutersFirstOutermostFirstWinning) {
  LocalHttpServer server;
  serve(server);
  server.start();
  auto source = buildSource(withBase(itemsManifest(
      "        - type: ListPartitionRouter\n"
      "          values: [a, b]\n"
      "          cursor_field: letter\n"
      "          request_option: {type: RequestOption, inject_into: request_parameter, field_name: letter}\n"
      "        - type: ListPartitionRouter\n"
      "          values: [\"1\", \"2\"]\n"
      "          cursor_field: digit\n"
      "          request_option: {type: RequestOption, inject_into: request_parameter, field_name: digit}\n"
      "        - type: ListPartitionRouter\n"
      "          values: [z]\n"
      "          cursor_field: letter\n"
      "          request_option: {type: RequestOption, inject_into: request_parameter, field_name: letter}\n"),
      server.baseUrl()));
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(targets(server), (std::vector<std::string>{"/items?digit=1&letter=a", "/items?digit=2&letter=a",
                                                       "/items?digit=1&letter=b", "/items?digit=2&letter=b"}));
  ASSERT_EQ(read.slices.size(), 4u);
  EXPECT_EQ(read.slices[2], (nlohmann::json{{"letter", "b"}, {"digit", "1"}}));
}

TEST(GroupingPartitionRouter, BatchesDeduplicatedPartitions) {
  LocalHttpServer server;
  serve(server);
  server.start();
  auto source = buildSource(withBase(itemsManifest(
      "        type: GroupingPartitionRouter\n"
      "        group_size: 2\n"
      "        underlying_partition_router:\n"
      "          type: ListPartitionRouter\n"
      "          values: [a, b, a, c, d]\n"
      "          cursor_field: id\n",
      "        request_parameters: {ids: \"{{ stream_partition.id | join(',') }}\"}\n"),
      server.baseUrl()));
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(targets(server), (std::vector<std::string>{"/items?ids=a%2Cb", "/items?ids=c%2Cd"}));
  ASSERT_EQ(read.slices.size(), 2u);
  EXPECT_EQ(read.slices[0], (nlohmann::json{{"id", {"a", "b"}}}));
}

TEST(SubstreamPartitionRouter, SliceLimitAppliesToParentSlicesAndChildSlices) {
  LocalHttpServer server;
  serve(server);
  server.start();
  auto source = buildSource(withBase(ordersManifest(""), server.baseUrl()));
  ASSERT_TRUE(source);
  ReadOptions options = fastOptions();
  options.maxSlices = 2;
  auto read = collect(*source, "items", options);
  ASSERT_FALSE(read.result.failure);
  EXPECT_TRUE(read.result.limitReached);
  EXPECT_EQ(read.slices.size(), 2u);
  EXPECT_EQ(targets(server), (std::vector<std::string>{"/customers", "/customers/1/orders", "/customers/2/orders"}));
}

}  // namespace
}  // namespace manifold::engine
