// HttpHeaders: an ordered list of header fields that keeps the casing the peer used.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace manifold::http {

// Duplicates stay separate entries, in arrival order; lookups ignore case.
using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

bool equalsIgnoreCase(std::string_view a, std::string_view b);

// The first value with that name, or nullptr.
const std::string* findHeader(const HttpHeaders& headers, std::string_view name);
// Replaces every entry with that name by one entry (appended when absent).
void setHeader(HttpHeaders& headers, std::string_view name, std::string value);
// Removes every entry with that name; returns how many were removed.
std::size_t removeHeader(HttpHeaders& headers, std::string_view name);

// A JSON object name → value in the peer's casing; repeated names are joined with ", " as
// requests/urllib3 present them (the reference's `dict(response.headers)`).
nlohmann::json headersToJson(const HttpHeaders& headers);

}  // namespace manifold::http
