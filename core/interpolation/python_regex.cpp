// Translation and caching of Python regular expressions for the regex filters.
#include "core/interpolation/python_regex.h"

#include "core/interpolation/error.h"

#include <map>
#include <memory>
#include <mutex>

namespace manifold::interpolation {

const std::regex& compilePythonRegex(std::string_view pattern) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<std::regex>, std::less<>> cache;
  std::lock_guard lock(mutex);
  if (auto it = cache.find(pattern); it != cache.end()) return *it->second;
  std::string translated;
  auto flags = std::regex::ECMAScript;
  std::string_view rest = pattern;
  if (rest.substr(0, 4) == "(?i)") {
    flags |= std::regex::icase;
    rest.remove_prefix(4);
  }
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '\\' && i + 1 < rest.size()) {
      if (rest[i + 1] == 'A') translated += '^';
      else if (rest[i + 1] == 'Z') translated += '$';
      else {
        translated += rest[i];
        translated += rest[i + 1];
      }
      ++i;
      continue;
    }
    if (rest.substr(i, 4) == "(?P<") {
      const std::size_t close = rest.find('>', i);
      if (close == std::string_view::npos) throwValueError("missing >, unterminated name in regex");
      translated += '(';
      i = close;
      continue;
    }
    translated += rest[i];
  }
  std::unique_ptr<std::regex> compiled;
  try {
    compiled = std::make_unique<std::regex>(translated, flags);
  } catch (const std::regex_error& e) {
    throwValueError("invalid regular expression '" + std::string(pattern) + "': " + e.what());
  }
  if (cache.size() > 512) cache.clear();
  auto [it, inserted] = cache.emplace(std::string(pattern), std::move(compiled));
  return *it->second;
}

std::string toEcmaReplacement(std::string_view replacement) {
  std::string out;
  for (std::size_t i = 0; i < replacement.size(); ++i) {
    const char c = replacement[i];
    if (c == '$') {
      out += "$$";
      continue;
    }
    if (c != '\\' || i + 1 >= replacement.size()) {
      out += c;
      continue;
    }
    const char n = replacement[++i];
    if (n >= '0' && n <= '9') {
      out += '$';
      out += n;
    } else if (n == 'g' && i + 1 < replacement.size() && replacement[i + 1] == '<') {
      const std::size_t close = replacement.find('>', i);
      if (close == std::string_view::npos) throwValueError("missing >, unterminated name in replacement");
      out += '$';
      out += replacement.substr(i + 2, close - i - 2);
      i = close;
    } else if (n == 'n') {
      out += '\n';
    } else if (n == 't') {
      out += '\t';
    } else if (n == '\\') {
      out += '\\';
    } else {
      out += '\\';
      out += n;
    }
  }
  return out;
}

}  // namespace manifold::interpolation
