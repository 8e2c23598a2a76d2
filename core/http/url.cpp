// URL helpers that reproduce what Python's requests and urllib do for the reference engine.
#include "core/http/url.h"

#include <curl/curl.h>

#include <cctype>
#include <cstdlib>
#include <memory>

namespace manifold::http {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

bool isAlwaysSafe(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-' || c == '~';
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string pythonString(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "True" : "False";
  return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// urlsplit's pieces; `hasNetloc` tells "//" was present (an empty netloc is still a netloc).
struct Split {
  std::string scheme;
  std::string netloc;
  bool hasNetloc = false;
  std::string path;
  std::string query;
  std::string fragment;
};

Split urlSplit(std::string_view url, std::string_view defaultScheme) {
  // Python drops leading C0 controls/spaces and every tab or newline before parsing.
  std::string text;
  std::size_t start = 0;
  while (start < url.size() && static_cast<unsigned char>(url[start]) <= ' ') ++start;
  for (std::size_t i = start; i < url.size(); ++i) {
    if (url[i] != '\t' && url[i] != '\r' && url[i] != '\n') text.push_back(url[i]);
  }
  Split s;
  s.scheme = std::string(defaultScheme);
  std::string_view rest = text;
  const std::size_t colon = rest.find(':');
  if (colon != std::string_view::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(rest[0]))) {
    bool valid = true;
    for (std::size_t i = 0; i < colon; ++i) {
      const char c = rest[i];
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) {
        valid = false;
        break;
      }
    }
    if (valid) {
      s.scheme.clear();
      for (std::size_t i = 0; i < colon; ++i) s.scheme.push_back(static_cast<char>(std::tolower(rest[i])));
      rest.remove_prefix(colon + 1);
    }
  }
  if (rest.substr(0, 2) == "//") {
    rest.remove_prefix(2);
    const std::size_t end = rest.find_first_of("/?#");
    s.netloc = std::string(rest.substr(0, end));
    s.hasNetloc = true;
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  }
  if (auto hash = rest.find('#'); hash != std::string_view::npos) {
    s.fragment = std::string(rest.substr(hash + 1));
    rest = rest.substr(0, hash);
  }
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    s.query = std::string(rest.substr(q + 1));
    rest = rest.substr(0, q);
  }
  s.path = std::string(rest);
  return s;
}

bool usesNetloc(std::string_view scheme) {
  return scheme.empty() || scheme == "http" || scheme == "https" || scheme == "ftp" ||
         scheme == "ws" || scheme == "wss" || scheme == "file";
}

std::string urlUnsplit(const Split& s) {
  std::string url = s.path;
  if (!s.netloc.empty() || (!s.scheme.empty() && usesNetloc(s.scheme) && url.substr(0, 2) != "//")) {
    if (!url.empty() && url[0] != '/') url = "/" + url;
    url = "//" + s.netloc + url;
  }
  if (!s.scheme.empty()) url = s.scheme + ":" + url;
  if (!s.query.empty()) url += "?" + s.query;
  if (!s.fragment.empty()) url += "#" + s.fragment;
  return url;
}

std::vector<std::string> splitSlash(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = path.find('/', start);
    out.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

}  // namespace

std::string quote(std::string_view text, std::string_view safe) {
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  for (unsigned char c : text) {
    if (isAlwaysSafe(c) || (c != 0 && safe.find(static_cast<char>(c)) != std::string_view::npos)) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string quotePlus(std::string_view text) {
  std::string out = quote(text, " ");
  for (char& c : out) {
    if (c == ' ') c = '+';
  }
  return out;
}

std::string unquotePlus(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out.push_back(' ');
    } else if (text[i] == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 &&
               hexValue(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::string encodeQuery(const QueryParams& params) {
  std::string out;
  for (const auto& [k, v] : params) {
    if (!out.empty()) out.push_back('&');
    out += quotePlus(k);
    out.push_back('=');
    out += quotePlus(v);
  }
  return out;
}

std::string encodeQuery(const nlohmann::json& params) {
  QueryParams pairs;
  if (params.is_object()) {
    for (const auto& [key, value] : params.items()) {
      if (value.is_array()) {
        for (const auto& item : value) {
          if (!item.is_null()) pairs.emplace_back(key, pythonString(item));
        }
      } else if (!value.is_null()) {
        pairs.emplace_back(key, pythonString(value));
      }
    }
  }
  return encodeQuery(pairs);
}

std::string appendQuery(std::string_view url, std::string_view encodedQuery) {
  if (encodedQuery.empty()) return std::string(url);
  std::string_view fragment;
  if (auto hash = url.find('#'); hash != std::string_view::npos) {
    fragment = url.substr(hash);
    url = url.substr(0, hash);
  }
  std::string out(url);
  const auto q = out.find('?');
  if (q == std::string::npos) {
    out.push_back('?');
  } else if (q + 1 < out.size()) {
    out.push_back('&');
  }
  out += encodedQuery;
  out += fragment;
  return out;
}

QueryParams parseQuery(std::string_view query) {
  QueryParams out;
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    std::string_view part = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (part.empty()) continue;
    const std::size_t eq = part.find('=');
    if (eq == std::string_view::npos) {
      out.emplace_back(unquotePlus(part), std::string());
    } else {
      out.emplace_back(unquotePlus(part.substr(0, eq)), unquotePlus(part.substr(eq + 1)));
    }
  }
  return out;
}

std::string requoteUri(std::string_view uri) {
  // unquote_unreserved first; an escape that is not %XX makes requests quote '%' itself too.
  std::string unreserved;
  unreserved.reserve(uri.size());
  bool validEscapes = true;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] != '%') {
      unreserved.push_back(uri[i]);
      continue;
    }
    const bool twoAlnum = i + 2 < uri.size() && std::isalnum(static_cast<unsigned char>(uri[i + 1])) &&
                          std::isalnum(static_cast<unsigned char>(uri[i + 2]));
    if (!twoAlnum) {  // a lone '%' passes through untouched
      unreserved.push_back('%');
      continue;
    }
    if (hexValue(uri[i + 1]) < 0 || hexValue(uri[i + 2]) < 0) {
      validEscapes = false;
      break;
    }
    const auto c = static_cast<unsigned char>(hexValue(uri[i + 1]) * 16 + hexValue(uri[i + 2]));
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      unreserved.push_back(static_cast<char>(c));
    } else {
      unreserved.append(uri.substr(i, 3));
    }
    i += 2;
  }
  if (validEscapes) return quote(unreserved, "!#$%&'()*+,/:;=?@[]~");
  return quote(uri, "!#$&'()*+,/:;=?@[]~");
}

