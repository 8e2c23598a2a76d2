// Name and field helpers for the import rules.
#include "core/openapi/name_text.h"

#include <cctype>

namespace manifold::openapi {

std::string stringField(const Json& node, const char* key) {
  if (!node.is_object()) return {};
  auto it = node.find(key);
  return it != node.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string lowerAscii(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string normalizedName(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c))) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

}  // namespace manifold::openapi
