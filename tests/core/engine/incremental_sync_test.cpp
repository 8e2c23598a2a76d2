// Incremental cursors and state against a server that checks each requested window: slicing,
// lookback, granularity, state round trips, per-partition state, client-side filtering.
#include "tests/core/engine/engine_test_support.h"
#include "tests/support/local_http_server.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;
using manifold::testing::LocalHttpServer;

// Ten events every 6 hours from 2024-01-01T03:00:00Z; region a has the even ones, b the odd ones.
nlohmann::json events() {
  nlohmann::json all = nlohmann::json::array();
  for (int k = 0; k < 10; ++k) {
    const int hours = 3 + 6 * k;
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "2024-01-%02dT%02d:00:00Z", 1 + hours / 24, hours % 24);
    all.push_back({{"id", k}, {"region", k % 2 ? "b" : "a"}, {"updated_at", stamp}});
  }
  return all;
}

// /events filters by since <= updated_at <= until (and region) unless ?all is set; a request
// without both bounds is a test failure, recorded as a 400.
void serveEvents(LocalHttpServer& server, bool filter = true) {
  server.server().Get("/events", [filter](const httplib::Request& req, httplib::Response& res) {
    if (filter && (!req.has_param("since") || !req.has_param("until"))) {
      res.status = 400;
      return;
    }
    nlohmann::json data = nlohmann::json::array();
    for (const auto& e : events()) {
      const std::string at = e["updated_at"];
      if (filter && (at < req.get_param_value("since") || at > req.get_param_value("until"))) continue;
      if (req.has_param("region") && e["region"] != req.get_param_value("region")) continue;
      data.push_back(e);
    }
    res.set_content(nlohmann::json{{"data", data}}.dump(), "application/json");
  });
}

std::vector<std::pair<std::string, std::string>> windows(const LocalHttpServer& server) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : server.requests()) out.emplace_back(r.param("since"), r.param("until"));
  return out;
}

std::string cursorYaml(const std::string& extra) {
  return "    incremental_sync:\n"
         "      type: DatetimeBasedCursor\n"
         "      cursor_field: updated_at\n"
         "      datetime_format: \"%Y-%m-%dT%H:%M:%SZ\"\n"
         "      start_datetime: \"{{ config.start }}\"\n"
         "      end_datetime: \"2024-01-03T12:00:00Z\"\n"
         "      start_time_option: {type: RequestOption, inject_into: request_parameter, field_name: since}\n"
         "      end_time_option: {type: RequestOption, inject_into: request_parameter, field_name: until}\n" + extra;
}

std::string eventsManifest(const std::string& cursorExtra, const std::string& retrieverExtra = "") {
  return oneStreamManifest("        type: HttpRequester\n        url_base: BASE\n        path: /events\n", retrieverExtra) +
         cursorYaml(cursorExtra);
}

const nlohmann::json kConfig{{"start", "2024-01-01T00:00:00Z"}};
const char* kDaily = "      step: P1D\n      cursor_granularity: PT1S\n";

TEST(DatetimeBasedCursor, SlicesByStepEndingOneGranularityBeforeTheNext) {
  LocalHttpServer server;
  serveEvents(server);
  server.start();
  auto source = buildSource(withBase(eventsManifest(kDaily), server.baseUrl()), kConfig);
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  using W = std::pair<std::string, std::string>;
  EXPECT_EQ(windows(server), (std::vector<W>{{"2024-01-01T00:00:00Z", "2024-01-01T23:59:59Z"},
                                             {"2024-01-02T00:00:00Z", "2024-01-02T23:59:59Z"},
                                             {"2024-01-03T00:00:00Z", "2024-01-03T12:00:00Z"}}));
  EXPECT_EQ(read.records.size(), 10u);
  ASSERT_EQ(read.slices.size(), 3u);
  EXPECT_EQ(read.slices[0], (nlohmann::json{{"start_time", "2024-01-01T00:00:00Z"}, {"end_time", "2024-01-01T23:59:59Z"}}));
  // A state after each slice, then the final one: the greatest record value, not the slice end.
  ASSERT_EQ(read.states.size(), 4u);
  EXPECT_EQ(read.states[0], (nlohmann::json{{"updated_at", "2024-01-01T21:00:00Z"}}));
  EXPECT_EQ(read.states[3], (nlohmann::json{{"updated_at", "2024-01-03T09:00:00Z"}}));
}