std::string resolveUrl(std::string_view base, std::string_view reference) {
  if (base.empty()) return std::string(reference);
  if (reference.empty()) return std::string(base);
  const Split b = urlSplit(base, "");
  Split r = urlSplit(reference, b.scheme);
  const bool relativeScheme = r.scheme.empty() || r.scheme == "http" || r.scheme == "https" ||
                              r.scheme == "ftp" || r.scheme == "file" || r.scheme == "ws" ||
                              r.scheme == "wss";
  if (r.scheme != b.scheme || !relativeScheme) return std::string(reference);
  if (usesNetloc(r.scheme)) {
    if (!r.netloc.empty()) return urlUnsplit(r);
    r.netloc = b.netloc;
  }
  if (r.path.empty()) {
    r.path = b.path;
    if (r.query.empty()) r.query = b.query;
    return urlUnsplit(r);
  }
  std::vector<std::string> baseParts = splitSlash(b.path);
  if (!baseParts.back().empty()) baseParts.pop_back();
  std::vector<std::string> segments;
  if (r.path[0] == '/') {
    segments = splitSlash(r.path);
  } else {
    segments = baseParts;
    for (auto& s : splitSlash(r.path)) segments.push_back(std::move(s));
    // Python keeps the first and last segment and drops empty ones in between.
    if (segments.size() > 2) {
      std::vector<std::string> kept{segments.front()};
      for (std::size_t i = 1; i + 1 < segments.size(); ++i) {
        if (!segments[i].empty()) kept.push_back(segments[i]);
      }
      kept.push_back(segments.back());
      segments = std::move(kept);
    }
  }
  std::vector<std::string> resolved;
  for (const auto& seg : segments) {
    if (seg == "..") {
      if (!resolved.empty()) resolved.pop_back();
    } else if (seg != ".") {
      resolved.push_back(seg);
    }
  }
  if (segments.back() == "." || segments.back() == "..") resolved.emplace_back();
  std::string path;
  for (std::size_t i = 0; i < resolved.size(); ++i) {
    if (i > 0) path.push_back('/');
    path += resolved[i];
  }
  r.path = path.empty() ? "/" : path;
  return urlUnsplit(r);
}

std::string joinUrlPath(std::string_view urlBase, std::string_view path) {
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (path.empty()) return std::string(urlBase);
  std::string base(urlBase);
  if (base.empty() || base.back() != '/') base.push_back('/');
  return resolveUrl(base, path);
}

std::optional<UrlParts> parseUrl(std::string_view url) {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> handle(curl_url(), &curl_url_cleanup);
  if (!handle) return std::nullopt;
  const std::string text(url);
  if (curl_url_set(handle.get(), CURLUPART_URL, text.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    return std::nullopt;
  }
  auto part = [&](CURLUPart which, unsigned flags) -> std::optional<std::string> {
    char* value = nullptr;
    if (curl_url_get(handle.get(), which, &value, flags) != CURLUE_OK || value == nullptr) return std::nullopt;
    std::string out(value);
    curl_free(value);
    return out;
  };
  UrlParts parts;
  parts.scheme = part(CURLUPART_SCHEME, 0).value_or("");
  for (char& c : parts.scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  parts.host = part(CURLUPART_HOST, 0).value_or("");
  for (char& c : parts.host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (auto port = part(CURLUPART_PORT, CURLU_DEFAULT_PORT)) parts.port = std::atoi(port->c_str());
  parts.path = part(CURLUPART_PATH, 0).value_or("/");
  parts.query = part(CURLUPART_QUERY, 0).value_or("");
  return parts;
}

}  // namespace manifold::http
