// RFC 8288 Link headers, parsed the way requests' Response.links presents them.
#include "core/http/link_header.h"

#include <string>
#include <vector>

namespace manifold::http {

namespace {

constexpr std::string_view kQuoteChars = " '\"";

std::string_view strip(std::string_view s, std::string_view chars) {
  const auto first = s.find_first_not_of(chars);
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(chars);
  return s.substr(first, last - first + 1);
}

// re.split(", *<", value): split at a comma followed by optional spaces and "<".
std::vector<std::string_view> splitLinks(std::string_view value) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  std::size_t pos = 0;
  while (pos < value.size()) {
    if (value[pos] == ',') {
      std::size_t next = pos + 1;
      while (next < value.size() && value[next] == ' ') ++next;
      if (next < value.size() && value[next] == '<') {
        out.push_back(value.substr(start, pos - start));
        start = next + 1;
        pos = start;
        continue;
      }
    }
    ++pos;
  }
  out.push_back(value.substr(start));
  return out;
}

}  // namespace

nlohmann::json parseLinkHeader(std::string_view value) {
  nlohmann::json links = nlohmann::json::object();
  value = strip(value, kQuoteChars);
  if (value.empty()) return links;
  for (std::string_view entry : splitLinks(value)) {
    std::string_view url = entry;
    std::string_view params;
    if (auto semi = entry.find(';'); semi != std::string_view::npos) {
      url = entry.substr(0, semi);
      params = entry.substr(semi + 1);
    }
    nlohmann::json link = nlohmann::json::object();
    link["url"] = std::string(strip(url, "<> '\""));
    while (true) {
      const auto semi = params.find(';');
      std::string_view param = params.substr(0, semi);
      const auto eq = param.find('=');
      // requests stops at the first parameter that is not exactly one key=value pair.
      if (eq == std::string_view::npos || param.find('=', eq + 1) != std::string_view::npos) break;
      link[std::string(strip(param.substr(0, eq), kQuoteChars))] =
          std::string(strip(param.substr(eq + 1), kQuoteChars));
      if (semi == std::string_view::npos) break;
      params = params.substr(semi + 1);
    }
    std::string key;
    if (auto rel = link.find("rel"); rel != link.end() && !rel->get_ref<const std::string&>().empty()) {
      key = rel->get<std::string>();
    } else {
      key = link["url"].get<std::string>();
    }
    links[key] = std::move(link);
  }
  return links;
}

nlohmann::json headersForInterpolation(const HttpHeaders& headers) {
  nlohmann::json out = headersToJson(headers);
  std::string combined;
  bool any = false;
  for (const auto& [k, v] : headers) {
    if (equalsIgnoreCase(k, "link")) {
      combined += any ? ", " + v : v;
      any = true;
    }
  }
  if (any) out["link"] = parseLinkHeader(combined);
  return out;
}

}  // namespace manifold::http
