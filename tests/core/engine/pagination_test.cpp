// Paginators, each checked by the exact sequence of requests it makes.
#include "tests/core/engine/engine_test_support.h"
#include "tests/support/local_http_server.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;
using manifold::testing::LocalHttpServer;

const char* kRequester =
    "        type: HttpRequester\n"
    "        url_base: BASE\n"
    "        path: /items\n";

// /items serves `total` records in pages: page/per_page, offset/limit or cursor.
void serveItems(LocalHttpServer& server, int total) {
  server.server().Get("/items", [total](const httplib::Request& req, httplib::Response& res) {
    int start = 0;
    int size = 10;
    if (req.has_param("per_page")) size = std::stoi(req.get_param_value("per_page"));
    if (req.has_param("limit")) size = std::stoi(req.get_param_value("limit"));
    if (req.has_param("page")) start = (std::stoi(req.get_param_value("page")) - 1) * size;
    if (req.has_param("offset")) start = std::stoi(req.get_param_value("offset"));
    if (req.has_param("cursor")) start = std::stoi(req.get_param_value("cursor"));
    if (req.has_header("X-Page")) start = (std::stoi(req.get_header_value("X-Page")) - 1) * size;
    nlohmann::json data = nlohmann::json::array();
    for (int i = start; i < std::min(total, start + size); ++i) data.push_back({{"id", i}});
    nlohmann::json body{{"data", data}};
    const bool more = start + size < total;
    body["next"] = more ? nlohmann::json(std::to_string(start + size)) : nlohmann::json();
    body["has_more"] = more;
    res.set_content(body.dump(), "application/json");
  });
}

std::vector<std::string> targets(const LocalHttpServer& server) {
  std::vector<std::string> out;
  for (const auto& r : server.requests()) out.push_back(r.target);
  return out;
}

TEST(PageIncrement, RequestsPagesUntilAShortPage) {
  LocalHttpServer server;
  serveItems(server, 25);
  server.start();
  const std::string yaml = withBase(oneStreamManifest(kRequester,
      "      paginator:\n"
      "        type: DefaultPaginator\n"
      "        pagination_strategy: {type: PageIncrement, page_size: 10, start_from_page: 1, inject_on_first_request: true}\n"
      "        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}\n"
      "        page_size_option: {type: RequestOption, inject_into: request_parameter, field_name: per_page}\n"),
      server.baseUrl());
  auto source = buildSource(yaml);
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_EQ(read.records.size(), 25u);
  EXPECT_EQ(targets(server), (std::vector<std::string>{"/items?page=1&per_page=10", "/items?page=2&per_page=10",
                                                       "/items?page=3&per_page=10"}));
}

TEST(PageIncrement, FirstPageWithoutTokenThenStartPlusOne) {
  LocalHttpServer server;
  serveItems(server, 20);
  server.start();
  const std::string yaml = withBase(oneStreamManifest(kRequester,
      "      paginator:\n"
      "        type: DefaultPaginator\n"
      "        pagination_strategy: {type: PageIncrement, page_size: 10, start_from_page: 1}\n"
      "        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}\n"
      "        page_size_option: {type: RequestOption, inject_into: request_parameter, field_name: per_page}\n"),
      server.baseUrl());
  auto source = buildSource(yaml);
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.succeeded());
  // A full last page needs one more (empty) request to know it was the last.
  EXPECT_EQ(targets(server), (std::vector<std::string>{"/items?per_page=10", "/items?page=2&per_page=10",
                                                       "/items?page=3&per_page=10"}));
  EXPECT_EQ(read.records.size(), 20u);
}

TEST(PageIncrement, TokenInHeader) {
  LocalHttpServer server;
  serveItems(server, 15);
  server.start();
  const std::string yaml = withBase(oneStreamManifest(kRequester,
      "      paginator:\n"
      "        type: DefaultPaginator\n"
      "        pagination_strategy: {type: PageIncrement, page_size: 10, start_from_page: 1}\n"
      "        page_token_option: {type: RequestOption, inject_into: header, field_name: X-Page}\n"),
      server.baseUrl());
  auto source = buildSource(yaml);
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.succeeded());
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].header("X-Page"), "");
  EXPECT_EQ(requests[1].header("X-Page"), "2");
  EXPECT_EQ(read.records.size(), 15u);
}

TEST(OffsetIncrement, OffsetGrowsByRecordsOfEachPage) {
  LocalHttpServer server;
  serveItems(server, 12);
  server.start();
  const std::string yaml = withBase(oneStreamManifest(kRequester,
      "      paginator:\n"
      "        type: DefaultPaginator\n"
      "        pagination_strategy: {type: OffsetIncrement, page_size: 5, inject_on_first_request: true}\n"
      "        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: offset}\n"
      "        page_size_option: {type: RequestOption, inject_into: request_parameter, field_name: limit}\n"),
      server.baseUrl());
  auto source = buildSource(yaml);
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(targets(server), (std::vector<std::string>{"/items?limit=5&offset=0", "/items?limit=5&offset=5",
                                                       "/items?limit=5&offset=10"}));
  EXPECT_EQ(read.records.size(), 12u);
}

