// Link header parsing as requests' Response.links exposes it to templates.
#include "core/http/link_header.h"

#include <gtest/gtest.h>

using namespace manifold::http;
using nlohmann::json;

TEST(LinkHeader, KeyedByRelWithUrlAndParameters) {
  json links = parseLinkHeader(R"(<https://x/i?page=2>; rel="next", <https://x/i?page=9>; rel="last")");
  EXPECT_EQ(links, json::parse(R"({"next":{"url":"https://x/i?page=2","rel":"next"},
                                   "last":{"url":"https://x/i?page=9","rel":"last"}})"));
}

TEST(LinkHeader, RequestsQuirksAreKept) {
  // A parameter with two '=' stops parsing of that link's parameters.
  EXPECT_EQ(parseLinkHeader(R"(<https://x/a>; rel=next; title="a=b"; type=x)"),
            json::parse(R"({"next":{"url":"https://x/a","rel":"next"}})"));
  // No rel: keyed by the URL.
  EXPECT_EQ(parseLinkHeader("<https://x/nolink>"), json::parse(R"({"https://x/nolink":{"url":"https://x/nolink"}})"));
  EXPECT_EQ(parseLinkHeader(R"( <https://x/a>;rel="prev" ,<https://x/b>; rel="next")"),
            json::parse(R"({"prev":{"url":"https://x/a","rel":"prev"},"next":{"url":"https://x/b","rel":"next"}})"));
  EXPECT_EQ(parseLinkHeader(""), json::object());
  // A comma inside the URL does not split links.
  EXPECT_EQ(parseLinkHeader(R"(<https://x/i?ids=1,2>; rel="next")")["next"]["url"], "https://x/i?ids=1,2");
}

TEST(LinkHeader, HeadersForInterpolationAddParsedLinkBesideTheRawOne) {
  HttpHeaders headers = {{"Content-Type", "application/json"},
                         {"Link", R"(<https://x/i?page=2>; rel="next")"},
                         {"X-Total", "5"}};
  json h = headersForInterpolation(headers);
  EXPECT_EQ(h["Content-Type"], "application/json");
  EXPECT_EQ(h["Link"], R"(<https://x/i?page=2>; rel="next")");
  EXPECT_EQ(h["link"]["next"]["url"], "https://x/i?page=2");
  EXPECT_FALSE(h.contains("content-type"));  // lookups are case-sensitive, as in the reference
  EXPECT_FALSE(headersForInterpolation({{"A", "1"}}).contains("link"));
}