TEST(DatetimeBasedCursor, WithoutStepReadsOneWindowAndRenamedFields) {
  LocalHttpServer server;
  serveEvents(server);
  server.start();
  auto source = buildSource(withBase(oneStreamManifest("        type: HttpRequester\n        url_base: BASE\n        path: /events\n"
                                                  "        request_parameters: {window: \"{{ stream_interval.from }}/{{ stream_slice.to }}\"}\n") +
                                    cursorYaml("      partition_field_start: from\n      partition_field_end: to\n"),
                                server.baseUrl()),
                       kConfig);
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  ASSERT_EQ(server.requestCount(), 1u);
  const auto request = server.requests()[0];
  EXPECT_EQ(request.param("since"), "2024-01-01T00:00:00Z");
  EXPECT_EQ(request.param("until"), "2024-01-03T12:00:00Z");
  EXPECT_EQ(request.param("window"), "2024-01-01T00:00:00Z/2024-01-03T12:00:00Z");
  EXPECT_EQ(read.slices[0], (nlohmann::json{{"from", "2024-01-01T00:00:00Z"}, {"to", "2024-01-03T12:00:00Z"}}));
}

TEST(DatetimeBasedCursor, StateRoundTripFetchesOnlyNewRecords) {
  LocalHttpServer server;
  serveEvents(server);
  server.start();
  auto source = buildSource(withBase(eventsManifest(kDaily), server.baseUrl()), kConfig);
  ASSERT_TRUE(source);
  // A first sync that stopped after its first slice left this state.
  ReadOptions first = fastOptions();
  first.maxSlices = 1;
  auto partial = collect(*source, "items", first);
  ASSERT_FALSE(partial.result.failure);
  ASSERT_FALSE(partial.states.empty());
  const nlohmann::json state = partial.states.back();
  EXPECT_EQ(state, (nlohmann::json{{"updated_at", "2024-01-01T21:00:00Z"}}));
  server.clearRequests();

  auto next = collect(*source, "items", fastOptions(), {}, state);
  ASSERT_TRUE(next.result.succeeded()) << next.result.failure->message;
  using W = std::pair<std::string, std::string>;
  EXPECT_EQ(windows(server), (std::vector<W>{{"2024-01-01T21:00:00Z", "2024-01-02T20:59:59Z"},
                                             {"2024-01-02T21:00:00Z", "2024-01-03T12:00:00Z"}}));
  // The state's own record comes back (bounds are inclusive), nothing older.
  ASSERT_EQ(next.records.size(), 7u);
  EXPECT_EQ(next.records.front()["updated_at"], "2024-01-01T21:00:00Z");
  EXPECT_EQ(next.states.back(), (nlohmann::json{{"updated_at", "2024-01-03T09:00:00Z"}}));

  // A third sync with the final state reads one window from the state and keeps it.
  server.clearRequests();
  auto again = collect(*source, "items", fastOptions(), {}, next.states.back());
  ASSERT_TRUE(again.result.succeeded());
  EXPECT_EQ(windows(server), (std::vector<W>{{"2024-01-03T09:00:00Z", "2024-01-03T12:00:00Z"}}));
  EXPECT_EQ(again.states.back(), (nlohmann::json{{"updated_at", "2024-01-03T09:00:00Z"}}));
}

