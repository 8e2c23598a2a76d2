#include "core/http/host_allowlist.h"

#include "core/http/url.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>

namespace manifold::http {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// '*' matches any run of characters (also dots); everything else literally.
bool globMatches(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::optional<std::uint32_t> parseIpv4(std::string_view text) {
  std::uint32_t address = 0;
  for (int part = 0; part < 4; ++part) {
    unsigned value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end == text.data() || value > 255) return std::nullopt;
    address = (address << 8) | value;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    if (part < 3) {
      if (text.empty() || text.front() != '.') return std::nullopt;
      text.remove_prefix(1);
    }
  }
  if (!text.empty()) return std::nullopt;
  return address;
}

// "10.0.0.0/8" → true when `host` is an IPv4 address inside it; nullopt when not a CIDR.
std::optional<bool> cidrMatches(std::string_view pattern, std::string_view host) {
  const auto slash = pattern.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto network = parseIpv4(pattern.substr(0, slash));
  unsigned bits = 0;
  const auto prefix = pattern.substr(slash + 1);
  auto [end, ec] = std::from_chars(prefix.data(), prefix.data() + prefix.size(), bits);
  if (!network || ec != std::errc() || end != prefix.data() + prefix.size() || bits > 32) return std::nullopt;
  const auto address = parseIpv4(host);
  if (!address) return false;
  const std::uint32_t mask = bits == 0 ? 0 : ~std::uint32_t{0} << (32 - bits);
  return (*address & mask) == (*network & mask);
}

const nlohmann::json* lookUp(const nlohmann::json& config, std::string_view path) {
  if (path.starts_with("config.")) path.remove_prefix(7);
  const nlohmann::json* node = &config;
  while (!path.empty()) {
    const auto dot = path.find('.');
    const std::string key(path.substr(0, dot));
    if (!node->is_object() || !node->contains(key)) return nullptr;
    node = &(*node)[key];
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  }
  return node;
}

// Replaces each ${path} with its config value; a value that is a URL stands for its host.
std::variant<std::string, std::string> resolvePlaceholders(const std::string& pattern, const nlohmann::json& config) {
  std::string out;
  std::size_t at = 0;
  while (true) {
    const auto open = pattern.find("${", at);
    if (open == std::string::npos) break;
    const auto close = pattern.find('}', open);
    if (close == std::string::npos) {
      return std::variant<std::string, std::string>(std::in_place_index<1>,
                                                    "allowedHosts entry '" + pattern + "' has an unclosed '${'");
    }
    out.append(pattern, at, open - at);
    const std::string path = pattern.substr(open + 2, close - open - 2);
    const auto* value = lookUp(config, path);
    if (value == nullptr || !value->is_string() || value->get_ref<const std::string&>().empty()) {
      return std::variant<std::string, std::string>(
          std::in_place_index<1>, "allowedHosts entry '" + pattern + "' needs the config field '" + path +
                                      "', which is " + (value == nullptr ? "missing" : "not a non-empty string"));
    }
    const auto& text = value->get_ref<const std::string&>();
    if (auto parts = text.find("://") != std::string::npos ? parseUrl(text) : std::nullopt) {
      out += parts->host;
    } else {
      out += text;
    }
    at = close + 1;
  }
  out.append(pattern, at);
  return std::variant<std::string, std::string>(std::in_place_index<0>, std::move(out));
}

}  // namespace

std::variant<HostAllowlist, std::string> HostAllowlist::fromPatterns(const std::vector<std::string>& patterns,
                                                                     const nlohmann::json& config) {
  HostAllowlist list;
  for (const auto& pattern : patterns) {
    auto resolved = resolvePlaceholders(pattern, config);
    if (resolved.index() == 1) return std::get<1>(std::move(resolved));
    auto host = lower(std::get<0>(resolved));
    if (host.empty()) return "allowedHosts has an empty entry";
    list.patterns_.push_back(std::move(host));
  }
  return list;
}

bool HostAllowlist::allows(std::string_view host) const {
  const auto wanted = lower(host);
  return std::any_of(patterns_.begin(), patterns_.end(), [&](const std::string& pattern) {
    if (auto inside = cidrMatches(pattern, wanted)) return *inside;
    return globMatches(pattern, wanted);
  });
}

std::string HostAllowlist::describe() const {
  if (patterns_.empty()) return "none";
  std::string out;
  for (const auto& pattern : patterns_) {
    if (!out.empty()) out += ", ";
    out += pattern;
  }
  return out;
}

}  // namespace manifold::http
