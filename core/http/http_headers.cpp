// HttpHeaders: an ordered list of header fields that keeps the casing the peer used.
#include "core/http/http_headers.h"

namespace manifold::http {

namespace {
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

const std::string* findHeader(const HttpHeaders& headers, std::string_view name) {
  for (const auto& [k, v] : headers) {
    if (equalsIgnoreCase(k, name)) return &v;
  }
  return nullptr;
}

void setHeader(HttpHeaders& headers, std::string_view name, std::string value) {
  removeHeader(headers, name);
  headers.emplace_back(std::string(name), std::move(value));
}

std::size_t removeHeader(HttpHeaders& headers, std::string_view name) {
  const auto before = headers.size();
  std::erase_if(headers, [&](const auto& h) { return equalsIgnoreCase(h.first, name); });
  return before - headers.size();
}

nlohmann::json headersToJson(const HttpHeaders& headers) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [k, v] : headers) {
    // Join with the first spelling seen, whatever casing later duplicates use.
    std::string key = k;
    for (auto e = out.begin(); e != out.end(); ++e) {
      if (equalsIgnoreCase(e.key(), k)) {
        key = e.key();
        break;
      }
    }
    if (out.contains(key)) {
      out[key] = out[key].get<std::string>() + ", " + v;
    } else {
      out[key] = v;
    }
  }
  return out;
}

}  // namespace manifold::http