TEST(DatetimeBasedCursor, LookbackMovesTheFirstWindowBackAndOtherStateKeysStay) {
  LocalHttpServer server;
  serveEvents(server);
  server.start();
  auto source = buildSource(withBase(eventsManifest(std::string(kDaily) + "      lookback_window: PT12H\n"), server.baseUrl()),
                            kConfig);
  ASSERT_TRUE(source);
  const nlohmann::json state{{"updated_at", "2024-01-02T21:00:00Z"}, {"kept", 1}};
  auto read = collect(*source, "items", fastOptions(), {}, state);
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  using W = std::pair<std::string, std::string>;
  EXPECT_EQ(windows(server), (std::vector<W>{{"2024-01-02T09:00:00Z", "2024-01-03T08:59:59Z"},
                                             {"2024-01-03T09:00:00Z", "2024-01-03T12:00:00Z"}}));
  EXPECT_EQ(read.states.back(), (nlohmann::json{{"updated_at", "2024-01-03T09:00:00Z"}, {"kept", 1}}));
}

TEST(DatetimeBasedCursor, StateOlderThanStartAndUnparseableState) {
  LocalHttpServer server;
  serveEvents(server);
  server.start();
  auto source = buildSource(withBase(eventsManifest(""), server.baseUrl()), nlohmann::json{{"start", "2024-01-03T00:00:00Z"}});
  ASSERT_TRUE(source);
  auto read = collect(*source, "items", fastOptions(), {}, nlohmann::json{{"updated_at", "2023-06-01T00:00:00Z"}});
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(windows(server)[0].first, "2024-01-03T00:00:00Z");

  auto bad = collect(*source, "items", fastOptions(), {}, nlohmann::json{{"updated_at", "yesterday"}});
  ASSERT_TRUE(bad.result.failure);
  EXPECT_NE(bad.result.failure->message.find("yesterday"), std::string::npos) << bad.result.failure->message;
}

TEST(DatetimeBasedCursor, CursorDatetimeFormatsParseRecordsAndTheStateIsReformatted) {
  LocalHttpServer server;
  server.server().Get("/events", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"data": [{"id": 1, "updated_at": 1704326400}, {"id": 2, "updated_at": "2024-01-02"}, {"id": 3}]})",
                    "application/json");
  });
  server.start();
  auto source = buildSource(withBase(eventsManifest("      cursor_datetime_formats: [\"%s\", \"%Y-%m-%d\"]\n"), server.baseUrl()),
                            kConfig);
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(read.records.size(), 3u);
  // 1704326400 is 2024-01-04T00:00:00Z, written in datetime_format; the record without a value
  // is read and logged once.
  EXPECT_EQ(read.states.back(), (nlohmann::json{{"updated_at", "2024-01-04T00:00:00Z"}}));
  EXPECT_EQ(std::count_if(read.logs.begin(), read.logs.end(),
                          [](const std::string& m) { return m.find("Could not find cursor field `updated_at`") != std::string::npos; }),
            1);
}

TEST(DatetimeBasedCursor, ClientSideIncrementalDropsRecordsOutsideTheWindow) {
  LocalHttpServer server;
  serveEvents(server, false);
  server.start();
  // The API ignores the window: the records before the state are dropped here.
  auto source = buildSource(withBase(oneStreamManifest("        type: HttpRequester\n        url_base: BASE\n        path: /events\n") +
                                         "    incremental_sync:\n"
                                         "      type: DatetimeBasedCursor\n"
                                         "      cursor_field: updated_at\n"
                                         "      datetime_format: \"%Y-%m-%dT%H:%M:%SZ\"\n"
                                         "      start_datetime: \"{{ config.start }}\"\n"
                                         "      end_datetime: \"2024-01-02T21:00:00Z\"\n"
                                         "      is_client_side_incremental: true\n",
                                     server.baseUrl()),
                            kConfig);
  ASSERT_TRUE(source);
  auto read = collect(*source, "items", fastOptions(), {}, nlohmann::json{{"updated_at", "2024-01-01T15:00:00Z"}});
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  // Kept: 15:00 on the 1st (inclusive) up to 21:00 on the 2nd (inclusive).
  ASSERT_EQ(read.records.size(), 6u);
  EXPECT_EQ(read.records.front()["updated_at"], "2024-01-01T15:00:00Z");
  EXPECT_EQ(read.records.back()["updated_at"], "2024-01-02T21:00:00Z");
}

