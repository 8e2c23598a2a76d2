// RFC 8288 Link headers, parsed the way requests' Response.links presents them.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/http/http_headers.h"

namespace manifold::http {

// {"next": {"url": "https://x/i?page=2", "rel": "next"}, ...}: one entry per link keyed by its
// rel (or by its URL when it has none); every parameter kept as a string with quotes removed.
// requests' parser is followed, quirks included (a later link with the same rel wins).
nlohmann::json parseLinkHeader(std::string_view value);

// The `headers` object templates see (REFERENCE-NOTES 4.7): the response headers with the
// server's casing, plus "link" replaced by parseLinkHeader of the Link header when there is one
// (a header spelled "Link" stays alongside as raw text).
nlohmann::json headersForInterpolation(const HttpHeaders& headers);

}  // namespace manifold::http