TEST(CursorPagination, PassesTheCursorBackUntilTheStopCondition) {
  LocalHttpServer server;
  serveItems(server, 25);
  server.start();
  const std::string yaml = withBase(oneStreamManifest(kRequester,
      "      paginator:\n"
      "        type: DefaultPaginator\n"
      "        pagination_strategy:\n"
      "          type: CursorPagination\n"
      "          cursor_value: \"{{ response.next }}\"\n"
      "          stop_condition: \"{{ not response.has_more }}\"\n"
      "          page_size: 10\n"
      "        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: cursor}\n"
      "        page_size_option: {type: RequestOption, inject_into: request_parameter, field_name: limit}\n"),
      server.baseUrl());
  auto source = buildSource(yaml);
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(targets(server), (std::vector<std::string>{"/items?limit=10", "/items?cursor=10&limit=10",
                                                       "/items?cursor=20&limit=10"}));
  EXPECT_EQ(read.records.size(), 25u);
  EXPECT_EQ(read.records.back()["id"], 24);
}

TEST(CursorPagination, NullCursorEndsPagination) {
  LocalHttpServer server;
  serveItems(server, 15);
  server.start();
  const std::string yaml = withBase(oneStreamManifest(kRequester,
      "      paginator:\n"
      "        type: DefaultPaginator\n"
      "        pagination_strategy: {type: CursorPagination, cursor_value: \"{{ response.next }}\"}\n"
      "        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: cursor}\n"),
      server.baseUrl());
  auto source = buildSource(yaml);
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(targets(server), (std::vector<std::string>{"/items", "/items?cursor=10"}));
}

TEST(CursorPagination, FollowsLinkHeaderWithRequestPath) {
  LocalHttpServer server;
  server.server().Get("/items", [&server](const httplib::Request& req, httplib::Response& res) {
    const int page = req.has_param("page") ? std::stoi(req.get_param_value("page")) : 1;
    if (page < 3) {
      res.set_header("Link", "<" + server.baseUrl() + "/items?page=" + std::to_string(page + 1) + ">; rel=\"next\"");
    }
    res.set_content(nlohmann::json{{"data", {{{"id", page}}}}}.dump(), "application/json");
  });
  server.start();
  const std::string yaml = withBase(oneStreamManifest(
      "        type: HttpRequester\n"
      "        url_base: BASE\n"
      "        path: /items\n"
      "        request_parameters: {page: \"1\"}\n",
      "      paginator:\n"
      "        type: DefaultPaginator\n"
      "        pagination_strategy:\n"
      "          type: CursorPagination\n"
      "          cursor_value: \"{{ headers['link']['next']['url'] }}\"\n"
      "          stop_condition: \"{{ 'next' not in headers['link'] }}\"\n"
      "        page_token_option: {type: RequestPath}\n"),
      server.baseUrl());
  auto source = buildSource(yaml);
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  // The requester's page=1 parameter is dropped where the next URL already carries page (3.3):
  // only a differing value is appended.
  EXPECT_EQ(targets(server), (std::vector<std::string>{"/items?page=1", "/items?page=2&page=1", "/items?page=3&page=1"}));
  EXPECT_EQ(read.records.size(), 3u);
}

TEST(NoPagination, MakesOneRequest) {
  LocalHttpServer server;
  serveItems(server, 25);
  server.start();
  auto source = buildSource(withBase(oneStreamManifest(kRequester, "      paginator: {type: NoPagination}\n"), server.baseUrl()));
  ASSERT_TRUE(source);
  auto read = collect(*source, "items");
  ASSERT_TRUE(read.result.succeeded());
  EXPECT_EQ(server.requestCount(), 1u);
  EXPECT_EQ(read.records.size(), 10u);
}

TEST(DefaultPaginator, PageSizeOptionWithoutPageSizeIsABuildError) {
  const std::string yaml = oneStreamManifest(
      "        type: HttpRequester\n        url_base: http://127.0.0.1:1\n",
      "      paginator:\n"
      "        type: DefaultPaginator\n"
      "        pagination_strategy: {type: CursorPagination, cursor_value: \"{{ response.next }}\"}\n"
      "        page_size_option: {type: RequestOption, inject_into: request_parameter, field_name: limit}\n");
  auto source = buildSource(yaml);
  ASSERT_TRUE(source);
  const auto* entry = source->findStream("items");
  ASSERT_TRUE(entry && entry->error);
  EXPECT_NE(entry->error->message.find("page_size"), std::string::npos);
  EXPECT_EQ(entry->error->pointer, "/streams/0/retriever/paginator/page_size_option");
}

TEST(DefaultPaginator, TestReadPageLimitStopsPaging) {
  LocalHttpServer server;
  serveItems(server, 100);
  server.start();
  const std::string yaml = withBase(oneStreamManifest(kRequester,
      "      paginator:\n"
      "        type: DefaultPaginator\n"
      "        pagination_strategy: {type: PageIncrement, page_size: 10, start_from_page: 1}\n"
      "        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}\n"),
      server.baseUrl());
  auto source = buildSource(yaml);
  ASSERT_TRUE(source);
  auto options = fastOptions();
  options.maxPagesPerSlice = 2;
  auto read = collect(*source, "items", options);
  EXPECT_EQ(server.requestCount(), 2u);
  EXPECT_EQ(read.records.size(), 20u);
}

}  // namespace
}  // namespace manifold::engine