TEST(DatetimeBasedCursor, DataFeedStopsPagingAtTheFirstOldPage) {
  LocalHttpServer server;
  // Newest first, 3 per page.
  server.server().Get("/events", [](const httplib::Request& req, httplib::Response& res) {
    auto all = events();
    std::reverse(all.begin(), all.end());
    const int page = req.has_param("page") ? std::stoi(req.get_param_value("page")) : 0;
    nlohmann::json data = nlohmann::json::array();
    for (int i = page * 3; i < std::min<int>(static_cast<int>(all.size()), page * 3 + 3); ++i) data.push_back(all[i]);
    res.set_content(nlohmann::json{{"data", data}}.dump(), "application/json");
  });
  server.start();
  auto source = buildSource(withBase(oneStreamManifest("        type: HttpRequester\n        url_base: BASE\n        path: /events\n",
                                                       "      paginator:\n"
                                                       "        type: DefaultPaginator\n"
                                                       "        pagination_strategy: {type: PageIncrement, page_size: 3}\n"
                                                       "        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}\n") +
                                         "    incremental_sync:\n"
                                         "      type: DatetimeBasedCursor\n"
                                         "      cursor_field: updated_at\n"
                                         "      datetime_format: \"%Y-%m-%dT%H:%M:%SZ\"\n"
                                         "      start_datetime: \"{{ config.start }}\"\n"
                                         "      end_datetime: \"2024-01-09T00:00:00Z\"\n"
                                         "      is_data_feed: true\n",
                                     server.baseUrl()),
                            kConfig);
  ASSERT_TRUE(source);
  auto read = collect(*source, "items", fastOptions(), {}, nlohmann::json{{"updated_at", "2024-01-02T15:00:00Z"}});
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  // Page 0: 09:00/03:00 on the 3rd, 21:00 on the 2nd; page 1: 15:00, 09:00, 03:00 on the 2nd —
  // its last record is older than the state, so there is no page 2; the old ones are dropped.
  EXPECT_EQ(server.requestCount(), 2u);
  ASSERT_EQ(read.records.size(), 4u);
  EXPECT_EQ(read.records.back()["updated_at"], "2024-01-02T15:00:00Z");
}

std::string regionsManifest(const std::string& cursorExtra) {
  return oneStreamManifest("        type: HttpRequester\n        url_base: BASE\n        path: /events\n",
                           "      partition_router:\n"
                           "        type: ListPartitionRouter\n"
                           "        values: [a, b]\n"
                           "        cursor_field: region\n"
                           "        request_option: {type: RequestOption, inject_into: request_parameter, field_name: region}\n") +
         cursorYaml(cursorExtra);
}

