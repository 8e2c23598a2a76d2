// URL helpers against values produced by Python's urllib and requests for the same input.
#include "core/http/url.h"

#include <gtest/gtest.h>

using namespace manifold::http;
using nlohmann::json;

TEST(Url, QuoteAndQuotePlusMatchUrllib) {
  EXPECT_EQ(quote("a b/c:d"), "a%20b/c%3Ad");
  EXPECT_EQ(quote("a b/c", ""), "a%20b%2Fc");
  EXPECT_EQ(quotePlus("a b:c,d/e~_.-"), "a+b%3Ac%2Cd%2Fe~_.-");
  EXPECT_EQ(quotePlus("\xc3\xa9"), "%C3%A9");
  EXPECT_EQ(unquotePlus("a+b%3Ac%zz%2"), "a b:c%zz%2");
}

TEST(Url, EncodeQueryLikeRequests) {
  // urlencode({"q": "a b:c,d/e", "n": 5, "t": True, "l": ["x", "y"]}, doseq=True), keys sorted
  // here because nlohmann orders object keys.
  json params = {{"q", "a b:c,d/e"}, {"n", 5}, {"t", true}, {"l", {"x", "y"}}, {"skip", nullptr}, {"f", 1.5}};
  EXPECT_EQ(encodeQuery(params), "f=1.5&l=x&l=y&n=5&q=a+b%3Ac%2Cd%2Fe&t=True");
  EXPECT_EQ(encodeQuery(QueryParams{{"b", "2"}, {"a", "x y"}, {"b", "3"}}), "b=2&a=x+y&b=3");
  EXPECT_EQ(encodeQuery(json::object()), "");
}

TEST(Url, AppendQueryKeepsExistingQueryAndFragment) {
  EXPECT_EQ(appendQuery("https://a.io/x?a=1#f", "q=a+b&l=1&l=2"), "https://a.io/x?a=1&q=a+b&l=1&l=2#f");
  EXPECT_EQ(appendQuery("https://a.io/x?", "q=a"), "https://a.io/x?q=a");
  EXPECT_EQ(appendQuery("https://a.io/x", "q=a"), "https://a.io/x?q=a");
  EXPECT_EQ(appendQuery("https://a.io/x", ""), "https://a.io/x");
}

TEST(Url, ParseQueryUnquotesInOrder) {
  EXPECT_EQ(parseQuery("a=1&b=x+y&a=%2F&flag&&e="),
            (QueryParams{{"a", "1"}, {"b", "x y"}, {"a", "/"}, {"flag", ""}, {"e", ""}}));
}

TEST(Url, RequoteUriMatchesRequests) {
  EXPECT_EQ(requoteUri("http://h/a b/\xc3\xa9?q=x y&ok=%41%2F"), "http://h/a%20b/%C3%A9?q=x%20y&ok=A%2F");
  EXPECT_EQ(requoteUri("http://h/100%"), "http://h/100%");
  EXPECT_EQ(requoteUri("http://h/%zz x"), "http://h/%25zz%20x");
  EXPECT_EQ(requoteUri("http://h/a\"b<c>{d}|e^`"), "http://h/a%22b%3Cc%3E%7Bd%7D%7Ce%5E%60");
  EXPECT_EQ(requoteUri("https://a.io/x?a=1&b=[2]#f"), "https://a.io/x?a=1&b=[2]#f");
}

TEST(Url, ResolveUrlMatchesUrljoin) {
  const std::pair<const char*, const char*> inputs[] = {
      {"https://a.io/", "v1/x"},         {"https://a.io/api/", "users"},
      {"https://a.io/api/", "users/"},   {"https://a.io/api/?q=1", "users"},
      {"https://a.io/api/v1/", "../v2/x"}, {"https://a.io/api/", "/v2/x?c=1"},
      {"https://a.io/api/", "https://b.io/z"}, {"https://a.io/api/", "file:///etc/passwd"},
      {"https://a.io/api/", "a//b"},     {"https://a.io/api/", "?page=2"},
      {"https://a.io/api/", "users:list"}, {"https://a.io/a/b/", "./c/."},
      {"https://a.io/a/b/", ".."},       {"https://a.io/api/", "//c.io/x"},
      {"https://a.io/api/", "#frag"}};
  const char* expected[] = {"https://a.io/v1/x",       "https://a.io/api/users",
                            "https://a.io/api/users/", "https://a.io/api/users",
                            "https://a.io/api/v2/x",   "https://a.io/v2/x?c=1",
                            "https://b.io/z",          "file:///etc/passwd",
                            "https://a.io/api/a/b",    "https://a.io/api/?page=2",
                            "users:list",              "https://a.io/a/b/c/",
                            "https://a.io/a/",         "https://c.io/x",
                            "https://a.io/api/#frag"};
  for (std::size_t i = 0; i < std::size(inputs); ++i) {
    EXPECT_EQ(resolveUrl(inputs[i].first, inputs[i].second), expected[i])
        << inputs[i].first << " + " << inputs[i].second;
  }
}

TEST(Url, JoinUrlPathFollowsHttpRequester) {
  // REFERENCE-NOTES 3.1
  EXPECT_EQ(joinUrlPath("https://a.io", "/v1/x"), "https://a.io/v1/x");
  EXPECT_EQ(joinUrlPath("https://a.io/api", "users"), "https://a.io/api/users");
  EXPECT_EQ(joinUrlPath("https://a.io/api/", "/users/"), "https://a.io/api/users/");
  EXPECT_EQ(joinUrlPath("https://a.io/api", ""), "https://a.io/api");
  EXPECT_EQ(joinUrlPath("https://a.io/api/", "/"), "https://a.io/api/");
  // Python: the "/" lands after the query, so the base path's last segment is replaced.
  EXPECT_EQ(joinUrlPath("https://a.io/api?key=1", "users"), "https://a.io/users");
  EXPECT_EQ(joinUrlPath("https://a.io/api/?key=1", "users"), "https://a.io/api/users");
  EXPECT_EQ(joinUrlPath("https://a.io/api/v1", "../v2/users"), "https://a.io/api/v2/users");
  EXPECT_EQ(joinUrlPath("https://a.io/api", "users?page=2"), "https://a.io/api/users?page=2");
}

TEST(Url, ParseUrlGivesSchemeHostAndDefaultPort) {
  auto p = parseUrl("HTTPS://API.Example.com/v1/x?a=1");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->scheme, "https");
  EXPECT_EQ(p->host, "api.example.com");
  EXPECT_EQ(p->port, 443);
  EXPECT_EQ(p->path, "/v1/x");
  EXPECT_EQ(p->query, "a=1");
  EXPECT_EQ(parseUrl("http://127.0.0.1:8080")->port, 8080);
  EXPECT_FALSE(parseUrl("not a url"));
}
