// KeysToSnakeCase: the reference's token pattern `[A-Z]+[a-z]*|[a-z]+|\d+|[^a-zA-Z\d]+` (a run of
// other characters is an empty token), empty tokens dropped except first and last when there are
// three or more, a leading "" when the first token is a number, then lower case joined by "_".
#include "core/engine/transform/keys_to_snake_case.h"

#include "core/engine/transform/unicode_text.h"

#include <vector>

namespace manifold::engine {
namespace {

bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

std::vector<std::string> tokenize(const std::string& key) {
  std::vector<std::string> tokens;
  std::size_t i = 0;
  while (i < key.size()) {
    const std::size_t start = i;
    if (isUpper(key[i])) {
      while (i < key.size() && isUpper(key[i])) ++i;
      while (i < key.size() && isLower(key[i])) ++i;
      tokens.push_back(key.substr(start, i - start));
    } else if (isLower(key[i])) {
      while (i < key.size() && isLower(key[i])) ++i;
      tokens.push_back(key.substr(start, i - start));
    } else if (isDigit(key[i])) {
      while (i < key.size() && isDigit(key[i])) ++i;
      tokens.push_back(key.substr(start, i - start));
    } else {
      while (i < key.size() && !isUpper(key[i]) && !isLower(key[i]) && !isDigit(key[i])) ++i;
      tokens.emplace_back();
    }
  }
  return tokens;
}

nlohmann::json transformObject(nlohmann::json& object) {
  nlohmann::json out = nlohmann::json::object();
  for (auto it = object.begin(); it != object.end(); ++it) {
    nlohmann::json value = std::move(it.value());
    if (value.is_object()) value = transformObject(value);
    out[KeysToSnakeCase::processKey(it.key())] = std::move(value);
  }
  return out;
}

}  // namespace

std::string KeysToSnakeCase::processKey(std::string_view key) {
  std::vector<std::string> tokens = tokenize(transliterateToAscii(key));
  if (tokens.size() >= 3) {
    std::vector<std::string> kept;
    kept.push_back(tokens.front());
    for (std::size_t i = 1; i + 1 < tokens.size(); ++i) {
      if (!tokens[i].empty()) kept.push_back(tokens[i]);
    }
    kept.push_back(tokens.back());
    tokens = std::move(kept);
  }
  if (!tokens.empty() && !tokens.front().empty() && isDigit(tokens.front().front())) tokens.insert(tokens.begin(), "");
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0) out += '_';
    for (char c : tokens[i]) out += isUpper(c) ? static_cast<char>(c + 32) : c;
  }
  return out;
}

void KeysToSnakeCase::transform(nlohmann::json& record, const nlohmann::json&) const {
  if (!record.is_object()) return;
  record = transformObject(record);
}

}  // namespace manifold::engine
