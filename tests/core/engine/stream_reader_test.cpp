// readStream's page boundaries and test-read limits, checked against the requests a server saw.
#include "tests/core/engine/engine_test_support.h"
#include "tests/support/local_http_server.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;
using manifold::testing::LocalHttpServer;

// /items?page=N serves pages of 3 records, 3 pages in all.
void serveThreePages(LocalHttpServer& server) {
  server.server().Get("/items", [](const httplib::Request& req, httplib::Response& res) {
    const int page = req.has_param("page") ? std::stoi(req.get_param_value("page")) : 1;
    nlohmann::json data = nlohmann::json::array();
    if (page <= 3) {
      for (int i = 0; i < 3; ++i) data.push_back({{"id", (page - 1) * 3 + i}});
    }
    res.set_content(nlohmann::json{{"data", data}}.dump(), "application/json");
  });
}

std::string pagedManifest(const std::string& base) {
  return withBase(oneStreamManifest("        type: HttpRequester\n        url_base: BASE\n        path: /items\n",
                                    "      paginator:\n"
                                    "        type: DefaultPaginator\n"
                                    "        pagination_strategy: {type: PageIncrement, page_size: 3, start_from_page: 1}\n"
                                    "        page_token_option: {type: RequestOption, inject_into: request_parameter, "
                                    "field_name: page}\n"),
                  base);
}

// The events in order: "x" for an exchange, "r" for a record, "|" for a page boundary.
std::string eventTrace(const DeclarativeSource& source, const ReadOptions& options, StreamReadResult& result) {
  std::string trace;
  ReadEvents events;
  events.httpExchange = [&](const http::HttpExchange&, const ExchangeInfo&) { trace += "x"; };
  events.record = [&](const nlohmann::json&) { trace += "r"; };
  events.pageDone = [&] { trace += "|"; };
  result = readStream(source, "items", nullptr, events, {}, options);
  return trace;
}

TEST(ReadStreamPages, PageDoneFollowsEachPagesRecords) {
  LocalHttpServer server;
  serveThreePages(server);
  server.start();
  auto source = buildSource(pagedManifest(server.baseUrl()));
  ASSERT_TRUE(source);
  StreamReadResult result;
  EXPECT_EQ(eventTrace(*source, fastOptions(), result), "xrrr|xrrr|xrrr|x|");
  EXPECT_TRUE(result.succeeded());
  EXPECT_FALSE(result.limitReached);
}

TEST(ReadStreamPages, RecordLimitCutsThePageAndRequestsNoMore) {
  LocalHttpServer server;
  serveThreePages(server);
  server.start();
  auto source = buildSource(pagedManifest(server.baseUrl()));
  ASSERT_TRUE(source);
  ReadOptions options = fastOptions();
  options.maxRecords = 4;
  StreamReadResult result;
  EXPECT_EQ(eventTrace(*source, options, result), "xrrr|xr|");
  EXPECT_TRUE(result.limitReached);
  EXPECT_EQ(result.records, 4u);
  EXPECT_EQ(server.requestCount(), 2u);
}

TEST(ReadStreamPages, RecordLimitAtAPageEndRequestsNoFurtherPage) {
  LocalHttpServer server;
  serveThreePages(server);
  server.start();
  auto source = buildSource(pagedManifest(server.baseUrl()));
  ASSERT_TRUE(source);
  ReadOptions options = fastOptions();
  options.maxRecords = 3;
  StreamReadResult result;
  EXPECT_EQ(eventTrace(*source, options, result), "xrrr|");
  EXPECT_EQ(server.requestCount(), 1u);
}

TEST(ReadStreamPages, PageLimitStopsTheSlice) {
  LocalHttpServer server;
  serveThreePages(server);
  server.start();
  auto source = buildSource(pagedManifest(server.baseUrl()));
  ASSERT_TRUE(source);
  ReadOptions options = fastOptions();
  options.maxPagesPerSlice = 2;
  StreamReadResult result;
  EXPECT_EQ(eventTrace(*source, options, result), "xrrr|xrrr|");
  EXPECT_EQ(server.requestCount(), 2u);
}

}  // namespace
}  // namespace manifold::engine
