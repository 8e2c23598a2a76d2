#include "core/hosts/manifest_hosts.h"

#include "core/http/url.h"
#include "core/interpolation/context.h"
#include "core/interpolation/jinja_interpolation.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>
#include <utility>

namespace manifold::hosts {
namespace {

using OJson = nlohmann::ordered_json;

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool hasTemplate(std::string_view text) {
  return text.find("{{") != std::string_view::npos || text.find("{%") != std::string_view::npos;
}

std::string escapePointerToken(const std::string& token) {
  std::string out;
  for (const char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

// "config['a']['b']" or "config.a.b" (spaces around) → "a.b"; empty for anything else.
std::string configPath(std::string_view expression) {
  static const std::regex whole(R"(^\s*config((?:\s*\[\s*['"][^'"\]]+['"]\s*\]|\.[A-Za-z_][A-Za-z0-9_]*)+)\s*$)");
  static const std::regex part(R"(\[\s*['"]([^'"\]]+)['"]\s*\]|\.([A-Za-z_][A-Za-z0-9_]*))");
  const std::string text(expression);
  std::smatch match;
  if (!std::regex_match(text, match, whole)) return {};
  std::string path;
  const std::string accessors = match[1].str();
  for (auto it = std::sregex_iterator(accessors.begin(), accessors.end(), part); it != std::sregex_iterator(); ++it) {
    if (!path.empty()) path += '.';
    path += (*it)[1].matched ? (*it)[1].str() : (*it)[2].str();
  }
  return path;
}

// The host part of a URL template as an allowedHosts entry would write it, or "" when it holds
// something other than literal text and config look-ups.
std::string placeholderHostOf(std::string_view url) {
  std::size_t start = 0;
  const auto scheme = url.find("://");
  const auto firstTemplate = url.find("{{");
  if (scheme != std::string_view::npos && (firstTemplate == std::string_view::npos || scheme < firstTemplate)) {
    start = scheme + 3;
  }
  std::string out;
  std::size_t at = start;
  while (at < url.size()) {
    if (url.compare(at, 2, "{{") == 0) {
      const auto close = url.find("}}", at + 2);
      if (close == std::string_view::npos) return {};
      const std::string path = configPath(url.substr(at + 2, close - at - 2));
      if (path.empty()) return {};
      out += "${" + path + "}";
      at = close + 2;
      continue;
    }
    const char c = url[at];
    if (c == '/' || c == '?' || c == '#') break;
    if (c == '{' || c == '%') return {};
    out += c;
    ++at;
  }
  if (const auto userinfo = out.rfind('@'); userinfo != std::string::npos) out.erase(0, userinfo + 1);
  if (const auto colon = out.rfind(':'); colon != std::string::npos && out.find('}', colon) == std::string::npos) {
    out.erase(colon);
  }
  return normalizedPlaceholders(out);
}

// False for a host a missing template value left a hole in: empty, or an empty label.
bool isCompleteHost(std::string_view host) {
  return !host.empty() && host.front() != '.' && host.back() != '.' && host.find("..") == std::string_view::npos;
}

class Collector {
 public:
  explicit Collector(const nlohmann::json& config) : config_(config) {}

  void walk(const OJson& node, const std::string& pointer, bool inLogin) {
    if (node.is_array()) {
      for (std::size_t i = 0; i < node.size(); ++i) walk(node[i], pointer + "/" + std::to_string(i), inLogin);
      return;
    }
    if (!node.is_object()) return;
    const std::string type = node.contains("type") && node["type"].is_string() ? node["type"].get<std::string>() : "";
    const nlohmann::json parameters =
        node.contains("$parameters") && node["$parameters"].is_object()
            ? nlohmann::json::parse(node["$parameters"].dump())
            : nlohmann::json::object();
    const auto take = [&](const char* key, HostSource source) {
      if (!node.contains(key) || !node[key].is_string() || node[key].get_ref<const std::string&>().empty()) return false;
      add(source, pointer + "/" + key, node[key].get<std::string>(), parameters);
      return true;
    };
    if (type == "HttpRequester" || node.contains("url_base")) {
      const HostSource source = inLogin ? HostSource::SessionLogin : HostSource::UrlBase;
      if (!take("url_base", source) && type == "HttpRequester") take("url", source);
    }
    if (type == "OAuthAuthenticator" || node.contains("token_refresh_endpoint")) {
      take("token_refresh_endpoint", HostSource::OAuthTokenEndpoint);
    }
    if (type == "LegacySessionTokenAuthenticator") take("api_url", HostSource::LegacySessionApi);
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (!it.value().is_structured() || it.key() == "$parameters") continue;
      walk(it.value(), pointer + "/" + escapePointerToken(it.key()), inLogin || it.key() == "login_requester");
    }
  }

  std::vector<ManifestHost> take() { return std::move(found_); }

 private:
  void add(HostSource source, std::string field, std::string url, const nlohmann::json& parameters) {
    if (!seen_.insert({static_cast<int>(source), url}).second) return;
    ManifestHost host;
    host.source = source;
    host.field = std::move(field);
    host.url = std::move(url);
    host.templated = hasTemplate(host.url);
    std::string rendered = host.url;
    if (host.templated) {
      host.placeholderHost = placeholderHostOf(host.url);
      const nlohmann::json empty = nlohmann::json::object();
      interpolation::Context context;
      context.borrow("config", config_.is_object() ? config_ : empty)
          .borrow("parameters", parameters)
          .borrow("stream_slice", empty)
          .borrow("stream_partition", empty)
          .borrow("next_page_token", empty);
      const auto value = interpolation::evaluate(host.url, context);
      if (!value.ok()) {
        host.problem = "cannot be rendered: " + value.error().message;
        rendered.clear();
      } else if (value->is_string()) {
        rendered = value->get<std::string>();
      } else {
        rendered = value->is_null() ? std::string() : value->dump();
      }
      if (host.problem.empty() && rendered.empty()) {
        host.problem = "renders empty: the testing values lack a field it needs";
      }
    }
    if (!rendered.empty()) {
      const auto parts = rendered.find("://") != std::string::npos ? http::parseUrl(rendered) : std::nullopt;
      if (parts && host.templated && !isCompleteHost(parts->host)) {
        // "https://{{ config['sub'] }}.x.com" without the field renders "https://.x.com".
        host.problem = "renders the incomplete host '" + parts->host + "': the testing values lack a field it needs";
      } else if (parts && !parts->host.empty()) {
        host.host = lower(parts->host);
      } else {
        host.problem = "'" + rendered + "' is not an absolute http(s) URL";
      }
    }
    found_.push_back(std::move(host));
  }

  const nlohmann::json& config_;
  std::set<std::pair<int, std::string>> seen_;
  std::vector<ManifestHost> found_;
};

}  // namespace

std::string_view describe(HostSource source) {
  switch (source) {
    case HostSource::UrlBase: return "url_base";
    case HostSource::OAuthTokenEndpoint: return "OAuth token endpoint";
    case HostSource::SessionLogin: return "session login";
    case HostSource::LegacySessionApi: return "session API";
    case HostSource::TestRead: return "test read";
  }
  return "url_base";
}

bool isCredentialEndpoint(HostSource source) {
  return source == HostSource::OAuthTokenEndpoint || source == HostSource::SessionLogin ||
         source == HostSource::LegacySessionApi;
}

std::string normalizedPlaceholders(std::string_view pattern) {
  std::string out;
  std::size_t at = 0;
  while (at < pattern.size()) {
    if (pattern.compare(at, 2, "${") == 0) {
      const auto close = pattern.find('}', at);
      if (close == std::string_view::npos) break;
      std::string_view path = pattern.substr(at + 2, close - at - 2);
      if (path.starts_with("config.")) path.remove_prefix(7);
      out += "${" + std::string(path) + "}";
      at = close + 1;
      continue;
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(pattern[at])));
    ++at;
  }
  out.append(pattern.substr(at));
  return out;
}

std::vector<ManifestHost> manifestHosts(const nlohmann::ordered_json& resolvedManifest, const nlohmann::json& config) {
  Collector collector(config);
  if (!resolvedManifest.is_object()) return {};
  for (auto it = resolvedManifest.begin(); it != resolvedManifest.end(); ++it) {
    // The spec's JSON schema and the metadata hold no requests.
    if (it.key() == "spec" || it.key() == "metadata" || it.key() == "schemas") continue;
    collector.walk(it.value(), "/" + escapePointerToken(it.key()), false);
  }
  return collector.take();
}

}  // namespace manifold::hosts