TEST(PerPartitionCursor, KeepsAStatePerPartitionAndResumesEachFromItsOwn) {
  LocalHttpServer server;
  serveEvents(server);
  server.start();
  auto source = buildSource(withBase(regionsManifest(""), server.baseUrl()), kConfig);
  ASSERT_TRUE(source);
  ReadOptions options = fastOptions();
  options.perPartitionStateInterval = std::chrono::seconds(0);
  auto read = collect(*source, "items", options);
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  ASSERT_EQ(read.slices.size(), 2u);
  EXPECT_EQ(read.slices[0], (nlohmann::json{{"region", "a"}, {"start_time", "2024-01-01T00:00:00Z"}, {"end_time", "2024-01-03T12:00:00Z"}}));
  ASSERT_EQ(read.states.size(), 3u);  // one per slice (interval 0), then the final one
  nlohmann::json state = read.states.back();
  EXPECT_EQ(state["use_global_cursor"], false);
  EXPECT_EQ(state["states"], (nlohmann::json::parse(R"([
      {"partition": {"region": "a"}, "cursor": {"updated_at": "2024-01-03T03:00:00Z"}},
      {"partition": {"region": "b"}, "cursor": {"updated_at": "2024-01-03T09:00:00Z"}}])")));
  EXPECT_EQ(state["state"], (nlohmann::json{{"updated_at", "2024-01-03T09:00:00Z"}}));
  EXPECT_TRUE(state["lookback_window"].is_number_integer());
  EXPECT_FALSE(state.contains("parent_state"));  // a list router has no parents

  // Resume: each partition from its own cursor; an older cursor for a.
  state["states"][0]["cursor"]["updated_at"] = "2024-01-02T15:00:00Z";
  server.clearRequests();
  auto next = collect(*source, "items", fastOptions(), {}, state);
  ASSERT_TRUE(next.result.succeeded()) << next.result.failure->message;
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].param("since"), "2024-01-02T15:00:00Z");
  EXPECT_EQ(requests[1].param("since"), "2024-01-03T09:00:00Z");
  EXPECT_EQ(next.records.size(), 3u);  // a: 15:00 on the 2nd, 03:00 on the 3rd; b: 09:00 on the 3rd
}

TEST(PerPartitionCursor, AGlobalStateAppliesToEveryPartitionAndIntermediateStatesAreThrottled) {
  LocalHttpServer server;
  serveEvents(server);
  server.start();
  auto source = buildSource(withBase(regionsManifest(""), server.baseUrl()), kConfig);
  ASSERT_TRUE(source);
  auto read = collect(*source, "items", fastOptions(), {}, nlohmann::json{{"updated_at", "2024-01-03T00:00:00Z"}});
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  for (const auto& r : server.requests()) EXPECT_EQ(r.param("since"), "2024-01-03T00:00:00Z");
  // The default interval lets the first intermediate state out, then only the final one.
  EXPECT_EQ(read.states.size(), 2u);
  EXPECT_EQ(read.states.back()["state"], (nlohmann::json{{"updated_at", "2024-01-03T09:00:00Z"}}));
}

