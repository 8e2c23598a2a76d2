// URL helpers that reproduce what Python's requests and urllib do for the reference engine.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace manifold::http {

// urllib.parse.quote: letters, digits, "_.-~" and the `safe` characters stay, all other bytes
// become %XX (upper-case hex).
std::string quote(std::string_view text, std::string_view safe = "/");
// urllib.parse.quote_plus: like quote with nothing safe, and space as "+".
std::string quotePlus(std::string_view text);
// urllib.parse.unquote_plus: "+" → space, %XX → byte (invalid escapes stay as they are).
std::string unquotePlus(std::string_view text);

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// A query string the way requests encodes `params`: key=value pairs joined by "&", both sides
// quote_plus-ed (space→"+", ":"→"%3A", ","→"%2C", "/"→"%2F").
std::string encodeQuery(const QueryParams& params);
// The same from a JSON object: a list value repeats its key (a=1&a=2), null values (and null
// list items) are left out, strings go as they are, true/false as "True"/"False" (Python's
// str()), numbers as printed, objects and nested lists as JSON text.
std::string encodeQuery(const nlohmann::json& params);

// Appends an encoded query to a URL as requests does: after an existing query with "&",
// before any #fragment. An empty query leaves the URL unchanged.
std::string appendQuery(std::string_view url, std::string_view encodedQuery);

// The query's key/value pairs in order, unquote_plus-ed; blank values kept.
QueryParams parseQuery(std::string_view query);

// requests' requote_uri: quotes what may not appear in a URL (space → %20, non-ASCII bytes,
// quotes, ...) and keeps reserved characters and valid %XX escapes.
std::string requoteUri(std::string_view uri);

// urllib.parse.urljoin (RFC 3986 resolution with Python's quirks: empty inner segments of a
// relative merge are dropped; a reference with another scheme is returned unchanged).
std::string resolveUrl(std::string_view base, std::string_view reference);

// HttpRequester's url_base + path (REFERENCE-NOTES 3.1): the path's leading "/" is stripped,
// a "/" is added to the base if missing, then resolveUrl. An empty path returns the base as is.
std::string joinUrlPath(std::string_view urlBase, std::string_view path);

// The parts of an absolute URL, as libcurl's parser sees them (scheme and host lower-case,
// port filled with the scheme's default). nullopt when libcurl cannot parse it.
struct UrlParts {
  std::string scheme;
  std::string host;
  int port = 0;
  std::string path;
  std::string query;
};
std::optional<UrlParts> parseUrl(std::string_view url);

}  // namespace manifold::http