TEST(PerPartitionCursor, SubstreamWithIncrementalDependencyStoresTheParentState) {
  LocalHttpServer server;
  serveEvents(server);
  server.server().Get("/regions", [](const httplib::Request& req, httplib::Response& res) {
    nlohmann::json data = nlohmann::json::array();
    if (req.get_param_value("since") <= "2024-01-01T10:00:00Z") data.push_back({{"code", "a"}, {"updated_at", "2024-01-01T10:00:00Z"}});
    data.push_back({{"code", "b"}, {"updated_at", "2024-01-02T10:00:00Z"}});
    res.set_content(nlohmann::json{{"data", data}}.dump(), "application/json");
  });
  server.start();
  const std::string yaml =
      oneStreamManifest("        type: HttpRequester\n        url_base: BASE\n        path: /events\n",
                        "      partition_router:\n"
                        "        type: SubstreamPartitionRouter\n"
                        "        parent_stream_configs:\n"
                        "        - type: ParentStreamConfig\n"
                        "          parent_key: code\n"
                        "          partition_field: region\n"
                        "          incremental_dependency: true\n"
                        "          request_option: {type: RequestOption, inject_into: request_parameter, field_name: region}\n"
                        "          stream:\n"
                        "            type: DeclarativeStream\n"
                        "            name: regions\n"
                        "            schema_loader: {type: InlineSchemaLoader, schema: {}}\n"
                        "            retriever:\n"
                        "              type: SimpleRetriever\n"
                        "              requester: {type: HttpRequester, url_base: BASE, path: /regions}\n"
                        "              record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}\n"
                        "            incremental_sync:\n"
                        "              type: DatetimeBasedCursor\n"
                        "              cursor_field: updated_at\n"
                        "              datetime_format: \"%Y-%m-%dT%H:%M:%SZ\"\n"
                        "              start_datetime: \"2024-01-01T00:00:00Z\"\n"
                        "              end_datetime: \"2024-01-05T00:00:00Z\"\n"
                        "              start_time_option: {type: RequestOption, inject_into: request_parameter, field_name: since}\n") +
      cursorYaml("");
  auto source = buildSource(withBase(yaml, server.baseUrl()), kConfig);
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  ASSERT_EQ(read.slices.size(), 2u);
  EXPECT_EQ(read.slices[1], (nlohmann::json{{"region", "b"}, {"parent_slice", nlohmann::json::object()},
                                            {"start_time", "2024-01-01T00:00:00Z"}, {"end_time", "2024-01-03T12:00:00Z"}}));
  const auto state = read.states.back();
  EXPECT_EQ(state["parent_state"], (nlohmann::json{{"regions", {{"updated_at", "2024-01-02T10:00:00Z"}}}}));
  EXPECT_EQ(state["states"][0]["partition"], (nlohmann::json{{"region", "a"}, {"parent_slice", nlohmann::json::object()}}));

  // The next sync reads the parent from its stored state: region a is no longer listed.
  server.clearRequests();
  auto next = collect(*source, "items", fastOptions(), {}, state);
  ASSERT_TRUE(next.result.succeeded()) << next.result.failure->message;
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].target, "/regions?since=2024-01-02T10%3A00%3A00Z");
  EXPECT_EQ(requests[1].param("region"), "b");
  EXPECT_EQ(requests[1].param("since"), "2024-01-03T09:00:00Z");
}

TEST(IncrementingCountCursor, StartsFromTheStateAndKeepsTheGreatestValue) {
  LocalHttpServer server;
  server.server().Get("/items", [](const httplib::Request& req, httplib::Response& res) {
    const int since = req.has_param("after") ? std::stoi(req.get_param_value("after")) : -1;
    nlohmann::json data = nlohmann::json::array();
    for (int id = 1; id <= 5; ++id) {
      if (id > since) data.push_back({{"id", id}});
    }
    res.set_content(nlohmann::json{{"data", data}}.dump(), "application/json");
  });
  server.start();
  auto source = buildSource(withBase(oneStreamManifest("        type: HttpRequester\n        url_base: BASE\n        path: /items\n") +
                                         "    incremental_sync:\n"
                                         "      type: IncrementingCountCursor\n"
                                         "      cursor_field: id\n"
                                         "      start_value: 2\n"
                                         "      start_value_option: {type: RequestOption, inject_into: request_parameter, field_name: after}\n",
                                     server.baseUrl()));
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(server.requests()[0].target, "/items?after=2");
  EXPECT_EQ(read.slices[0], (nlohmann::json{{"start", 2}}));
  EXPECT_EQ(read.states.back(), (nlohmann::json{{"id", 5}}));
  server.clearRequests();
  auto next = collect(*source, "items", fastOptions(), {}, read.states.back());
  EXPECT_EQ(server.requests()[0].target, "/items?after=5");
  EXPECT_EQ(next.records.size(), 0u);
  EXPECT_EQ(next.states.back(), (nlohmann::json{{"id", 5}}));
}

TEST(IncrementalSync, BuildErrorsNameTheField) {
  const auto loaded = manifest::loadManifest(eventsManifest("      step: P1D\n"));
  auto built = DeclarativeSource::build(loaded.resolved, kConfig);
  ASSERT_TRUE(built);
  const auto* entry = built.value()->findStream("items");
  ASSERT_TRUE(entry->error);
  EXPECT_NE(entry->error->message.find("cursor_granularity"), std::string::npos);
  EXPECT_EQ(entry->error->pointer, "/streams/0/incremental_sync");
}

}  // namespace
}  // namespace manifold::engine
